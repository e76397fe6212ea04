package org.juniper.upgrade.worker.repository;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import org.juniper.upgrade.bindings.tracing.TraceContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The claims of the run queue on the worker's real database. Jobs here go to a lane no run slot of the application
 * takes, so that only the test's claimers see them.
 */
@QuarkusTest
class RunQueueTest {
    private static final Duration LEASE = Duration.ofSeconds(2);

    @Inject
    RunQueue queue;

    @Inject
    DataSource db;

    /** A lane of each test's own, so that nothing left in the queue by another run of the tests is claimed. */
    private List<String> lane;

    @BeforeEach
    void newLane() {
        lane = List.of("elsewhere-" + UUID.randomUUID());
    }

    @Test
    void twoClaimersOfOneJobNeverBothHoldItAndATakeoverComesOnlyAfterTheLeaseExpired() throws Exception {
        String attempt = enqueue();
        ExecutorService claimers = Executors.newFixedThreadPool(8);
        List<Future<Optional<RunQueue.Claim>>> claims = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            String owner = "worker-" + i;
            claims.add(claimers.submit((Callable<Optional<RunQueue.Claim>>) () -> queue.claim(owner, lane, LEASE)));
        }
        List<RunQueue.Claim> won = new ArrayList<>();
        for (Future<Optional<RunQueue.Claim>> claim : claims) {
            claim.get().filter(c -> c.attemptId().equals(attempt)).ifPresent(won::add);
        }
        claimers.shutdown();
        assertEquals(1, won.size(), "one of eight claimers at once gets the job: " + won);
        RunQueue.Claim first = won.get(0);
        assertEquals(1, first.run());
        assertFalse(first.takenOver());

        assertEquals(RunQueue.Hold.HELD, queue.heartbeat(first, "restore", LEASE, false));
        assertTrue(queue.claim("late", lane, LEASE).isEmpty(), "a held lease is not taken over");

        // the first worker falls silent: its lease runs out, and only then the job is taken over
        Thread.sleep(LEASE.toMillis() + 500);
        RunQueue.Claim second = queue.claim("late", lane, LEASE).orElseThrow();
        assertEquals(attempt, second.attemptId());
        assertTrue(second.takenOver());
        assertEquals(2, second.run());
        assertEquals(1, second.deaths());
        assertEquals("restore", second.stage(), "the stage where the first run was last seen");

        assertEquals(RunQueue.Hold.LOST, queue.heartbeat(first, "upgrade", LEASE, false),
                "the first run learns at its next heartbeat that it was fenced");
        queue.end(first, "done", null);
        assertEquals("running", state(attempt), "a fenced run changes nothing");
        queue.end(second, "done", null);
        assertEquals("done", state(attempt));

