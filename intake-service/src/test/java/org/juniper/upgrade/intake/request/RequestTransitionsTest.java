package org.juniper.upgrade.intake.request;

import static org.juniper.upgrade.intake.Intake.registerContract;
import static org.juniper.upgrade.intake.Intake.sampleBackup;
import static org.juniper.upgrade.intake.Intake.stored;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.juniper.upgrade.events.ArtifactKeys;
import org.juniper.upgrade.events.CloudEvents;
import org.juniper.upgrade.events.DumpUpgraded;
import org.juniper.upgrade.events.EventData;
import org.juniper.upgrade.events.FailureReason;
import org.juniper.upgrade.events.Neutralized;
import org.juniper.upgrade.events.ReportReady;
import org.juniper.upgrade.events.StoredObject;
import org.juniper.upgrade.events.UpgradeFailed;
import org.juniper.upgrade.events.UpgradeProgress;
import org.juniper.upgrade.intake.operations.service.Operations;
import org.juniper.upgrade.intake.refusal.RequestRefusedException;
import org.juniper.upgrade.intake.request.repository.RequestState;
import org.juniper.upgrade.intake.request.repository.UpgradeRequest;
import org.juniper.upgrade.intake.request.service.NewRequest;
import org.juniper.upgrade.intake.request.service.RequestLifecycle;
import org.juniper.upgrade.intake.request.service.RequestService;
import org.juniper.upgrade.intake.upload.service.Backups;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * The request's states, moved by the services themselves and by the parts' events handed straight to the
 * lifecycle: which move each makes, and which it refuses, with which reason.
 */
@QuarkusTest
class RequestTransitionsTest {
    @Inject
    RequestService requests;

    @Inject
    Backups backups;

    @Inject
    RequestLifecycle lifecycle;

    @Inject
    Operations operations;

    @BeforeEach
    void contract() {
        registerContract("M2026-0042", "acme-hosting");
    }

    @Test
    void aRequestStartsOnlyOnceItsBackupIsStoredAndThenAsItsFirstAttempt() throws IOException {
        RequestService.Created r = requests.create(ask("test"));
        UUID id = r.request().id;
        assertRefused(409, "REQUEST:NO_BACKUP", () -> requests.start(id, r.secret()));

        backups.receiveBackup(id, new ByteArrayInputStream(sampleBackup()), null);
        assertEquals(RequestState.NEW, state(id), "a stored backup does not start the request");

        UpgradeRequest started = requests.start(id, r.secret());
        assertEquals(RequestState.PENDING, started.state);
        assertEquals(1, started.attemptNumber);
        assertNotNull(started.attempt);
        assertEquals(started.attempt, requests.start(id, r.secret()).attempt, "starting again changes nothing");
        assertRefused(409, "REQUEST:NOT_NEW", () -> backups.receiveBackup(id, new ByteArrayInputStream(
                sampleBackup()), null));
        assertRefused(404, "REQUEST:NOT_FOUND", () -> requests.start(id, "not-the-secret"));
    }

    @Test
    void theFirstProgressOfTheCurrentAttemptMovesAPendingRequestToProgress() throws IOException {
        UpgradeRequest r = pending("test");

        apply(new UpgradeProgress(r.id.toString(), "restore", "restoring", Instant.now(), r.attempt.toString()));

        UpgradeRequest now = stored(r.id.toString());
        assertEquals(RequestState.PROGRESS, now.state);
        assertEquals("restore", now.stage);
        assertNotNull(now.startedAt);
    }

    @Test
    void aTestRequestIsDoneOnlyOnceItsNeutralizedCopyAndItsReportAreThere() throws IOException {
        UpgradeRequest r = pending("test");

        apply(upgraded(r, r.attempt.toString()));
        assertEquals(RequestState.PROGRESS, state(r.id), "the upgraded archive of a test is not its result");
        apply(report(r, r.attempt.toString()));
        assertEquals(RequestState.PROGRESS, state(r.id));
        apply(neutralized(r, r.attempt.toString()));

        UpgradeRequest done = stored(r.id.toString());
        assertEquals(RequestState.DONE, done.state);
        assertEquals("done", done.stage);
        assertNotNull(done.finishedAt);
    }

    @Test
    void aProductionRequestIsDoneWithItsUpgradedArchiveAndItsReport() throws IOException {
        UpgradeRequest r = pending("production");

        apply(upgraded(r, r.attempt.toString()));
        assertEquals(RequestState.PROGRESS, state(r.id), "no result without its report");
        apply(report(r, r.attempt.toString()));

        assertEquals(RequestState.DONE, state(r.id));
    }

