package org.juniper.upgrade.intake.request.repository;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;
import org.juniper.upgrade.events.Purpose;
import org.juniper.upgrade.events.StoredObject;
import org.juniper.upgrade.events.UpgradeRequested;
import org.juniper.upgrade.intake.refusal.Failure;
import org.juniper.upgrade.intake.refusal.RequestRefusedException;

@Entity
@Table(name = "upgrade_request")
public class UpgradeRequest {
    @Id
    public UUID id;
    public String contract;
    /** The hosting project of the contract; its branches may read the request. */
    public String project;
    public String email;
    @Column(name = "database_name")
    public String databaseName;
    @Column(name = "source_version")
    public String sourceVersion;
    @Column(name = "target_version")
    public String targetVersion;
    @Enumerated(EnumType.STRING)
    public Purpose purpose;
    public int priority;
    @Enumerated(EnumType.STRING)
    public RequestState state;
    public String stage;
    /** Only the hash: the secret itself is shown to the requester once and never stored. */
    @Column(name = "secret_hash")
    public String secretHash;

    @Column(name = "backup_key")
    public String backupKey;
    @Column(name = "backup_sha256")
    public String backupSha256;
    @Column(name = "backup_size")
    public Long backupSize;
    @Column(name = "backup_format")
    public String backupFormat;

    /** The requester's own upgrade scripts, checked when they arrived; null when the request brings none. */
    @Column(name = "scripts_key")
    public String scriptsKey;
    @Column(name = "scripts_sha256")
    public String scriptsSha256;
    @Column(name = "scripts_size")
    public Long scriptsSize;
    @Column(name = "scripts_count")
    public Integer scriptsCount;
    /** The modules the scripts cover, comma-separated and sorted. */
    @Column(name = "scripts_modules")
    public String scriptsModules;

    @Column(name = "upgraded_key")
    public String upgradedKey;
    @Column(name = "upgraded_sha256")
    public String upgradedSha256;
    @Column(name = "upgraded_size")
    public Long upgradedSize;

    @Column(name = "neutralized_key")
    public String neutralizedKey;
    @Column(name = "neutralized_sha256")
    public String neutralizedSha256;
    @Column(name = "neutralized_size")
    public Long neutralizedSize;

    @Column(name = "report_html_key")
    public String reportHtmlKey;
    @Column(name = "report_json_key")
    public String reportJsonKey;

    @Column(name = "failure_reason")
    public String failureReason;
    @Column(name = "failure_message")
    public String failureMessage;

    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "queued_at")
    public Instant queuedAt;
    @Column(name = "started_at")
    public Instant startedAt;
    @Column(name = "finished_at")
    public Instant finishedAt;

    /**
     * The current attempt: each start or retry is a new one, and only the current attempt's events move the request.
     * Null until the request is first queued.
     */
    public UUID attempt;
    @Column(name = "attempt_number")
    public int attemptNumber;
    /** When a part last reported on the current attempt, or when it was queued: what the reconciler watches. */
    @Column(name = "last_event_at")
    public Instant lastEventAt;
    /** How often the reconciler has queued the current attempt again because no worker picked it up. */
    @Column(name = "republished")
    public int republished;
    /** Who stopped the request (operations or requester) and why; null unless it was stopped while it ran. */
    @Column(name = "stopped_by")
    public String stoppedBy;
    @Column(name = "stop_reason")
    public String stopReason;
    /** While a backup upload is in flight: until when it holds the request, renewed as its bytes arrive. */
    /** Download links issued up to this moment open nothing. */
    @Column(name = "links_revoked_at")
    public Instant linksRevokedAt;

    @Column(name = "upload_until")
    public Instant uploadUntil;

    /** The campaign this test request belongs to; null for a requester's own request. */
    @Column(name = "campaign_id")
    public UUID campaignId;

    /** Started while the test lane was paused: pending, but not yet published to any worker. */
    public boolean held;

    @Version
    public long version;

    public StoredObject backup() {
        return backupKey == null ? null : new StoredObject(backupKey, backupSha256, backupSize);
    }

    public StoredObject scripts() {
        return scriptsKey == null ? null : new StoredObject(scriptsKey, scriptsSha256, scriptsSize);
    }

    public StoredObject upgraded() {
        return upgradedKey == null ? null : new StoredObject(upgradedKey, upgradedSha256, upgradedSize);
    }

    public StoredObject neutralized() {
        return neutralizedKey == null ? null : new StoredObject(neutralizedKey, neutralizedSha256, neutralizedSize);
    }

    /** The archive the requester receives: a test copy only ever in its neutralized form. */
    public StoredObject deliverable() {
        return purpose == Purpose.TEST ? neutralized() : upgraded();
    }

    /**
     * Queues the request as a new attempt: whatever an earlier attempt reported or produced no longer counts, since its
     * run may still announce things late.
     */
    public void startAttempt(Instant now) {
        attempt = UUID.randomUUID();
        attemptNumber++;
        republished = 0;
        held = false;
        state = RequestState.PENDING;
        stage = null;
        queuedAt = now;
        lastEventAt = now;
        startedAt = null;
        finishedAt = null;
        failureReason = null;
        failureMessage = null;
        upgradedKey = upgradedSha256 = null;
        upgradedSize = null;
        neutralizedKey = neutralizedSha256 = null;
        neutralizedSize = null;
        reportHtmlKey = reportJsonKey = null;
    }

    /** True when {@code attempt} is this request's current attempt. */
    public boolean isCurrent(String attemptId) {
        return attempt != null && attempt.toString().equals(attemptId);
    }

    /** The event that puts the current attempt in the workers' queue. */
    public UpgradeRequested queued() {
        return new UpgradeRequested(id.toString(), databaseName, sourceVersion, targetVersion, purpose, priority, email,
                backup(), backupFormat, queuedAt, campaignId == null ? null : campaignId.toString(), scripts(),
                attempt.toString());
    }

    /** Refuses, once the request has left {@code new}, what only a new request takes. */
    public void requireNew(String rule, String expected) {
        if (state != RequestState.NEW) {
            throw new RequestRefusedException(409, new Failure("REQUEST:NOT_NEW",
                    "the request is " + state.code() + "; " + rule, expected));
        }
    }

    /** True once everything the purpose needs is there. */
    public boolean isComplete() {
        return deliverable() != null && reportHtmlKey != null;
    }
}
