package org.juniper.upgrade.intake.request;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.juniper.upgrade.intake.Intake.attemptOf;
import static org.juniper.upgrade.intake.Intake.awaitState;
import static org.juniper.upgrade.intake.Intake.backupKey;
import static org.juniper.upgrade.intake.Intake.deadLetter;
import static org.juniper.upgrade.intake.Intake.log;
import static org.juniper.upgrade.intake.Intake.ops;
import static org.juniper.upgrade.intake.Intake.queued;
import static org.juniper.upgrade.intake.Intake.status;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.juniper.upgrade.bindings.objectstore.ArtifactStore;
import org.juniper.upgrade.events.ArtifactKeys;
import org.juniper.upgrade.events.CloudEvents;
import org.juniper.upgrade.events.DumpUpgraded;
import org.juniper.upgrade.events.FailureReason;
import org.juniper.upgrade.events.Neutralized;
import org.juniper.upgrade.events.Purpose;
import org.juniper.upgrade.events.ReportReady;
import org.juniper.upgrade.events.RequestFailed;
import org.juniper.upgrade.events.RunStopped;
import org.juniper.upgrade.events.StoredObject;
import org.juniper.upgrade.events.Topics;
import org.juniper.upgrade.events.UpgradeCompleted;
import org.juniper.upgrade.events.UpgradeFailed;
import org.juniper.upgrade.events.UpgradeProgress;
import org.juniper.upgrade.events.UpgradeRequested;
import org.juniper.upgrade.intake.Intake.Created;
import org.juniper.upgrade.intake.PlaysTheParts;
import org.juniper.upgrade.intake.request.service.Reconciler;
import org.junit.jupiter.api.Test;

/** Every request ends, exactly once: attempts, stops, the reconciler and dead letters, on real infrastructure. */
@QuarkusTest
class RequestLifecycleTest extends PlaysTheParts {
    private static final Duration WAIT = Duration.ofSeconds(30);
    /** Long enough for intake to have applied an event it was going to apply. */
    private static final Duration SETTLE = Duration.ofSeconds(3);

    @Inject
    ArtifactStore store;

    @Inject
    Reconciler reconciler;

    @Test
    void aRetryIsANewAttemptAndTheLateOutcomeOfTheFirstReachesNoOne() throws Exception {
        Created r = queued("test");
        String first = attemptOf(r.id());
        platform.publish(new UpgradeFailed(r.id(), "upgrade", "PLATFORM:OBJECT_STORE", "the store was away",
                Instant.now(), first));
        awaitState(r, "failed");

        ops().post("/ops/v1/requests/" + r.id() + "/retry").then().statusCode(200).body("state", equalTo("pending"))
                .body("attempt.number", equalTo(2));
        String second = attemptOf(r.id());
        assertNotEquals(first, second);
        List<UpgradeRequested> queued = platform.read(Topics.REQUESTED, r.id(), WAIT, l -> l.size() == 2).stream()
                .map(e -> CloudEvents.data(e.event(), UpgradeRequested.class)).toList();
        assertEquals(List.of(first, second), queued.stream().map(UpgradeRequested::attempt).toList());

        // the first attempt's run was not dead after all: its whole outcome arrives late
        pass(r.id(), first);
        platform.publish(new UpgradeProgress(r.id(), "upgrade", "from the first attempt", Instant.now(), first));
        Thread.sleep(SETTLE.toMillis());
        status(r).then().body("state", equalTo("pending")).body("produced.size()", equalTo(0));
        assertFalse(log(r).contains("from the first attempt"), "its log lines are not shown");

        pass(r.id(), second);
        awaitState(r, "done");
        List<UpgradeCompleted> completed = platform.read(Topics.COMPLETED, r.id(), WAIT, l -> !l.isEmpty()).stream()
                .map(e -> CloudEvents.data(e.event(), UpgradeCompleted.class)).toList();
        assertEquals(1, completed.size());
        assertEquals(second, completed.get(0).attempt());
        assertTrue(completed.get(0).artifact().key().contains(second), completed.get(0).artifact().key());
        List<RequestFailed> failed = platform.read(Topics.REQUEST_FAILED, r.id(), SETTLE, l -> l.size() > 1).stream()
                .map(e -> CloudEvents.data(e.event(), RequestFailed.class)).toList();
        assertEquals(1, failed.size(), "the first attempt's failure was announced once");
        assertEquals("PLATFORM:OBJECT_STORE", failed.get(0).reason());
    }