        List<Timestamp[]> runs = claimLog(attempt);
        assertEquals(2, runs.size());
        assertTrue(!runs.get(0)[1].after(runs.get(1)[0]), "the first claim ended (its lease expired) at "
                + runs.get(0)[1] + ", before the second began at " + runs.get(1)[0]);
    }

    @Test
    void aStopOfAQueuedJobKeepsItFromRunningAndAStopBeforeItsRequestKeepsTheRequestOut() throws Exception {
        String queued = enqueue();
        assertEquals("stopped", queue.stop(queued, "r", "operations"));
        assertTrue(queue.claim("w", lane, LEASE).isEmpty());

        String early = UUID.randomUUID().toString();
        assertEquals("stopped", queue.stop(early, "r", "requester"));
        assertFalse(queue.enqueue(early, "r", "{}", lane.get(0), 0, TraceContext.NONE),
                "the request that follows its stop is ignored");
        assertTrue(queue.claim("w", lane, LEASE).isEmpty());
    }

    @Test
    void aStopOfARunningJobLeavesItStoppingUntilItsRunEnds() throws Exception {
        String attempt = enqueue();
        RunQueue.Claim claim = queue.claim("w", lane, LEASE).orElseThrow();
        assertEquals("stopping", queue.stop(attempt, "r", "operations"));
        assertEquals(RunQueue.Hold.STOPPING, queue.heartbeat(claim, "upgrade", LEASE, false));
        queue.end(claim, "stopped", null);
        assertEquals("stopped", state(attempt));
    }

    @Test
    void aJobHandedBackAtShutdownRunsAgainAtOnceWithoutADeath() throws Exception {
        String attempt = enqueue();
        queue.handBack(queue.claim("w", lane, LEASE).orElseThrow());
        RunQueue.Claim again = queue.claim("other", lane, LEASE).orElseThrow();
        assertEquals(attempt, again.attemptId());
        assertFalse(again.takenOver());
        assertEquals(0, again.deaths());
        queue.end(again, "done", null);
    }

    @Test
    void aPlatformFaultQueuesTheJobAgainAfterABackoffWithinTheAttemptsRetryWindow() throws Exception {
        String attempt = enqueue();
        RunQueue.Claim claim = queue.claim("w", lane, LEASE).orElseThrow();
        assertTrue(queue.retryWindowOpen(claim, Duration.ofSeconds(1)));
        queue.retryLater(claim, "dump");
        assertEquals("queued", state(attempt));
        assertTrue(queue.claim("w", lane, LEASE).isEmpty(), "not before its backoff");
        Thread.sleep(1200);
        RunQueue.Claim retried = queue.claim("w", lane, LEASE).orElseThrow();
        assertEquals(0, retried.deaths(), "a fault is no death");
        assertFalse(queue.retryWindowOpen(retried, Duration.ofSeconds(1)), "the window started with the fault");
        queue.end(retried, "failed", "PLATFORM:SCRATCH_DATABASE");
    }

    @Test
    void aDeliveredAgainAttemptIsQueuedAgainOnlyOnceUpgradedToBeAnnouncedAgain() throws Exception {
        String attempt = enqueue();
        assertFalse(queue.enqueue(attempt, "r", "{}", lane.get(0), 0, TraceContext.NONE), "queued already");
        RunQueue.Claim claim = queue.claim("w", lane, LEASE).orElseThrow();
        assertFalse(queue.enqueue(attempt, "r", "{}", lane.get(0), 0, TraceContext.NONE), "running");
        queue.end(claim, "done", null);
        assertTrue(queue.enqueue(attempt, "r", "{}", lane.get(0), 0, TraceContext.NONE), "upgraded: announced again");
        queue.end(queue.claim("w", lane, LEASE).orElseThrow(), "failed", "X");
        assertFalse(queue.enqueue(attempt, "r", "{}", lane.get(0), 0, TraceContext.NONE), "failed stays failed");
    }

    @Test
    void anAttemptThatEndedLongAgoIsForgottenWithItsClaimsWhileARecentOneIsKept() throws Exception {
        String old = enqueue();
        queue.end(queue.claim("w", lane, LEASE).orElseThrow(), "done", null);
        String recent = enqueue();
        queue.end(queue.claim("w", lane, LEASE).orElseThrow(), "failed", "X");
        try (Connection c = db.getConnection(); PreparedStatement sql = c.prepareStatement(
                "update run_queue set updated_at = now() - interval '40 days' where attempt_id = ?")) {
            sql.setString(1, old);
            sql.executeUpdate();
        }

        queue.pruneEnded(Duration.ofDays(31));

        assertTrue(claimLog(old).isEmpty(), "its claims are gone with it");
        assertEquals("failed", state(recent));
        assertTrue(queue.enqueue(old, "r-" + old, "{}", lane.get(0), 0, TraceContext.NONE), "a forgotten attempt is a new job again");
    }

    private String enqueue() throws Exception {
        String attempt = UUID.randomUUID().toString();
        assertTrue(queue.enqueue(attempt, "r-" + attempt, "{}", lane.get(0), 0, TraceContext.NONE));
        return attempt;
    }

    private String state(String attempt) throws Exception {
        try (Connection c = db.getConnection();
                PreparedStatement sql = c.prepareStatement("select state from run_queue where attempt_id = ?")) {
            sql.setString(1, attempt);
            try (ResultSet rs = sql.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
        }
    }

    /** The claims of an attempt in order: when each began and ended. */
    private List<Timestamp[]> claimLog(String attempt) throws Exception {
        List<Timestamp[]> runs = new ArrayList<>();
        try (Connection c = db.getConnection(); PreparedStatement sql = c.prepareStatement(
                "select claimed_at, ended_at from run_claim_log where attempt_id = ? order by run")) {
            sql.setString(1, attempt);
            try (ResultSet rs = sql.executeQuery()) {
                while (rs.next()) {
                    runs.add(new Timestamp[] {rs.getTimestamp(1), rs.getTimestamp(2)});
                }
            }
        }
        return runs;
    }
}
