package org.juniper.upgrade.worker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.juniper.upgrade.worker.WorkerFixtures.archive;
import static org.juniper.upgrade.worker.WorkerFixtures.requested;
import static org.juniper.upgrade.worker.WorkerFixtures.runRole;
import static org.juniper.upgrade.worker.WorkerFixtures.scratchAdmin;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.juniper.sample.SampleDatabase;
import org.juniper.sample.SampleSpec;
import org.juniper.upgrade.bindings.objectstore.ArtifactStore;
import org.juniper.upgrade.bindings.testing.PlatformEvents;
import org.juniper.upgrade.events.ArtifactKeys;
import org.juniper.upgrade.events.CloudEvents;
import org.juniper.upgrade.events.RunStopped;
import org.juniper.upgrade.events.StoredObject;
import org.juniper.upgrade.events.Topics;
import org.juniper.upgrade.events.UpgradeFailed;
import org.juniper.upgrade.events.UpgradeProgress;
import org.juniper.upgrade.events.UpgradeRequested;
import org.juniper.upgrade.worker.config.ScratchConfig;
import org.juniper.upgrade.worker.config.WorkerConfig;
import org.juniper.upgrade.worker.scratch.ScratchDatabases;
import org.juniper.upgrade.worker.service.WorkerCleaner;
import org.junit.jupiter.api.Test;

/** Runs as the queue sees them: refused backups, runs that keep dying, stops, and what dead runs leave behind. */
@QuarkusTest
class RunLifecycleTest {
    private static final Duration WAIT = Duration.ofSeconds(90);

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Inject
    ArtifactStore store;

    @Inject
    ScratchConfig scratchConfig;

    @Inject
    WorkerConfig workerConfig;

    @Inject
    ScratchDatabases scratch;

    @Inject
    WorkerCleaner cleaner;

    @Inject
    DataSource queue;

    @Test
    void aBackupWhoseSha256IsNotTheOneOfItsEventIsRefused() throws Exception {
        for (String format : List.of("zip", "pg_custom")) {
            String id = UUID.randomUUID().toString();
            StoredObject stored = store.put(ArtifactKeys.of(id).backup(), archive(registry()), "application/zip");
            StoredObject other = new StoredObject(stored.key(), "0".repeat(64), stored.size());
            UpgradeRequested request = requested(id, other);
            request = new UpgradeRequested(id, request.database(), request.sourceVersion(), request.targetVersion(),
                    request.purpose(), request.priority(), request.requesterEmail(), other, format,
                    request.requestedAt(), null, null, request.attempt());
            try (PlatformEvents platform = new PlatformEvents(bootstrapServers)) {
                platform.publish(request);
                UpgradeFailed failure = failure(platform, id);
                assertEquals("BACKUP:CHECKSUM_MISMATCH", failure.reason(), format + ": " + failure.message());
                assertTrue(failure.message().contains(stored.sha256()), failure.message());
            }
        }
    }

    @Test
    void aJobWhoseRunsDiedThreeTimesFailsRunAttemptsExhaustedNamingTheStageWhileAnotherJobCompletes()
            throws Exception {
        String dying = UUID.randomUUID().toString();
        UpgradeRequested doomed = requested(dying, store.put(ArtifactKeys.of(dying).backup(), archive(registry()),
                "application/zip"));
        // two runs died already; the third, on a worker that is gone, held the job until its lease ran out
        try (Connection c = queue.getConnection(); PreparedStatement sql = c.prepareStatement("""
                insert into run_queue (attempt_id, request_id, payload, lane, state, owner, run, deaths, lease_until,
                                       stage)
                values (?, ?, ?, 'test', 'running', 'gone/0', 3, 2, now() - interval '1 second', 'upgrade')""")) {
            sql.setString(1, doomed.attempt());
            sql.setString(2, dying);
            sql.setString(3, CloudEvents.toJson(doomed));
            sql.executeUpdate();
        }
        ByteArrayOutputStream sample = new ByteArrayOutputStream();
        new SampleDatabase().writeBackup(sample, new SampleSpec("acme", "14.0", 0.01, 5));
        String other = UUID.randomUUID().toString();

        try (PlatformEvents platform = new PlatformEvents(bootstrapServers)) {
            platform.publish(requested(other, store.put(ArtifactKeys.of(other).backup(), sample.toByteArray(),
                    "application/zip")));
            UpgradeFailed failure = failure(platform, dying);
            assertEquals("RUN:ATTEMPTS_EXHAUSTED", failure.reason());
            assertEquals("upgrade", failure.stage());
            assertTrue(failure.message().contains("3 times") && failure.message().contains("during the upgrade stage"),
                    failure.message());
            assertEquals(doomed.attempt(), failure.attempt());
            assertTrue(platform.read(Topics.PROGRESS, dying, Duration.ofSeconds(1), l -> false).stream()
                    .noneMatch(r -> r.value().contains("restoring")), "it was not run a fourth time");
            assertFalse(platform.read(Topics.DUMP_UPGRADED, other, WAIT, l -> !l.isEmpty()).isEmpty(),
                    "the other request was upgraded");
        }
        assertEquals("failed", state(doomed.attempt()));
    }

