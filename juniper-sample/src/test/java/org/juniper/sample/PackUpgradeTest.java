package org.juniper.sample;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.juniper.sample.ScratchPostgres.count;
import static org.juniper.sample.ScratchPostgres.schema;
import static org.juniper.sample.ScratchPostgres.strings;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.juniper.erp.FilestoreExtraction;
import org.juniper.erp.JuniperPack;
import org.juniper.erp.NeutralizationRule;
import org.juniper.erp.StandardFile;
import org.juniper.erp.UpgradeScript;
import org.juniper.upgrade.archive.Sha1;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The pack's upgrade scripts on a real PostgreSQL, run the way the upgrade worker runs them: as the database's
 * unprivileged owner, one transaction per hop with {@code juniper.version} set for it. A sample generated at each
 * source version, upgraded hop by hop to the latest, must have after each hop exactly the schema of a fresh install
 * of that version made from the pack's schema files, and keep its data: so every source to every later target.
 */
class PackUpgradeTest {
    private static final JuniperPack PACK = JuniperPack.load();
    private static final String SOURCE = PACK.supportedVersions().get(0);
    private static final String LATEST = PACK.supportedVersions().get(PACK.supportedVersions().size() - 1);
    /** Tables a version renames, old name to new. */
    private static final Map<String, Map<String, String>> RENAMED_TABLES = Map.of(
            "16.0", Map.of("payment_acquirer", "payment_provider", "stock_production_lot", "stock_lot"),
            "17.0", Map.of("mail_channel", "discuss_channel"));
    /**
     * Tables whose row counts change by design: the module registry and xml ids follow renamed and merged modules,
     * standard files add attachments, and translations move into the translated columns.
     */
    private static final Set<String> REGISTRY_TABLES = Set.of("ir_module_module", "ir_module_module_dependency",
            "ir_model_data", "ir_attachment", "ir_translation");

    private static ScratchPostgres scratch;
    private static final Map<String, String> freshInstalls = new HashMap<>();
    /** The 14.0 sample, upgraded to the latest version. */
    private static String sample;
    /** Per source version: what its sample held, and what it holds after each hop (by the hop's version). */
    private static final Map<String, Map<String, Set<String>>> schemaAfterHop = new HashMap<>();
    private static final Map<String, Map<String, Long>> rowsBefore = new HashMap<>();
    private static final Map<String, Map<String, Map<String, Long>>> rowsAfterHop = new HashMap<>();
    private static final Map<String, Map<String, List<String>>> dataBefore = new HashMap<>();
    private static final Map<String, Map<String, Map<String, List<String>>>> dataAfterHop = new HashMap<>();
    /** The notices of the 14.0 sample's hops. */
    private static final Map<String, List<String>> noticesOfHop = new HashMap<>();

    @BeforeAll
    static void upgradeASampleOfEachSourceHopByHop() throws Exception {
        scratch = ScratchPostgres.start();
        for (String version : PACK.supportedVersions()) {
            freshInstalls.put(version, freshInstall(version, "fresh_" + version));
        }
        for (String source : sources()) {
            String database = scratch.database("sample_" + source);
            if (source.equals(SOURCE)) {
                sample = database;
            }
            scratch.restore(database, SampleDumps.dump(new SampleSpec("acme", source, 0.01, 42)));
            try (Connection db = scratch.owner(database)) {
                List<String> installed = strings(db, "SELECT name FROM ir_module_module WHERE state = 'installed'");
                rowsBefore.put(source, rowCounts(db));
                dataBefore.put(source, data(db, source));
                for (String version : PACK.hops(source, LATEST)) {
                    long start = System.nanoTime();
                    List<String> notices = upgrade(db, version, installed);
                    System.out.printf("%s sample, hop to %s: %d ms%n", source, version,
                            (System.nanoTime() - start) / 1_000_000);
                    if (source.equals(SOURCE)) {
                        noticesOfHop.put(version, notices);
                    }
                    schemaAfterHop.computeIfAbsent(source, s -> new HashMap<>()).put(version, schema(db));
                    rowsAfterHop.computeIfAbsent(source, s -> new HashMap<>()).put(version, rowCounts(db));
                    dataAfterHop.computeIfAbsent(source, s -> new HashMap<>()).put(version, data(db, version));
                }
            }
        }
    }

