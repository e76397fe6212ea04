package org.juniper.sample;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.juniper.erp.JuniperPack;
import org.juniper.upgrade.archive.BackupArchiveReader;
import org.juniper.upgrade.archive.BackupValidator;
import org.juniper.upgrade.archive.InvalidBackupException;
import org.juniper.upgrade.archive.Manifest;
import org.juniper.upgrade.archive.Sha256;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SampleDatabaseTest {
    private static final SampleSpec SMALL = new SampleSpec("acme", "14.0", 0.01, 42);
    private static byte[] small;

    @BeforeAll
    static void generateOnce() throws IOException {
        small = generate(SMALL);
    }

    private static byte[] generate(SampleSpec spec) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new SampleDatabase().writeBackup(out, spec);
        return out.toByteArray();
    }

    /** Entry name to content checksum; zip entry timestamps aside, this is the whole backup. */
    private static Map<String, String> contents(byte[] zip) throws IOException, InvalidBackupException {
        Map<String, String> contents = new TreeMap<>();
        BackupArchiveReader.read(new ByteArrayInputStream(zip), (name, in) -> {
            Sha256 sha = new Sha256();
            in.transferTo(sha.wrap(OutputStream.nullOutputStream()));
            contents.put(name, sha.hex());
        });
        return contents;
    }

    private static String dump(byte[] zip) throws IOException, InvalidBackupException {
        String[] dump = {null};
        BackupArchiveReader.read(new ByteArrayInputStream(zip), (name, in) -> {
            if (name.equals("dump.sql")) {
                dump[0] = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
        });
        return dump[0];
    }

    /** The data rows of one table's COPY block, as tab-separated fields. */
    private static List<String[]> copyRows(String dump, String table) {
        int start = dump.indexOf("COPY public." + table + " (");
        String[] lines = dump.substring(start, dump.indexOf("\n\\.\n", start)).split("\n");
        List<String> columns = List.of(lines[0].replaceAll("^.*\\((.*)\\) FROM stdin;$", "$1").split(", "));
        List<String[]> rows = new ArrayList<>();
        rows.add(columns.toArray(String[]::new));
        for (int i = 1; i < lines.length; i++) {
            rows.add(lines[i].split("\t", -1));
        }
        return rows;
    }

    @Test
    void theSameSeedGivesTheSameBackup() throws Exception {
        assertEquals(contents(small), contents(generate(SMALL)));
    }

    @Test
    void anotherSeedGivesAnotherCustomer() throws Exception {
        byte[] other = generate(new SampleSpec("acme", "14.0", 0.01, 7));
        assertNotEquals(contents(small).get("dump.sql"), contents(other).get("dump.sql"));
    }

    @Test
    void theBackupPassesThePlatformValidation() throws Exception {
        BackupValidator.Summary summary = BackupValidator.validate(new ByteArrayInputStream(small),
                JuniperPack.MODULE_REGISTRY);
        Manifest manifest = summary.manifest().orElseThrow();
        assertEquals("acme", manifest.databaseName());
        assertEquals("14.0", manifest.version());
        assertEquals("15", manifest.pgVersion());
        assertEquals("14.0.1.1", manifest.modules().get("sale"));
        assertEquals(12, manifest.modules().size());
        assertTrue(summary.filestoreFiles() > 10, "filestore files: " + summary.filestoreFiles());
    }

    @Test
    void theDumpHasNoBackslashLineOutsideCopyDataButTheTerminators() throws Exception {
        boolean inCopy = false;
        for (String line : dump(small).split("\n")) {
            if (inCopy) {
                inCopy = !line.equals("\\.");
            } else {
                assertTrue(!line.startsWith("\\"), line);
                inCopy = line.startsWith("COPY ") && line.endsWith(" FROM stdin;");
            }
        }
    }

    @Test
    void theDumpIsLaidOutLikePgDump() throws Exception {
        String dump = dump(small);
        assertTrue(dump.startsWith("--\n-- PostgreSQL database dump\n--\n"));
        int table = dump.indexOf("CREATE TABLE public.res_partner (");
        int data = dump.indexOf("COPY public.res_partner (");
        int sequence = dump.indexOf("SELECT pg_catalog.setval('public.res_partner_id_seq'");
        int key = dump.indexOf("ADD CONSTRAINT res_partner_pkey PRIMARY KEY");
        int index = dump.indexOf("CREATE INDEX res_partner_display_name_index");
        int foreignKey = dump.indexOf("ADD CONSTRAINT res_partner_parent_id_fkey FOREIGN KEY");
        assertTrue(0 < table && table < data && data < sequence && sequence < key && key < index
                && index < foreignKey, "sections out of order");
        assertTrue(!dump.contains("OWNER TO") && !dump.contains("GRANT ") && !dump.contains("CREATE EXTENSION"));
    }

    @Test
    void attachmentsAreInTheFilestoreOnceOrStillInTheDatabase() throws Exception {
        Set<String> filestore = new HashSet<>();
        for (String name : contents(small).keySet()) {
            if (name.startsWith("filestore/")) {
                filestore.add(name.substring("filestore/".length()));
            }
        }
        List<String[]> rows = copyRows(dump(small), "ir_attachment");
        List<String> columns = List.of(rows.get(0));
        int storeName = columns.indexOf("store_fname");
        int data = columns.indexOf("db_datas");
        int inDatabase = 0;
        Set<String> referenced = new HashSet<>();
        for (String[] row : rows.subList(1, rows.size())) {
            if (row[storeName].equals("\\N")) {
                assertTrue(row[data].startsWith("\\\\x"), "neither stored nor in the database");
                inDatabase++;
            } else {
                referenced.add(row[storeName]);
            }
        }
        assertEquals(filestore, referenced);
        assertTrue(inDatabase > 0);
        assertTrue(rows.size() - 1 > referenced.size() + inDatabase, "no attachment shares a stored file");
    }

    @Test
    void theSampleCarriesWhatAnUpgradeAndANeutralizationMeet() throws Exception {
        String dump = dump(small);
        assertTrue(dump.contains("<field name=\"mobile\" position=\"attributes\">"), "custom view on mobile");
        assertTrue(dump.contains("${object.partner_id.name}"), "14.0 template syntax");
        assertTrue(dump.contains("sk_live_"), "live payment key");
        List<String[]> partners = copyRows(dump, "res_partner");
        List<String> columns = List.of(partners.get(0));
        long mobileOnly = partners.stream().skip(1).filter(p -> p[columns.indexOf("phone")].equals("\\N")
                && !p[columns.indexOf("mobile")].equals("\\N")).count();
        assertTrue(mobileOnly > 0, "partners with a mobile only");
        List<String[]> translations = copyRows(dump, "ir_translation");
        Set<String> languages = new HashSet<>();
        translations.stream().skip(1).forEach(t -> languages.add(t[List.of(translations.get(0)).indexOf("lang")]));
        assertEquals(Set.of("fr_FR", "de_DE", "es_ES"), languages);
    }

    @Test
    void countsGrowLinearlyWithTheScale() {
        JuniperPack pack = JuniperPack.load();
        SchemaLayout layout = SchemaLayout.of(pack, "14.0", pack.modules("14.0"));
        VersionShape shape = new VersionShape(pack.supportedVersions(), "14.0");
        SampleModel tenth = new SampleModel(new SampleSpec("a", "14.0", 0.1, 1), layout, shape, null);
        SampleModel full = new SampleModel(new SampleSpec("a", "14.0", 1, 1), layout, shape, null);
        assertEquals(150_180, full.partners);
        assertEquals(60_000, full.products);
        assertEquals(90_000, full.saleOrders);
        assertEquals(9_000, tenth.saleOrders);
        assertEquals(6_000, tenth.products);
    }

    @Test
    void refusesVersionsThePackDoesNotKnow() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> generate(new SampleSpec("acme", "13.0", 0.01, 1)));
        assertTrue(error.getMessage().contains("not 13.0"), error.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"15.0", "16.0", "17.0", "18.0"})
    void laterVersionsHaveTheirModulesNamesAndTranslatedColumns(String version) throws Exception {
        JuniperPack pack = JuniperPack.load();
        byte[] zip = generate(new SampleSpec("acme", version, 0.01, 42));
        Manifest manifest = BackupValidator.validate(new ByteArrayInputStream(zip), JuniperPack.MODULE_REGISTRY)
                .manifest().orElseThrow();
        assertEquals(version, manifest.version());
        assertEquals(pack.moduleVersions(version, pack.modules(version)), manifest.modules());
        String dump = dump(zip);
        boolean jsonb = !version.equals("15.0");
        assertEquals(!jsonb, dump.contains("COPY public.ir_translation ("));
        assertEquals(jsonb, dump.contains("COPY public.payment_provider ("));
        assertTrue(dump.contains("{{ object.name }}") && !dump.contains("${object."), "15.0 template syntax");
        if (jsonb) {
            List<String[]> templates = copyRows(dump, "product_template");
            String name = templates.get(templates.size() - 1)[List.of(templates.get(0)).indexOf("name")];
            assertTrue(name.matches("\\{\"en_US\": \"[^\"]+\", \"fr_FR\": .*\"de_DE\": .*\"es_ES\": .*}"), name);
        }
    }

    @Test
    void theCustomModuleIsInTheManifestAndItsViewUsesAFieldALaterVersionRemoves() throws Exception {
        byte[] zip = generate(new SampleSpec("acme", "17.0", 0.01, 42, true));
        Manifest manifest = BackupValidator.validate(new ByteArrayInputStream(zip), JuniperPack.MODULE_REGISTRY)
                .manifest().orElseThrow();
        assertEquals("17.0.1.0", manifest.modules().get(CustomModule.NAME));
        assertEquals(List.of(CustomModule.NAME), JuniperPack.load().unknownModules("17.0",
                manifest.modules().keySet()));
        String dump = dump(zip);
        List<String[]> views = copyRows(dump, "ir_ui_view");
        List<String> viewColumns = List.of(views.get(0));
        String arch = views.stream().filter(v -> v[viewColumns.indexOf("name")].equals("res.partner.form.loyalty"))
                .findFirst().orElseThrow()[viewColumns.indexOf("arch_db")];
        assertTrue(arch.contains("mobile") && arch.contains("x_loyalty_tier"), arch);
        List<String[]> partners = copyRows(dump, "res_partner");
        assertTrue(partners.stream().skip(1).anyMatch(p -> p[List.of(partners.get(0)).indexOf("x_loyalty_tier")]
                .equals("gold")));
        assertTrue(copyRows(dump, CustomModule.TABLE).size() > 100);
    }
}
