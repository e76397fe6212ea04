package org.juniper.upgrade.cli;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Random;
import org.juniper.upgrade.archive.BackupArchiveWriter;
import org.juniper.upgrade.archive.Manifest;
import org.juniper.upgrade.archive.Sha1;

/** Backup files for the tests that need no database: valid ones, of a chosen size, and ones intake refuses. */
final class Backups {
    private Backups() {
    }

    /** A valid Juniper 14.0 backup; {@code filestoreBytes} of random content make it as large as needed. */
    static Path valid(Path folder, String database, int filestoreBytes) throws IOException {
        Path file = folder.resolve(database + ".zip");
        byte[] attachment = new byte[filestoreBytes];
        new Random(7).nextBytes(attachment);
        try (OutputStream out = Files.newOutputStream(file); BackupArchiveWriter writer = new BackupArchiveWriter(
                out)) {
            writer.manifest(Manifest.of(database, "14.0", "15", Map.of("base", "14.0.1.3")));
            writer.entry("dump.sql", "CREATE TABLE public.ir_module_module (name varchar);\n"
                    .getBytes(StandardCharsets.UTF_8));
            writer.filestoreFile(Sha1.of(attachment), new ByteArrayInputStream(attachment));
            writer.finish();
        }
        return file;
    }

    /** A zip with a dump but no manifest.json: intake refuses it as BACKUP:NO_MANIFEST. */
    static Path withoutManifest(Path folder) throws IOException {
        Path file = folder.resolve("nomanifest.zip");
        try (OutputStream out = Files.newOutputStream(file); BackupArchiveWriter writer = new BackupArchiveWriter(
                out)) {
            writer.entry("dump.sql", "SELECT 1;\n".getBytes(StandardCharsets.UTF_8));
            writer.finish();
        }
        return file;
    }
}