    @AfterAll
    static void dropTheDatabases() throws SQLException {
        if (scratch != null) {
            scratch.close();
        }
    }

    static List<String> allVersions() {
        return PACK.supportedVersions();
    }

    static List<String> targets() {
        return PACK.hops(SOURCE, LATEST);
    }

    static List<String> sources() {
        return PACK.supportedVersions().subList(0, PACK.supportedVersions().size() - 1);
    }

    /** Every source version with every later target. */
    static List<Arguments> upgrades() {
        List<Arguments> upgrades = new ArrayList<>();
        for (String source : sources()) {
            for (String target : PACK.hops(source, LATEST)) {
                upgrades.add(Arguments.of(source, target));
            }
        }
        return upgrades;
    }

    static List<String> sourcesBeforeTheLatest() {
        return PACK.supportedVersions().subList(1, PACK.supportedVersions().size() - 1);
    }

    /** Runs the hop's scripts as the worker does; returns the notices they raised. */
    private static List<String> upgrade(Connection db, String version, Collection<String> installed)
            throws SQLException {
        List<String> notices = new ArrayList<>();
        db.setAutoCommit(false);
        try (Statement sql = db.createStatement()) {
            sql.execute("SELECT set_config('juniper.version', '" + version + "', true)");
            for (UpgradeScript script : PACK.upgradeScripts(version, installed)) {
                try {
                    sql.execute(script.sql());
                } catch (SQLException e) {
                    throw new AssertionError("upgrade script " + version + " " + script.version() + "/"
                            + script.module() + "/" + script.name() + " failed: " + e.getMessage(), e);
                }
                for (SQLWarning notice = sql.getWarnings(); notice != null; notice = notice.getNextWarning()) {
                    notices.add(notice.getMessage());
                }
                sql.clearWarnings();
            }
        }
        db.commit();
        db.setAutoCommit(true);
        return notices;
    }

    private static String freshInstall(String version, String purpose) throws SQLException {
        String database = scratch.database(purpose);
        try (Connection db = scratch.owner(database); Statement sql = db.createStatement()) {
            for (String module : PACK.modules(version)) {
                sql.execute(PACK.schemaSql(version, module).orElseThrow(
                        () -> new AssertionError("no schema/" + version + "/" + module + ".sql")));
            }
        }
        return database;
    }

    private static Map<String, Long> rowCounts(Connection db) throws SQLException {
        Map<String, Long> counts = new TreeMap<>();
        for (String table : strings(db, "SELECT relname FROM pg_class WHERE relnamespace = 'public'::regnamespace "
                + "AND relkind = 'r' AND relname <> '" + JuniperPack.UPGRADE_NOTES_TABLE + "'")) {
            counts.put(table, count(db, "SELECT count(*) FROM public." + table));
        }
        return counts;
    }

    private static void assertSameSchema(Set<String> expected, Set<String> actual, String what) {
        Set<String> missing = new TreeSet<>(expected);
        missing.removeAll(actual);
        Set<String> extra = new TreeSet<>(actual);
        extra.removeAll(expected);
        assertTrue(missing.isEmpty() && extra.isEmpty(), what + " differs from the fresh install:\n  missing: "
                + String.join("\n           ", missing) + "\n  extra:   " + String.join("\n           ", extra));
    }

    // ------------------------------------------------------------------ schema

    @ParameterizedTest
    @MethodSource("upgrades")
    void theUpgradedSampleHasTheFreshInstallSchemaOfTheTarget(String source, String target) throws SQLException {
        try (Connection fresh = scratch.owner(freshInstalls.get(target))) {
            assertSameSchema(schema(fresh), schemaAfterHop.get(source).get(target),
                    "the " + source + " sample upgraded to " + target);
        }
    }

