package org.juniper.upgrade.worker;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.juniper.upgrade.archive.BackupArchiveWriter;
import org.juniper.upgrade.archive.Manifest;
import org.juniper.upgrade.events.Purpose;
import org.juniper.upgrade.events.StoredObject;
import org.juniper.upgrade.events.UpgradeRequested;
import org.juniper.upgrade.worker.config.ScratchConfig;

/** What the worker's service tests build their requests from. */
final class WorkerFixtures {
    private WorkerFixtures() {
    }

    /** A test request of a new attempt, from 14.0 to 17.0. */
    static UpgradeRequested requested(String id, StoredObject backup) {
        return requested(id, backup, "14.0", null);
    }

    static UpgradeRequested requested(String id, StoredObject backup, String sourceVersion, StoredObject scripts) {
        return new UpgradeRequested(id, "acme", sourceVersion, "17.0", Purpose.TEST, 0, "it@acme.example", backup,
                "zip", Instant.now(), null, scripts, UUID.randomUUID().toString());
    }

    /** A backup archive whose dump is {@code dumpSql}. */
    static byte[] archive(String dumpSql) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (BackupArchiveWriter writer = new BackupArchiveWriter(bytes)) {
            writer.manifest(Manifest.of("acme", "14.0", "15", Map.of("base", "14.0.1.0")));
            try (OutputStream dump = writer.dump()) {
                dump.write(dumpSql.getBytes(StandardCharsets.UTF_8));
            }
            writer.finish();
        }
        return bytes.toByteArray();
    }

    /** A connection to the scratch cluster as its administrator. */
    static Connection scratchAdmin(ScratchConfig scratch) throws SQLException {
        return DriverManager.getConnection("jdbc:postgresql://" + scratch.host() + ":" + scratch.port() + "/"
                + scratch.adminDatabase(), scratch.adminUser(), scratch.adminPassword());
    }

    /** The scratch role of an attempt's first run. */
    static String runRole(String attempt) {
        return "run_" + attempt.replace("-", "") + "_1_owner";
    }
}