    @Test
    void aStopEndsARunningRunWithinSecondsLeavingNoSessionAndPublishingNothingMore() throws Exception {
        String id = UUID.randomUUID().toString();
        UpgradeRequested request = requested(id, store.put(ArtifactKeys.of(id).backup(),
                archive("CREATE TABLE t (id integer);\nSELECT pg_sleep(15);\n"), "application/zip"));
        String role = runRole(request.attempt());
        try (PlatformEvents platform = new PlatformEvents(bootstrapServers)) {
            platform.publish(request);
            long waited = System.nanoTime();
            while (sessions(role) == 0) {
                assertTrue(System.nanoTime() - waited < WAIT.toNanos(), "the run never started");
                Thread.sleep(100);
            }
            Instant stoppedAt = Instant.now();
            platform.publish(new RunStopped(id, request.attempt(), "operations", "aborted in a test", stoppedAt));
            while (sessions(role) > 0 || scratchHas("select 1 from pg_database where datname = ?",
                    role.replace("_owner", ""))) {
                assertTrue(Duration.between(stoppedAt, Instant.now()).toSeconds() < 10,
                        "sessions or database of the run still there 10 s after the stop");
                Thread.sleep(100);
            }
            assertFalse(Files.exists(Path.of(workerConfig.workDir(), request.attempt() + "-1")),
                    "the work folder is gone");

            assertTrue(platform.read(Topics.FAILED, id, Duration.ofSeconds(3), l -> false).isEmpty(),
                    "no failure is published for a stopped run");
            assertTrue(platform.read(Topics.DUMP_UPGRADED, id, Duration.ofSeconds(1), l -> false).isEmpty());
            assertTrue(platform.read(Topics.PROGRESS, id, Duration.ofSeconds(1), l -> false).stream()
                    .map(r -> CloudEvents.data(r.event(), UpgradeProgress.class))
                    .noneMatch(p -> p.at().isAfter(stoppedAt)), "and no line after the stop");
        }
        assertEquals("stopped", state(request.attempt()));
    }

    @Test
    void theCleanAtStartDropsWhatDeadRunsLeftAndKeepsWhatALiveRunHolds() throws Exception {
        String dead = UUID.randomUUID().toString();
        String live = UUID.randomUUID().toString();
        scratch.create(dead, 1);
        scratch.create(live, 1);
        try (Connection c = queue.getConnection(); PreparedStatement sql = c.prepareStatement("""
                insert into run_queue (attempt_id, request_id, lane, state, owner, run, lease_until)
                values (?, 'r', 'nowhere', 'running', 'elsewhere/0', 1, now() + interval '1 hour')""")) {
            sql.setString(1, live);
            sql.executeUpdate();
        }
        Path deadFolder = Files.createDirectories(Path.of(workerConfig.workDir(), dead + "-1", "filestore"));
        Files.writeString(deadFolder.resolve("left"), "behind");
        Path liveFolder = Files.createDirectories(Path.of(workerConfig.workDir(), live + "-1"));
        Path foreign = Files.createDirectories(Path.of(workerConfig.workDir(), "not-a-run"));

        List<String> dropped = cleaner.clean(Map.of());

        assertFalse(scratchHas("select 1 from pg_database where datname = ?", ScratchDatabases.databaseOf(dead, 1)),
                dropped.toString());
        assertFalse(scratchHas("select 1 from pg_roles where rolname = ?", runRole(dead)));
        assertFalse(Files.exists(Path.of(workerConfig.workDir(), dead + "-1")));
        assertTrue(scratchHas("select 1 from pg_database where datname = ?", ScratchDatabases.databaseOf(live, 1)));
        assertTrue(scratchHas("select 1 from pg_roles where rolname = ?", runRole(live)));
        assertTrue(Files.exists(liveFolder));
        assertTrue(Files.exists(foreign), "a folder the worker did not name is left alone");

        scratch.dropRun(ScratchDatabases.databaseOf(live, 1));
        Files.delete(liveFolder);
        Files.delete(foreign);
        try (Connection c = queue.getConnection();
                PreparedStatement sql = c.prepareStatement("delete from run_queue where attempt_id = ?")) {
            sql.setString(1, live);
            sql.executeUpdate();
        }
    }

    private static String registry() {
        return """
                CREATE TABLE public.ir_module_module (name varchar, state varchar, latest_version varchar);
                COPY public.ir_module_module (name, state, latest_version) FROM stdin;
                base\tinstalled\t14.0.1.3
                \\.
                """;
    }

    private static UpgradeFailed failure(PlatformEvents platform, String id) {
        return CloudEvents.data(platform.read(Topics.FAILED, id, WAIT, l -> !l.isEmpty()).get(0).event(),
                UpgradeFailed.class);
    }

    private String state(String attempt) throws Exception {
        try (Connection c = queue.getConnection();
                PreparedStatement sql = c.prepareStatement("select state from run_queue where attempt_id = ?")) {
            sql.setString(1, attempt);
            try (ResultSet rs = sql.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
        }
    }

    private int sessions(String role) throws Exception {
        try (Connection c = scratchAdmin(scratchConfig); PreparedStatement sql = c.prepareStatement(
                "select count(*) from pg_stat_activity where usename = ?")) {
            sql.setString(1, role);
            try (ResultSet rs = sql.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    private boolean scratchHas(String query, String name) throws Exception {
        try (Connection c = scratchAdmin(scratchConfig); PreparedStatement sql = c.prepareStatement(query)) {
            sql.setString(1, name);
            try (ResultSet rs = sql.executeQuery()) {
                return rs.next();
            }
        }
    }
}
