package org.juniper.upgrade.archive;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.juniper.upgrade.events.FailureReason;
import org.junit.jupiter.api.Test;

class BackupArchiveTest {
    /** Where the ERP keeps its module registry: the pack says so, and the format reads whatever it is told. */
    static final ModuleRegistry.Shape REGISTRY = new ModuleRegistry.Shape("ir_module_module", "name", "state",
            "latest_version", "installed", "base");
    private static final byte[] ATTACHMENT = "invoice scan".getBytes(StandardCharsets.UTF_8);

    @Test
    void anArchiveWrittenByTheWriterValidatesAndKeepsItsManifest() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Checksum checksum = writeSample(bytes);

        BackupValidator.Summary summary = BackupValidator.validate(new ByteArrayInputStream(bytes.toByteArray()),
                REGISTRY);

        assertEquals(BackupFormat.ZIP, summary.format());
        assertEquals("14.0", summary.manifest().orElseThrow().version());
        assertEquals(Map.of("base", "14.0.1.3"), summary.manifest().orElseThrow().modules());
        assertEquals(1, summary.filestoreFiles());
        assertEquals(bytes.size(), checksum.size());
        assertEquals(Sha256.hex(bytes.toByteArray()), checksum.sha256());
    }

    @Test
    void aManifestThatAgreesWithTheDumpsModuleRegistryPasses() throws Exception {
        byte[] zip = withRegistry("{\"version\":\"14.0\",\"modules\":{\"base\":\"14.0.1.3\",\"sale\":\"14.0.1.1\"}}");

        assertEquals("14.0", BackupValidator.validate(new ByteArrayInputStream(zip), REGISTRY).manifest()
                .orElseThrow().version());
    }

    @Test
    void aManifestThatDescribesAnotherDatabaseThanTheDumpIsRefusedWithTheDifferences() throws Exception {
        InvalidBackupException version = assertThrows(InvalidBackupException.class, () -> BackupValidator.validate(
                new ByteArrayInputStream(withRegistry("{\"version\":\"15.0\",\"modules\":{}}")), REGISTRY));
        InvalidBackupException modules = assertThrows(InvalidBackupException.class, () -> BackupValidator.validate(
                new ByteArrayInputStream(withRegistry("{\"version\":\"14.0\",\"modules\":{\"base\":"
                        + "\"14.0.1.3\",\"sale\":\"14.0.1.0\",\"stock\":\"14.0.1.1\"}}")), REGISTRY));

        assertEquals(FailureReason.BACKUP_MANIFEST_MISMATCH, version.reason());
        assertTrue(version.getMessage().contains("says version 15.0 but the dump's modules are at 14.0"),
                version.getMessage());
        assertEquals(FailureReason.BACKUP_MANIFEST_MISMATCH, modules.reason());
        assertTrue(modules.getMessage().contains("sale is 14.0.1.0 in manifest.json but 14.0.1.1 in the dump")
                && modules.getMessage().contains("stock is not installed in the dump"), modules.getMessage());
        assertTrue(modules.getMessage().contains("make the backup again"), "and what to do");
    }

    @Test
    void anEntryEscapingTheArchiveIsRefused() throws Exception {
        byte[] zip = rawZip(Map.of("../../etc/cron.d/evil", "x", "manifest.json", "{\"version\":\"14.0\"}"));

        InvalidBackupException e = assertThrows(InvalidBackupException.class,
                () -> BackupValidator.validate(new ByteArrayInputStream(zip), REGISTRY));

        assertEquals(FailureReason.BACKUP_PATH_ESCAPE, e.reason());
        assertTrue(e.getMessage().contains("../../etc/cron.d/evil"));
    }

    @Test
    void anArchiveWithoutManifestOrDumpSaysWhichIsMissing() throws Exception {
        byte[] noManifest = rawZip(Map.of("dump.sql", "SELECT 1;\n"));
        byte[] noDump = rawZip(Map.of("manifest.json", "{\"version\":\"14.0\"}"));

        assertEquals(FailureReason.BACKUP_NO_MANIFEST, reasonOf(noManifest));
        assertEquals(FailureReason.BACKUP_NO_DUMP, reasonOf(noDump));
    }

    @Test
    void aTruncatedArchiveIsReportedCorrupt() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        writeSample(bytes);
        byte[] truncated = Arrays.copyOf(bytes.toByteArray(), bytes.size() / 2);

        FailureReason reason = reasonOf(truncated);

        assertTrue(Set.of(FailureReason.BACKUP_CORRUPT, FailureReason.BACKUP_NO_DUMP,
                FailureReason.BACKUP_NO_MANIFEST).contains(reason), reason.code());
    }

    @Test
    void anArchiveCutOffInItsDirectoryIsCorruptThoughEveryEntryIsWhole() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        writeSample(bytes);
        byte[] cut = Arrays.copyOf(bytes.toByteArray(), bytes.size() - 40);

        assertEquals(FailureReason.BACKUP_CORRUPT, reasonOf(cut));
    }

    @Test
    void aFilestoreFileWhoseContentDoesNotMatchItsNameIsCorrupt() throws Exception {
        byte[] zip = rawZip(Map.of("manifest.json", "{\"version\":\"14.0\"}", "dump.sql", "SELECT 1;\n",
                "filestore/ab/ab" + "0".repeat(38), "tampered"));

        assertEquals(FailureReason.BACKUP_CORRUPT, reasonOf(zip));
    }

    @Test
    void somethingThatIsNoBackupAtAllIsNamedAsSuch() {
        assertEquals(FailureReason.BACKUP_UNKNOWN_FORMAT, reasonOf("hello world".getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void aPgDumpCustomFormatFileIsRecognisedByItsHeader() throws Exception {
        byte[] custom = "PGDMP\u0001\u000e\u0000rest".getBytes(StandardCharsets.ISO_8859_1);

        BackupValidator.Summary summary = BackupValidator.validate(new ByteArrayInputStream(custom), REGISTRY);

        assertEquals(BackupFormat.PG_CUSTOM, summary.format());
        assertTrue(summary.manifest().isEmpty());
    }

    private static Checksum writeSample(OutputStream out) throws IOException {
        try (BackupArchiveWriter writer = new BackupArchiveWriter(out)) {
            writer.manifest(Manifest.of("acme", "14.0", "15", Map.of("base", "14.0.1.3")));
            try (OutputStream dump = writer.dump()) {
                dump.write("CREATE TABLE res_partner (id integer);\n".getBytes(StandardCharsets.UTF_8));
            }
            writer.filestoreFile(Sha1.of(ATTACHMENT), new ByteArrayInputStream(ATTACHMENT));
            return writer.finish();
        }
    }

    /** A dump whose registry has base and sale installed at 14.0 and purchase not installed, with this manifest. */
    private static byte[] withRegistry(String manifest) throws IOException {
        String dump = "CREATE TABLE public.ir_module_module (id integer, name varchar, latest_version varchar, "
                + "state varchar);\n"
                + "COPY public.ir_module_module (id, name, latest_version, state) FROM stdin;\n"
                + "1\tbase\t14.0.1.3\tinstalled\n2\tsale\t14.0.1.1\tinstalled\n3\tpurchase\t\\N\tuninstalled\n\\.\n";
        return rawZip(new java.util.LinkedHashMap<>(Map.of("manifest.json", manifest, "dump.sql", dump)));
    }

    private static FailureReason reasonOf(byte[] archive) {
        return assertThrows(InvalidBackupException.class,
                () -> BackupValidator.validate(new ByteArrayInputStream(archive), REGISTRY)).reason();
    }

    private static byte[] rawZip(Map<String, String> entries) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (Map.Entry<String, String> e : entries.entrySet()) {
                zip.putNextEntry(new ZipEntry(e.getKey()));
                zip.write(e.getValue().getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        }
        return bytes.toByteArray();
    }
}
