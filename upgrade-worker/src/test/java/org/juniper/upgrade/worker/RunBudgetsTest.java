package org.juniper.upgrade.worker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.juniper.upgrade.worker.WorkerFixtures.archive;
import static org.juniper.upgrade.worker.WorkerFixtures.requested;
import static org.juniper.upgrade.worker.WorkerFixtures.runRole;
import static org.juniper.upgrade.worker.WorkerFixtures.scratchAdmin;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.juniper.upgrade.bindings.objectstore.ArtifactStore;
import org.juniper.upgrade.bindings.testing.PlatformEvents;
import org.juniper.upgrade.events.ArtifactKeys;
import org.juniper.upgrade.events.CloudEvent;
import org.juniper.upgrade.events.CloudEvents;
import org.juniper.upgrade.events.Topics;
import org.juniper.upgrade.events.UpgradeFailed;
import org.juniper.upgrade.events.UpgradeRequested;
import org.juniper.upgrade.worker.config.ScratchConfig;
import org.junit.jupiter.api.Test;

/**
 * A run's budgets and slots: a whole-run deadline of a few seconds, the retry window of the test profile (4 s), and
 * two slots that both take the test lane.
 */
@QuarkusTest
@TestProfile(RunBudgetsTest.ShortBudgets.class)
class RunBudgetsTest {
    private static final Duration WAIT = Duration.ofSeconds(90);

    public static class ShortBudgets implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("juniper.worker.run-deadline-base", "PT20S", "juniper.worker.run-deadline-per-gb", "PT0S",
                    "juniper.worker.slots", "any,any");
        }
    }

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Inject
    ArtifactStore store;

    @Inject
    ScratchConfig scratch;

    @Inject
    DataSource queue;

    @Test
    void aRunPastItsDeadlineFailsRunDeadlineNamingTheStageThoughNoStatementOutlivedItsTimeout() throws Exception {
        // each statement well within the statement timeout (20 s), all of them beyond the run's 20 s
        UpgradeRequested request = request("CREATE TABLE t (id integer);\n" + "SELECT pg_sleep(3);\n".repeat(10));
        try (PlatformEvents platform = new PlatformEvents(bootstrapServers)) {
            platform.publish(request);
            UpgradeFailed failure = failure(platform, request);

            assertEquals("RUN:DEADLINE", failure.reason(), failure.message());
            assertEquals("restore", failure.stage());
            assertTrue(failure.message().contains("20 seconds") && failure.message().contains("the restore stage"),
                    failure.message());
            assertEquals(0, sessions(runRole(request.attempt())), "no session of the run is left");
        }
    }

    @Test
    void aPlatformFaultIsRetriedWithinTheRetryWindowThenFailsWithAPlatformReason() throws Exception {
        UpgradeRequested request = request("CREATE TABLE t (id integer);\nSELECT pg_sleep(5);\n");
        String roles = runRole(request.attempt()).replace("_1_owner", "\\_%\\_owner");
        AtomicBoolean faulting = new AtomicBoolean(true);
        // an administrator (or another worker) ends every session of the run, again and again
        Thread administrator = new Thread(() -> {
            try (Connection admin = scratchAdmin(scratch); PreparedStatement sql = admin.prepareStatement(
                    "select pg_terminate_backend(pid) from pg_stat_activity where usename like ?")) {
                sql.setString(1, roles);
                while (faulting.get()) {
                    sql.executeQuery().close();
                    Thread.sleep(50);
                }
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        administrator.start();
        try (PlatformEvents platform = new PlatformEvents(bootstrapServers)) {
            platform.publish(request);
            List<PlatformEvents.Received> failures = platform.read(Topics.FAILED, request.requestId(), WAIT,
                    l -> !l.isEmpty());
            faulting.set(false);
            UpgradeFailed failure = CloudEvents.data(failures.get(0).event(), UpgradeFailed.class);

            assertEquals("PLATFORM:SCRATCH_DATABASE", failure.reason(), failure.message());
            assertTrue(failure.message().contains("not of your backup") && failure.message().contains(
                    "operations were alerted"), failure.message());
            assertEquals(1, platform.read(Topics.FAILED, request.requestId(), Duration.ofSeconds(2), l -> false)
                    .size(), "the faults before were retried, not reported");
            assertTrue(platform.read(Topics.PROGRESS, request.requestId(), Duration.ofSeconds(1), l -> false)
                    .stream().filter(r -> r.value().contains("restoring")).count() >= 2, "restored more than once");
        } finally {
            faulting.set(false);
            administrator.join();
        }
        assertTrue(claimOutcomes(request.attempt()).stream().filter("retry"::equals).count() >= 1,
                claimOutcomes(request.attempt()).toString());
    }

    @Test
    void aLongRunDoesNotHoldBackSmallJobsWhileAnotherSlotIsIdle() throws Exception {
        // long enough for three small jobs on a busy machine, short of the run's deadline
        UpgradeRequested slow = request("CREATE TABLE t (id integer);\nSELECT pg_sleep(14);\n");
        List<UpgradeRequested> small = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            small.add(request("CREATE TABLE t (id integer);\n"));
        }
        try (PlatformEvents platform = new PlatformEvents(bootstrapServers)) {
            platform.publish(slow);
            Thread.sleep(500);
            small.forEach(platform::publish);

            Instant slowEnded = ended(platform, slow);
            for (UpgradeRequested request : small) {
                Instant smallEnded = ended(platform, request);
                assertTrue(smallEnded.isBefore(slowEnded), "a small job ended at " + smallEnded
                        + ", after the long one at " + slowEnded);
            }
        }
    }

    private UpgradeRequested request(String dumpSql) throws Exception {
        String id = UUID.randomUUID().toString();
        return requested(id, store.put(ArtifactKeys.of(id).backup(), archive(dumpSql), "application/zip"));
    }

    private static UpgradeFailed failure(PlatformEvents platform, UpgradeRequested request) {
        return CloudEvents.data(platform.read(Topics.FAILED, request.requestId(), WAIT, l -> !l.isEmpty()).get(0)
                .event(), UpgradeFailed.class);
    }

    /** When the job's outcome was published (these dumps have no module registry: they fail BACKUP:NOT_JUNIPER). */
    private static Instant ended(PlatformEvents platform, UpgradeRequested request) {
        CloudEvent event = platform.read(Topics.FAILED, request.requestId(), WAIT, l -> !l.isEmpty()).get(0).event();
        assertEquals("BACKUP:NOT_JUNIPER", CloudEvents.data(event, UpgradeFailed.class).reason());
        return event.time();
    }

    private int sessions(String role) throws Exception {
        try (Connection c = scratchAdmin(scratch); PreparedStatement sql = c.prepareStatement(
                "select count(*) from pg_stat_activity where usename = ?")) {
            sql.setString(1, role);
            try (ResultSet rs = sql.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    private List<String> claimOutcomes(String attempt) throws Exception {
        List<String> outcomes = new ArrayList<>();
        try (Connection c = queue.getConnection(); PreparedStatement sql = c.prepareStatement(
                "select coalesce(outcome, 'open') from run_claim_log where attempt_id = ? order by run")) {
            sql.setString(1, attempt);
            try (ResultSet rs = sql.executeQuery()) {
                while (rs.next()) {
                    outcomes.add(rs.getString(1));
                }
            }
        }
        return outcomes;
    }
}