    @Test
    void anAbortedRunEndsCancelledTellsThePartsToStopAndLeavesNoArtifact() throws IOException {
        Created r = queued("production");
        String attempt = attemptOf(r.id());
        platform.publish(new UpgradeProgress(r.id(), "upgrade", "hop 16.0", Instant.now(), attempt));
        awaitState(r, "progress");
        StoredObject upgraded = store.put(ArtifactKeys.of(r.id()).attempt(attempt).upgraded(),
                "half an archive".getBytes(StandardCharsets.UTF_8), "application/zip");

        ops().contentType(ContentType.JSON).body(Map.of()).post("/ops/v1/requests/" + r.id() + "/abort").then()
                .statusCode(400).body("failures.reason", hasItems("ABORT:REASON_MISSING"));
        ops().contentType(ContentType.JSON).body(Map.of("reason", "the customer migrated by hand"))
                .post("/ops/v1/requests/" + r.id() + "/abort").then().statusCode(200)
                .body("state", equalTo("cancelled")).body("stopped.by", equalTo("operations"))
                .body("stopped.reason", equalTo("the customer migrated by hand"));

        RunStopped stop = CloudEvents.data(platform.read(Topics.STOPPED, r.id(), WAIT, l -> !l.isEmpty()).get(0)
                .event(), RunStopped.class);
        assertEquals(attempt, stop.attempt());
        assertEquals("operations", stop.by());
        assertFalse(store.exists(upgraded.key()), "what the run stored is gone");
        assertTrue(store.exists(backupKey(r)), "the backup stays, for a retry");

        // the run announces its outcome before it heard of the stop: the request stays cancelled
        pass(r.id(), attempt);
        platform.publish(new UpgradeFailed(r.id(), "upgrade", "RUN:STOPPED", "stopped", Instant.now(), attempt));
        ops().contentType(ContentType.JSON).body(Map.of("reason", "twice")).post("/ops/v1/requests/" + r.id()
                + "/abort").then().statusCode(200).body("stopped.reason", equalTo("the customer migrated by hand"));
        assertTrue(platform.read(Topics.COMPLETED, r.id(), SETTLE, l -> !l.isEmpty()).isEmpty());
        assertTrue(platform.read(Topics.REQUEST_FAILED, r.id(), Duration.ofMillis(500), l -> !l.isEmpty())
                .isEmpty());
        status(r).then().body("state", equalTo("cancelled"));
    }

    @Test
    void theReconcilerQueuesAQuietRequestAgainAndFailsAStalledOneWithAReasonOperationsCanRetry() throws Exception {
        Created pending = queued("test");
        Created running = queued("test");
        platform.publish(new UpgradeProgress(running.id(), "upgrade", "hop 15.0", Instant.now(),
                attemptOf(running.id())));
        awaitState(running, "progress");

        reconciler.reconcile(Instant.now().plus(Duration.ofDays(1)));

        List<UpgradeRequested> queued = platform.read(Topics.REQUESTED, pending.id(), WAIT, l -> l.size() == 2)
                .stream().map(e -> CloudEvents.data(e.event(), UpgradeRequested.class)).toList();
        assertEquals(2, queued.size(), "its record may have been lost: it is queued again");
        assertEquals(queued.get(0).attempt(), queued.get(1).attempt(), "as the same attempt, which a worker that "
                + "has it already ignores");
        status(pending).then().body("state", equalTo("pending"));
        status(running).then().body("state", equalTo("failed")).body("failure.reason",
                equalTo(FailureReason.PLATFORM_STALLED.code()));
        assertEquals(1, platform.read(Topics.REQUEST_FAILED, running.id(), WAIT, l -> !l.isEmpty()).size());

        ops().post("/ops/v1/requests/" + running.id() + "/retry").then().statusCode(200)
                .body("state", equalTo("pending"));
    }

    @Test
    void deadLettersAreListedWithTheirRequestAndAReplayIsApplied() throws Exception {
        Created r = queued("test");
        UpgradeProgress lost = new UpgradeProgress(r.id(), "upgrade", "a line a consumer gave up on", Instant.now(),
                attemptOf(r.id()));
        var event = deadLetter(bootstrapServers, lost);

        await().atMost(WAIT).until(() -> ops().get("/ops/v1/dead-letters").jsonPath()
                .getList("findAll { it.requestId == '" + r.id() + "' }").size() == 1);
        Map<String, Object> listed = ops().get("/ops/v1/dead-letters").jsonPath()
                .getMap("find { it.requestId == '" + r.id() + "' }");
        assertEquals(Topics.PROGRESS, listed.get("topic"));
        assertEquals("intake's database was away", listed.get("reason"));
        assertEquals(event.id(), listed.get("eventId"));

        ops().post("/ops/v1/dead-letters/" + listed.get("id") + "/replay").then().statusCode(200);
        await().atMost(WAIT).until(() -> log(r).contains("a line a consumer gave up on"));
        assertTrue(ops().get("/ops/v1/dead-letters").jsonPath()
                .getList("findAll { it.requestId == '" + r.id() + "' }").isEmpty(), "replayed letters leave the list");
        ops().post("/ops/v1/dead-letters/999999999/replay").then().statusCode(404)
                .body("failures.reason", hasItems("DEAD_LETTER:NOT_FOUND"));
    }

    /** The worker, neutralizer and report service all did their part for {@code attempt}. */
    private void pass(String id, String attempt) {
        ArtifactKeys.AttemptKeys keys = ArtifactKeys.of(id).attempt(attempt);
        platform.publish(new DumpUpgraded(id, Purpose.TEST, "14.0", "17.0",
                new StoredObject(keys.upgraded(), "c".repeat(64), 10), keys.facts(), keys.log(), Map.of(), attempt));
        platform.publish(new ReportReady(id, keys.reportHtml(), keys.reportJson(), new ReportReady.Summary(1, 1, 0,
                0), attempt));
        platform.publish(new Neutralized(id, new StoredObject(keys.neutralized(), "d".repeat(64), 10), List.of(),
                attempt));
    }
}