    @ParameterizedTest
    @MethodSource("sourcesBeforeTheLatest")
    void aFreshInstallOfAnyLaterSourceUpgradesToTheLatestSchema(String source) throws SQLException {
        String database = freshInstall(source, "from_" + source);
        try (Connection db = scratch.owner(database); Connection fresh = scratch.owner(freshInstalls.get(LATEST))) {
            List<String> installed = strings(db, "SELECT name FROM ir_module_module WHERE state = 'installed'");
            for (String version : PACK.hops(source, LATEST)) {
                upgrade(db, version, installed);
            }
            assertSameSchema(schema(fresh), schema(db), "a fresh " + source + " upgraded to " + LATEST);
        }
    }

    // ------------------------------------------------------------------ fresh installs

    @ParameterizedTest
    @MethodSource("allVersions")
    void aFreshInstallRegistersItsModulesAndContinuesItsSequences(String version) throws SQLException {
        try (Connection db = scratch.owner(freshInstalls.get(version))) {
            Map<String, String> registered = new TreeMap<>();
            for (String row : strings(db, "SELECT name || ' ' || latest_version FROM ir_module_module "
                    + "WHERE state = 'installed'")) {
                registered.put(row.split(" ")[0], row.split(" ")[1]);
            }
            assertEquals(new TreeMap<>(PACK.moduleVersions(version, PACK.modules(version))), registered);
            for (String sequence : strings(db, """
                    SELECT t.relname || ' ' || s.relname FROM pg_class s
                      JOIN pg_depend d ON d.objid = s.oid AND d.classid = 'pg_class'::regclass AND d.deptype = 'a'
                      JOIN pg_class t ON t.oid = d.refobjid
                     WHERE s.relkind = 'S' AND s.relnamespace = 'public'::regnamespace""")) {
                String[] tableAndSequence = sequence.split(" ");
                long maxId = count(db, "SELECT coalesce(max(id), 0) FROM " + tableAndSequence[0]);
                long position = count(db, "SELECT last_value FROM " + tableAndSequence[1]);
                assertTrue(position >= maxId, version + ": " + tableAndSequence[1] + " is at " + position
                        + ", below the standard row " + maxId);
            }
        }
    }

    @ParameterizedTest
    @MethodSource("targets")
    void theStandardFilesOfEachVersionAreAttachedInTheFreshInstallAndTheUpgradedSample(String version)
            throws SQLException {
        List<StandardFile> files = new ArrayList<>();
        for (String hop : PACK.hops(SOURCE, version)) {
            files.addAll(PACK.standardFiles(hop, PACK.modules(hop)));
        }
        assertFalse(files.isEmpty(), "every version of the pack brings a standard file");
        try (Connection fresh = scratch.owner(freshInstalls.get(version));
                Connection upgraded = scratch.owner(sample)) {
            for (StandardFile file : files) {
                String query = "SELECT count(*) FROM ir_attachment WHERE checksum = '" + file.sha1()
                        + "' AND store_fname = '" + file.storeName() + "' AND file_size = " + file.content().length;
                assertEquals(1, count(fresh, query), version + " fresh install: " + file.name());
                assertEquals(1, count(upgraded, query), "upgraded sample: " + file.name());
            }
        }
    }

    // ------------------------------------------------------------------ data

    @ParameterizedTest
    @MethodSource("upgrades")
    void theUpgradeKeepsTheRowsOfEveryTable(String source, String target) {
        Map<String, Long> expected = new TreeMap<>();
        rowsBefore.get(source).forEach((table, rows) -> expected.put(tableAt(source, target, table), rows));
        Map<String, Long> actual = new TreeMap<>(rowsAfterHop.get(source).get(target));
        expected.keySet().removeAll(REGISTRY_TABLES);
        actual.keySet().removeAll(REGISTRY_TABLES);
        assertEquals(expected, actual);
        long standardFiles = PACK.hops(source, target).stream()
                .mapToLong(hop -> PACK.standardFiles(hop, PACK.modules(hop)).size()).sum();
        assertEquals(rowsBefore.get(source).get("ir_attachment") + standardFiles,
                rowsAfterHop.get(source).get(target).get("ir_attachment"));
    }

