package org.juniper.upgrade.intake.request.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.juniper.upgrade.events.Purpose;
import org.juniper.upgrade.events.StoredObject;
import org.juniper.upgrade.intake.request.repository.RequestState;
import org.juniper.upgrade.intake.request.repository.UpgradeRequest;
import org.juniper.upgrade.intake.request.service.RequestLifecycle;

/** A request as its requester sees it. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RequestView(UUID id, String database, String sourceVersion, String targetVersion, Purpose purpose,
        RequestState state, String stage, Instant createdAt, Instant queuedAt, Instant startedAt, Instant finishedAt,
        Long elapsedSeconds, Long queuePosition, Long estimatedSeconds, Backup backup, Scripts scripts,
        List<String> produced, FailureView failure, String downloadPath, String reportPath, Result result,
        Attempt attempt, Stop stopped, Boolean held) {

    /** The current start or retry of the request: only its run counts. */
    public record Attempt(UUID id, int number) {
    }

    /** Who stopped the request (operations, requester, or platform when it expired) and why. */
    public record Stop(String by, String reason) {
    }

    public record Backup(String sha256, long size, String format) {
    }

    /** The requester's own upgrade scripts, as checked when they arrived: how many, and for which modules. */
    public record Scripts(String sha256, long size, int count, List<String> modules) {
        static Scripts of(UpgradeRequest r) {
            return r.scriptsKey == null ? null : new Scripts(r.scriptsSha256, r.scriptsSize, r.scriptsCount,
                    r.scriptsModules.isEmpty() ? List.of() : List.of(r.scriptsModules.split(",")));
        }
    }

    /** The archive behind downloadPath: a client resumes a cut download by its size and checks it by its sha256. */
    public record Result(String sha256, long size) {
    }

    public record FailureView(String reason, String message) {
    }

    /** The parts of the result that exist so far, in the order they are usually produced. */
    private static List<String> produced(UpgradeRequest r) {
        List<String> parts = new ArrayList<>();
        if (r.upgradedKey != null) {
            parts.add("upgraded");
        }
        if (r.neutralizedKey != null) {
            parts.add("neutralized");
        }
        if (r.reportHtmlKey != null) {
            parts.add("report");
        }
        return parts;
    }

    /** The request without its place in the queue, for lists. */
    public static RequestView of(UpgradeRequest r) {
        return of(r, null, null);
    }

    /**
     * @param queuePosition requests that will be picked up before this pending one
     * @param estimatedSeconds expected run time from past runs between the same versions
     */
    public static RequestView of(UpgradeRequest r, Long queuePosition, Long estimatedSeconds) {
        Instant end = r.finishedAt != null ? r.finishedAt : Instant.now();
        Long elapsed = r.startedAt == null ? null : Duration.between(r.startedAt, end).toSeconds();
        boolean done = r.state == RequestState.DONE;
        StoredObject deliverable = done ? r.deliverable() : null;
        return new RequestView(r.id, r.databaseName, r.sourceVersion, r.targetVersion, r.purpose, r.state, r.stage,
                r.createdAt, r.queuedAt, r.startedAt, r.finishedAt, elapsed, queuePosition, estimatedSeconds,
                r.backupKey == null ? null : new Backup(r.backupSha256, r.backupSize, r.backupFormat),
                Scripts.of(r), produced(r),
                r.failureReason == null ? null : new FailureView(r.failureReason, r.failureMessage),
                done ? RequestLifecycle.downloadPath(r.id) : null,
                done ? "/api/v1/requests/" + r.id + "/report" : null,
                deliverable == null ? null : new Result(deliverable.sha256(), deliverable.size()),
                r.attempt == null ? null : new Attempt(r.attempt, r.attemptNumber),
                r.stoppedBy == null ? null : new Stop(r.stoppedBy, r.stopReason),
                // said only when true: pending, but held in intake while operations pause the test lane
                r.held ? Boolean.TRUE : null);
    }
}
