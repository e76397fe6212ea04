package org.juniper.upgrade.neutralizer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.juniper.erp.sample.SampleDatabase;
import org.juniper.erp.sample.SampleSpec;
import org.juniper.upgrade.bindings.objectstore.ArtifactStore;
import org.juniper.upgrade.bindings.testing.PlatformEvents;
import org.juniper.upgrade.events.ArtifactKeys;
import org.juniper.upgrade.events.CloudEvents;
import org.juniper.upgrade.events.DumpUpgraded;
import org.juniper.upgrade.events.Neutralized;
import org.juniper.upgrade.events.Purpose;
import org.juniper.upgrade.events.StoredObject;
import org.juniper.upgrade.events.Topics;
import org.junit.jupiter.api.Test;

/** The neutralizer on the real broker and S3 server; its test archive restored into a real PostgreSQL. */
@QuarkusTest
class NeutralizerServiceTest {
    private static final Duration WAIT = Duration.ofSeconds(60);

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Inject
    ArtifactStore store;

    @Test
    void theTestArchiveRestoresIntoANeutralizedDatabase() throws Exception {
        String id = UUID.randomUUID().toString();
        StoredObject upgraded = storeSample(id);

        Neutralized neutralized;
        try (PlatformEvents platform = new PlatformEvents(bootstrapServers)) {
            platform.publish(announcement(id, Purpose.TEST, upgraded));
            neutralized = CloudEvents.data(platform.read(Topics.NEUTRALIZED, id, WAIT, l -> !l.isEmpty()).get(0)
                    .event(), Neutralized.class);
        }
        assertEquals(ArtifactKeys.of(id).neutralized(), neutralized.artifact().key());
        assertTrue(neutralized.actions().contains(new Neutralized.Action("base", "crons-off")));
        assertTrue(neutralized.actions().contains(new Neutralized.Action("mail", "incoming-mail-off")));

        try (ScratchRestore db = new ScratchRestore(dumpOf(store.readAllBytes(neutralized.artifact().key())));
                Statement sql = db.connection.createStatement()) {
            assertEquals(1, count(sql, "select count(*) from ir_cron where active"), "only housekeeping runs");
            assertEquals(1, count(sql, "select count(*) from ir_mail_server where active"));
            assertEquals(1, count(sql, "select count(*) from ir_mail_server where active and smtp_host = 'invalid'"),
                    "the one active mail server cannot deliver");
            assertEquals(0, count(sql, "select count(*) from fetchmail_server where active"));
            assertEquals(1, count(sql, "select count(*) from ir_config_parameter "
                    + "where key = 'database.is_neutralized' and value = 'true'"));
        }
    }

    @Test
    void thePreviewPrintsTheRulesOfTheArchivesModulesWithoutApplyingThem() throws Exception {
        ByteArrayOutputStream backup = new ByteArrayOutputStream();
        new SampleDatabase().writeBackup(backup, new SampleSpec("acme", "14.0", 0.01, 3));

        String sql = io.restassured.RestAssured.given().contentType("application/zip").body(backup.toByteArray())
                .post("/neutralization/preview").then().statusCode(200).extract().asString();

        assertTrue(sql.contains("-- rule: base/crons-off"), sql);
        assertTrue(sql.contains("-- rule: payment/payment-providers-test") || sql.contains("-- rule: payment/"), sql);
        assertTrue(sql.contains("database.is_neutralized"), sql);
    }

    @Test
    void aProductionRequestIsNeverNeutralized() throws Exception {
        String id = UUID.randomUUID().toString();
        StoredObject upgraded = storeSample(id);
        try (PlatformEvents platform = new PlatformEvents(bootstrapServers)) {
            platform.publish(announcement(id, Purpose.PRODUCTION, upgraded));
            assertTrue(platform.read(Topics.NEUTRALIZED, id, Duration.ofSeconds(5), l -> !l.isEmpty()).isEmpty());
        }
        assertTrue(store.find(ArtifactKeys.of(id).neutralized()).isEmpty());
    }

    private StoredObject storeSample(String id) throws Exception {
        ByteArrayOutputStream backup = new ByteArrayOutputStream();
        new SampleDatabase().writeBackup(backup, new SampleSpec("acme", "14.0", 0.01, 3));
        return store.put(ArtifactKeys.of(id).upgraded(), backup.toByteArray(), "application/zip");
    }

    private static DumpUpgraded announcement(String id, Purpose purpose, StoredObject upgraded) {
        ArtifactKeys keys = ArtifactKeys.of(id);
        return new DumpUpgraded(id, purpose, "13.0", "14.0", upgraded, keys.facts(), keys.log(), Map.of());
    }

    private static long count(Statement sql, String query) throws Exception {
        try (ResultSet rs = sql.executeQuery(query)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static byte[] dumpOf(byte[] zip) throws Exception {
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            ZipEntry entry;
            while ((entry = in.getNextEntry()) != null) {
                if (entry.getName().equals("dump.sql")) {
                    return in.readAllBytes();
                }
            }
        }
        throw new AssertionError("no dump.sql in the test archive");
    }

    /** A throwaway database on the scratch cluster, restored with psql as an unprivileged owner. */
    static final class ScratchRestore implements AutoCloseable {
        private final String name = "neutralizer_check_" + UUID.randomUUID().toString().replace("-", "");
        private final String port = env("JUNIPER_SCRATCH_PORT");
        private final String adminUser = env("JUNIPER_SCRATCH_ADMIN_USER");
        private final String adminPassword = env("JUNIPER_SCRATCH_ADMIN_PASSWORD");
        final Connection connection;

        ScratchRestore(byte[] dump) throws Exception {
            try (Connection admin = admin(); Statement sql = admin.createStatement()) {
                sql.execute("create role " + name + " login password '" + name + "'");
                sql.execute("grant " + name + " to current_user");
                sql.execute("create database " + name + " owner " + name);
            }
            ProcessBuilder builder = new ProcessBuilder("psql", "-X", "-q", "-v", "ON_ERROR_STOP=1", "-h", "127.0.0.1",
                    "-p", port, "-U", name, "-d", name).redirectErrorStream(true);
            builder.environment().put("PGPASSWORD", name);
            Process psql = builder.start();
            try (OutputStream stdin = psql.getOutputStream()) {
                stdin.write(dump);
            }
            String output = new String(psql.getInputStream().readAllBytes());
            psql.waitFor(60, TimeUnit.SECONDS);
            assertEquals(0, psql.exitValue(), "the test archive restores: " + output);
            connection = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + port + "/" + name, name, name);
        }

        private Connection admin() throws Exception {
            return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + port + "/" + adminUser, adminUser,
                    adminPassword);
        }

        @Override
        public void close() throws Exception {
            connection.close();
            try (Connection admin = admin(); Statement sql = admin.createStatement()) {
                sql.execute("drop database " + name + " with (force)");
                sql.execute("drop role " + name);
            }
        }

        private static String env(String variable) {
            String value = System.getenv(variable);
            if (value == null) {
                throw new IllegalStateException(variable + " is not set: run the tests through './platform test'");
            }
            return value;
        }
    }
}