    @ParameterizedTest
    @MethodSource("upgrades")
    void theDataSurvivesTheUpgrade(String source, String target) {
        assertEquals(dataBefore.get(source), dataAfterHop.get(source).get(target));
    }

    private static String tableAt(String source, String version, String table) {
        String name = table;
        for (String hop : PACK.hops(source, version)) {
            name = RENAMED_TABLES.getOrDefault(hop, Map.of()).getOrDefault(name, name);
        }
        return name;
    }

    /**
     * The same facts in every version, each a query per version that changed where the fact lives (the newest one
     * not after the version applies): translations, invoice totals, attachments, quantities, phones, providers.
     */
    private static final Map<String, Map<String, String>> FACTS = new LinkedHashMap<>();

    private static void fact(String name, String... sinceAndQuery) {
        Map<String, String> queries = new LinkedHashMap<>();
        for (int i = 0; i < sinceAndQuery.length; i += 2) {
            queries.put(sinceAndQuery[i], sinceAndQuery[i + 1]);
        }
        FACTS.put(name, queries);
    }

    static {
        fact("product names in every language",
                "14.0", "SELECT res_id || ' ' || lang || ' ' || value FROM ir_translation "
                        + "WHERE name = 'product.template,name' AND type = 'model' ORDER BY 1",
                "16.0", "SELECT id || ' ' || key || ' ' || value FROM product_template, jsonb_each_text(name) "
                        + "WHERE key <> 'en_US' ORDER BY 1");
        fact("translated titles of website pages",
                "14.0", "SELECT res_id || ' ' || lang || ' ' || value FROM ir_translation WHERE type = 'model_terms' "
                        + "ORDER BY 1",
                "16.0", "SELECT v.id || ' ' || t.key || ' ' || substring(t.value from '<h1>([^<]*)</h1>') "
                        + "FROM ir_ui_view v, jsonb_each_text(v.arch_db) t WHERE t.key <> 'en_US' ORDER BY 1");
        fact("invoice totals",
                "14.0", "SELECT move_type || ' ' || sum(amount_total) FROM account_move GROUP BY move_type ORDER BY 1");
        fact("checksums of the customer's attachments",
                "14.0", "SELECT id || ' ' || checksum FROM ir_attachment WHERE id NOT IN (SELECT res_id "
                        + "FROM ir_model_data WHERE model = 'ir.attachment') ORDER BY id");
        fact("contents of the attachments kept in the database",
                "14.0", "SELECT id || ' ' || md5(db_datas) FROM ir_attachment WHERE db_datas IS NOT NULL ORDER BY id");
        fact("done quantities",
                "14.0", "SELECT sum(qty_done) FROM stock_move_line WHERE state = 'done'",
                "17.0", "SELECT sum(quantity) FROM stock_move_line WHERE state = 'done'");
        fact("partner phones, or their mobile when they had none",
                "14.0", "SELECT id || ' ' || coalesce(phone, mobile) FROM res_partner "
                        + "WHERE coalesce(phone, mobile) IS NOT NULL ORDER BY id",
                "18.0", "SELECT id || ' ' || phone FROM res_partner WHERE phone IS NOT NULL ORDER BY id");
        fact("mobile numbers of partners with a phone too, in their notes",
                "14.0", "SELECT id || ' ' || mobile FROM res_partner WHERE phone <> mobile ORDER BY id",
                "18.0", "SELECT id || ' ' || substring(comment from 'Mobile: ([^<]*)</p>$') FROM res_partner "
                        + "WHERE comment ~ 'Mobile: ' ORDER BY id");
        fact("payment providers",
                "14.0", "SELECT provider || ' ' || state FROM payment_acquirer ORDER BY id",
                "16.0", "SELECT code || ' ' || state FROM payment_provider ORDER BY id");
    }