    @Test
    void aFailureEndsTheRequestOnceWithItsReasonAndNothingLaterChangesIt() throws IOException {
        UpgradeRequest r = pending("test");
        String attempt = r.attempt.toString();

        apply(new UpgradeFailed(r.id.toString(), "upgrade", "MODULE:CUSTOM", "module loyalty is unknown",
                Instant.now(), attempt));
        apply(new UpgradeFailed(r.id.toString(), "report", "PLATFORM:STALLED", "later", Instant.now(), attempt));
        apply(upgraded(r, attempt));
        apply(report(r, attempt));
        apply(neutralized(r, attempt));

        UpgradeRequest failed = stored(r.id.toString());
        assertEquals(RequestState.FAILED, failed.state);
        assertEquals("MODULE:CUSTOM", failed.failureReason);
        assertEquals("upgrade", failed.stage);
    }

    @Test
    void anEventOfAnEarlierAttemptChangesNothing() throws IOException {
        UpgradeRequest r = pending("test");
        String first = r.attempt.toString();
        apply(new UpgradeFailed(r.id.toString(), "upgrade", "PLATFORM:OBJECT_STORE", "away", Instant.now(), first));
        operations.retry(r.id);

        apply(new UpgradeProgress(r.id.toString(), "restore", "late", Instant.now(), first));
        apply(upgraded(r, first));
        apply(report(r, first));
        apply(neutralized(r, first));

        UpgradeRequest now = stored(r.id.toString());
        assertEquals(RequestState.PENDING, now.state);
        assertNull(now.upgradedKey, "what the first attempt produced reaches no one");
        assertNull(now.reportHtmlKey);
    }

    @Test
    void aRequesterCancelsARunningTestButNeitherARunningProductionUpgradeNorARequestThatEnded() throws IOException {
        RequestService.Created test = started("test");
        run(test.request());
        UpgradeRequest cancelled = requests.cancel(test.request().id, test.secret());
        assertEquals(RequestState.CANCELLED, cancelled.state);
        assertEquals("requester", cancelled.stoppedBy);
        assertEquals(RequestState.CANCELLED, requests.cancel(test.request().id, test.secret()).state,
                "cancelling again changes nothing");

        RequestService.Created production = started("production");
        run(production.request());
        assertRefused(409, "REQUEST:NOT_CANCELLABLE", () -> requests.cancel(production.request().id,
                production.secret()));
        assertEquals(RequestState.PROGRESS, state(production.request().id));

        RequestService.Created failed = started("test");
        apply(new UpgradeFailed(failed.request().id.toString(), "upgrade", "MODULE:CUSTOM", "unknown module",
                Instant.now(), failed.request().attempt.toString()));
        assertRefused(409, "REQUEST:NOT_CANCELLABLE", () -> requests.cancel(failed.request().id, failed.secret()));
        assertRefused(404, "REQUEST:NOT_FOUND", () -> requests.cancel(failed.request().id, "not-the-secret"));
    }

    @Test
    void operationsAbortARunningProductionUpgradeForAReasonAndARequestThatEndedStaysAsItEnded() throws IOException {
        UpgradeRequest r = pending("production");
        run(r);
        assertRefused(400, "ABORT:REASON_MISSING", () -> operations.abort(r.id, " "));
        assertEquals(RequestState.PROGRESS, state(r.id));

        UpgradeRequest aborted = operations.abort(r.id, "the customer migrated by hand");
        assertEquals(RequestState.CANCELLED, aborted.state);
        assertEquals("operations", aborted.stoppedBy);
        assertEquals("the customer migrated by hand", aborted.stopReason);

        UpgradeRequest done = pending("production");
        apply(upgraded(done, done.attempt.toString()));
        apply(report(done, done.attempt.toString()));
        assertEquals(RequestState.DONE, operations.abort(done.id, "too late").state);
        assertNull(stored(done.id.toString()).stoppedBy);
    }

    @Test
    void onlyAFailedOrCancelledRequestWhoseBackupIsStoredIsRetriedAndAsANewAttempt() throws IOException {
        UpgradeRequest r = pending("test");
        assertRefused(409, "REQUEST:NOT_RETRYABLE", () -> operations.retry(r.id));

        apply(new UpgradeFailed(r.id.toString(), "upgrade", "PLATFORM:OBJECT_STORE", "away", Instant.now(),
                r.attempt.toString()));
        UpgradeRequest retried = operations.retry(r.id);
        assertEquals(RequestState.PENDING, retried.state);
        assertEquals(2, retried.attemptNumber);
        assertNotEquals(r.attempt, retried.attempt);
        assertNull(retried.failureReason, "the failure belonged to the first attempt");

        RequestService.Created withoutBackup = requests.create(ask("test"));
        requests.cancel(withoutBackup.request().id, withoutBackup.secret());
        assertRefused(409, "REQUEST:NOT_RETRYABLE", () -> operations.retry(withoutBackup.request().id));
        assertRefused(404, "REQUEST:NOT_FOUND", () -> operations.retry(UUID.randomUUID()));
    }