    private static Map<String, List<String>> data(Connection db, String version) throws SQLException {
        List<String> versions = PACK.supportedVersions();
        Map<String, List<String>> data = new LinkedHashMap<>();
        for (Map.Entry<String, Map<String, String>> fact : FACTS.entrySet()) {
            String query = null;
            for (Map.Entry<String, String> since : fact.getValue().entrySet()) {
                if (versions.indexOf(since.getKey()) <= versions.indexOf(version)) {
                    query = since.getValue();
                }
            }
            data.put(fact.getKey(), strings(db, query));
        }
        return data;
    }

    @Test
    void theFactsAreNotEmpty() {
        dataBefore.forEach((source, facts) -> facts.forEach((fact, rows) -> assertFalse(rows.isEmpty()
                || rows.get(0) == null, source + " sample: " + fact)));
    }

    @Test
    void customViewsUsingARemovedFieldAreDeactivatedWithTheirReasonAndStandardViewsLoseIt() throws SQLException {
        try (Connection db = scratch.owner(sample)) {
            assertEquals(List.of("res.partner.form.mobile.required", "res.partner.tree.mobile",
                    "res.partner.kanban.mobile"), strings(db, "SELECT v.name FROM ir_ui_view v JOIN "
                    + JuniperPack.UPGRADE_NOTES_TABLE + " n ON n.res_id = v.id AND n.kind = 'view_deactivated' "
                    + "WHERE NOT v.active AND n.reason LIKE '%res.partner.mobile%' ORDER BY n.id"));
            assertEquals(0, count(db, "SELECT count(*) FROM ir_ui_view WHERE active AND EXISTS (SELECT 1 FROM "
                    + "jsonb_each_text(arch_db) t WHERE t.value ~ 'name=\"mobile\"')"));
        }
    }

    @Test
    void everyTemplateIsConvertedToTheSyntaxOfItsVersionAndNoted() throws SQLException {
        try (Connection db = scratch.owner(sample)) {
            assertEquals(0, count(db, "SELECT count(*) FROM mail_template WHERE concat(subject::text, email_from, "
                    + "partner_to, lang, body_html::text) ~ '\\$\\{|% if|\\.mobile'"));
            assertEquals(count(db, "SELECT count(*) FROM mail_template"), count(db, "SELECT count(*) FROM "
                    + JuniperPack.UPGRADE_NOTES_TABLE + " WHERE kind = 'template_converted' AND version = '15.0'"));
        }
    }

    @Test
    void renamedAndMergedModulesAreRegisteredUnderTheirNewNames() throws SQLException {
        try (Connection db = scratch.owner(sample)) {
            assertEquals(new TreeSet<>(PACK.modules(LATEST)),
                    new TreeSet<>(strings(db, "SELECT name FROM ir_module_module WHERE state = 'installed'")));
            assertEquals(List.of(), strings(db, "SELECT DISTINCT module FROM ir_model_data WHERE module NOT IN "
                    + "(SELECT name FROM ir_module_module)"));
            assertEquals(List.of("module_merged delivery", "module_renamed bank_sync"), strings(db,
                    "SELECT kind || ' ' || name FROM " + JuniperPack.UPGRADE_NOTES_TABLE
                            + " WHERE kind LIKE 'module_%' ORDER BY kind"));
        }
    }

    @Test
    void theTranslationMoveReportsTheRecordsOfEachTable() {
        assertTrue(noticesOfHop.get("16.0").stream().anyMatch(notice -> notice.startsWith(
                "product_template: translations of 600 records moved into name")), noticesOfHop.get("16.0").toString());
    }

    @Test
    void eachRecordKeepsTheLanguagesItWasTranslatedIntoAndWhatHasNowhereToGoIsCounted() throws SQLException {
        String database = freshInstall("15.0", "translations");
        try (Connection db = scratch.owner(database); Statement sql = db.createStatement()) {
            sql.execute("INSERT INTO res_lang (name, code, iso_code, url_code, active, direction, date_format, "
                    + "time_format, week_start, \"grouping\", decimal_point, thousands_sep) "
                    + "SELECT l.name, l.code, l.iso, l.iso, true, direction, date_format, time_format, week_start, "
                    + "\"grouping\", decimal_point, thousands_sep FROM res_lang, "
                    + "(VALUES ('French', 'fr_FR', 'fr'), ('German', 'de_DE', 'de')) l (name, code, iso) "
                    + "WHERE res_lang.code = 'en_US'");
            sql.execute("INSERT INTO mail_template (id, name, subject) VALUES "
                    + "(901, 'Order', 'Your order'), (902, 'Invoice', NULL), (903, 'Quote', NULL)");
            sql.execute("INSERT INTO ir_translation (name, res_id, lang, type, src, value) VALUES "
                    + "('mail.template,name', 901, 'fr_FR', 'model', 'Order', 'Commande'), "
                    + "('mail.template,name', 901, 'de_DE', 'model', 'Order', 'Bestellung'), "
                    + "('mail.template,subject', 901, 'fr_FR', 'model', 'Your order', 'Votre commande'), "
                    // no English text, a German one
                    + "('mail.template,subject', 902, 'de_DE', 'model', NULL, 'Ihre Rechnung'), "
                    // an empty translation is no translation
                    + "('mail.template,name', 902, 'fr_FR', 'model', 'Invoice', ''), "
                    // a record that is gone
                    + "('mail.template,name', 999, 'fr_FR', 'model', 'Gone', 'Parti'), "
                    // a field 16.0 does not translate, and code terms: nowhere to go
                    + "('mail.template,email_from', 901, 'fr_FR', 'model', 'a@b.c', 'a@b.fr'), "
                    + "('addons/mail/models/mail_thread.py', 0, 'fr_FR', 'code', 'Followers', 'Abonnés'), "
                    + "('addons/mail/models/mail_thread.py', 0, 'de_DE', 'code', 'Followers', 'Abonnenten')");
            List<String> notices = upgrade(db, "16.0",
                    strings(db, "SELECT name FROM ir_module_module WHERE state = 'installed'"));

            assertEquals(List.of(
                    "901 {\"de_DE\": \"Bestellung\", \"en_US\": \"Order\", \"fr_FR\": \"Commande\"} "
                            + "{\"en_US\": \"Your order\", \"fr_FR\": \"Votre commande\"}",
                    "902 {\"en_US\": \"Invoice\"} {\"de_DE\": \"Ihre Rechnung\"}",
                    "903 {\"en_US\": \"Quote\"} -"),
                    strings(db, "SELECT id || ' ' || name || ' ' || coalesce(subject::text, '-') FROM mail_template "
                            + "WHERE id > 900 ORDER BY id"));
            assertTrue(notices.contains("mail_template: translations of 2 records moved into name, subject, body_html"),
                    notices.toString());
            assertEquals(List.of("code terms 2", "mail.template,email_from 1"),
                    strings(db, "SELECT name || ' ' || row_count FROM " + JuniperPack.UPGRADE_NOTES_TABLE
                            + " WHERE kind = 'translations_dropped' ORDER BY name"));
        }
    }