    @Test
    void aRequestThatEndedDoesNotStartAgain() throws IOException {
        RequestService.Created r = started("test");
        apply(new UpgradeFailed(r.request().id.toString(), "upgrade", "MODULE:CUSTOM", "unknown module",
                Instant.now(), r.request().attempt.toString()));

        RequestRefusedException refused = assertRefused(409, "REQUEST:NO_BACKUP",
                () -> requests.start(r.request().id, r.secret()));
        assertTrue(refused.failures().get(0).message().contains("failed"), refused.getMessage());
        assertEquals(RequestState.FAILED, state(r.request().id));
    }

    @Test
    void anUnreadableEventFailsItsRequestWithAReasonOperationsCanRetryAndAKeyThatIsNoRequestChangesNothing()
            throws IOException {
        UpgradeRequest r = pending("test");

        lifecycle.failOnMalformedEvent(r.id.toString(), "upgrade.progress", "not JSON");
        assertDoesNotThrow(() -> lifecycle.failOnMalformedEvent("no-request", "upgrade.progress", "not JSON"));

        UpgradeRequest failed = stored(r.id.toString());
        assertEquals(RequestState.FAILED, failed.state);
        assertEquals(FailureReason.EVENT_MALFORMED.code(), failed.failureReason);
        assertEquals(RequestState.PENDING, operations.retry(r.id).state);
    }

    private static NewRequest ask(String purpose) {
        return new NewRequest("M2026-0042", "it@acme.example", "acme-" + UUID.randomUUID().toString().substring(0, 8),
                "17.0", null, purpose);
    }

    /** A request with its backup, started: pending, in its first attempt. */
    private RequestService.Created started(String purpose) throws IOException {
        RequestService.Created r = requests.create(ask(purpose));
        backups.receiveBackup(r.request().id, new ByteArrayInputStream(sampleBackup()), null);
        return new RequestService.Created(requests.start(r.request().id, r.secret()), r.secret());
    }

    private UpgradeRequest pending(String purpose) throws IOException {
        return started(purpose).request();
    }

    /** A worker took the request's current attempt. */
    private void run(UpgradeRequest r) {
        apply(new UpgradeProgress(r.id.toString(), "upgrade", "hop 15.0", Instant.now(), r.attempt.toString()));
        assertEquals(RequestState.PROGRESS, state(r.id));
    }

    private void apply(EventData data) {
        lifecycle.apply(CloudEvents.create("/juniper/upgrade-worker", data));
    }

    private static RequestState state(UUID id) {
        return stored(id.toString()).state;
    }

    private static DumpUpgraded upgraded(UpgradeRequest r, String attempt) {
        ArtifactKeys.AttemptKeys keys = ArtifactKeys.of(r.id.toString()).attempt(attempt);
        return new DumpUpgraded(r.id.toString(), r.purpose, "14.0", "17.0", new StoredObject(keys.upgraded(),
                "c".repeat(64), 10), keys.facts(), keys.log(), Map.of(), attempt);
    }

    private static ReportReady report(UpgradeRequest r, String attempt) {
        ArtifactKeys.AttemptKeys keys = ArtifactKeys.of(r.id.toString()).attempt(attempt);
        return new ReportReady(r.id.toString(), keys.reportHtml(), keys.reportJson(), new ReportReady.Summary(1, 1, 0,
                0), attempt);
    }

    private static Neutralized neutralized(UpgradeRequest r, String attempt) {
        return new Neutralized(r.id.toString(), new StoredObject(ArtifactKeys.of(r.id.toString()).attempt(attempt)
                .neutralized(), "d".repeat(64), 10), List.of(), attempt);
    }

    private static RequestRefusedException assertRefused(int status, String reason, Executable call) {
        RequestRefusedException refused = assertThrows(RequestRefusedException.class, call);
        assertEquals(status, refused.status(), refused.getMessage());
        assertEquals(reason, refused.failures().get(0).reason(), refused.getMessage());
        return refused;
    }
}