    @Test
    void theFilestoreExtractionMovesEveryAttachmentStillInTheDatabase() throws SQLException {
        FilestoreExtraction extraction = PACK.filestoreExtraction(LATEST);
        try (Connection db = scratch.owner(sample)) {
            long inDatabase = count(db, "SELECT count(*) FROM ir_attachment WHERE db_datas IS NOT NULL");
            assertTrue(inDatabase > 0);
            db.setAutoCommit(false);
            int extracted = 0;
            // as the engine does it: stream the contents, write the files (left out here), mark the rows
            try (PreparedStatement select = db.prepareStatement(extraction.select());
                    PreparedStatement markStored = db.prepareStatement(extraction.markStored())) {
                select.setFetchSize(50);
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        byte[] content = rows.getBytes("db_datas");
                        String sha1 = Sha1.of(content);
                        markStored.setString(1, sha1.substring(0, 2) + "/" + sha1);
                        markStored.setString(2, sha1);
                        markStored.setInt(3, content.length);
                        markStored.setInt(4, rows.getInt("id"));
                        markStored.addBatch();
                        extracted++;
                    }
                }
                markStored.executeBatch();
                assertEquals(inDatabase, extracted);
                assertEquals(0, count(db, "SELECT count(*) FROM ir_attachment WHERE db_datas IS NOT NULL "
                        + "OR (type = 'binary' "
                        + "AND store_fname IS DISTINCT FROM substr(checksum, 1, 2) || '/' || checksum)"));
            } finally {
                db.rollback();
                db.setAutoCommit(true);
            }
        }
    }

    // ------------------------------------------------------------------ neutralization

    @ParameterizedTest
    @MethodSource("allVersions")
    void theNeutralizationRulesOfEachVersionApplyToItsFreshInstall(String version) throws SQLException {
        try (Connection db = scratch.owner(freshInstalls.get(version))) {
            assertNeutralized(db, version);
        }
    }

    @Test
    void theNeutralizationRulesOfTheLatestVersionApplyToTheUpgradedSample() throws SQLException {
        try (Connection db = scratch.owner(sample)) {
            assertTrue(count(db, "SELECT count(*) FROM ir_cron WHERE active") > 1);
            assertNeutralized(db, LATEST);
        }
    }

    /** Applies the rules in a transaction, checks what they did, and rolls it back. */
    private static void assertNeutralized(Connection db, String version) throws SQLException {
        db.setAutoCommit(false);
        try (Statement sql = db.createStatement()) {
            List<String> installed = strings(db, "SELECT name FROM ir_module_module WHERE state = 'installed'");
            for (NeutralizationRule rule : PACK.neutralizationRules(version, installed)) {
                try {
                    sql.execute(rule.sql());
                } catch (SQLException e) {
                    throw new AssertionError(version + " rule " + rule.module() + "/" + rule.rule() + " failed: "
                            + e.getMessage(), e);
                }
            }
            String providers = strings(db, "SELECT coalesce(to_regclass('payment_provider'), "
                    + "to_regclass('payment_acquirer'))::text").get(0);
            assertEquals(List.of("Base: Auto-vacuum internal data"),
                    strings(db, "SELECT cron_name FROM ir_cron WHERE active"));
            assertEquals(List.of("invalid"), strings(db, "SELECT smtp_host FROM ir_mail_server WHERE active"));
            assertEquals(List.of("true"),
                    strings(db, "SELECT value FROM ir_config_parameter WHERE key = 'database.is_neutralized'"));
            assertEquals(0, count(db, "SELECT count(*) FROM " + providers + " WHERE state = 'enabled'"));
            assertEquals(0, count(db, "SELECT count(*) FROM payment_token WHERE active"));
            assertEquals(0, count(db, "SELECT count(*) FROM delivery_carrier WHERE prod_environment"));
            assertEquals(0, count(db, "SELECT count(*) FROM account_online_link WHERE auto_sync"));
            assertEquals(0, count(db, "SELECT count(*) FROM ir_webhook WHERE active"));
            assertEquals(0, count(db, "SELECT count(*) FROM website WHERE domain IS NOT NULL "
                    + "OR robots_txt NOT LIKE '%Disallow: /%'"));
            assertEquals(1, count(db, "SELECT count(*) FROM ir_ui_view WHERE key = 'base.neutralize_banner' "
                    + "AND arch_db::text LIKE '%This is a neutralized test copy%'"));
        } finally {
            db.rollback();
            db.setAutoCommit(true);
        }
    }
}
