package org.juniper.upgrade.intake.campaign.service;

import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.context.Context;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.jboss.logging.Logger;
import org.juniper.upgrade.bindings.objectstore.ArtifactStore;
import org.juniper.upgrade.bindings.objectstore.MissingArtifactException;
import org.juniper.upgrade.bindings.tracing.RequestTracing;
import org.juniper.upgrade.events.FailureReason;
import org.juniper.upgrade.intake.campaign.repository.CampaignDatabase;
import org.juniper.upgrade.intake.campaign.repository.CampaignDatabaseRepository;
import org.juniper.upgrade.intake.config.IntakeConfig;
import org.juniper.upgrade.intake.lane.service.TestLanePause;
import org.juniper.upgrade.intake.outbox.service.Outbox;
import org.juniper.upgrade.intake.request.repository.RequestState;
import org.juniper.upgrade.intake.request.repository.UpgradeRequest;
import org.juniper.upgrade.intake.request.repository.UpgradeRequestRepository;
import org.juniper.upgrade.intake.upload.service.Backups;

/**
 * Moves campaign requests along at low priority, and not while operations pause the test lane. First each database's backup is copied under its request's key and
 * checked as an upload is; a good one waits in intake ({@code pending}, not published). Then, whenever no test
 * request waits in the test lane, a few of them are published to it through the outbox: a requester's own test
 * request never queues behind more than {@code release-batch} campaign requests.
 */
@ApplicationScoped
public class CampaignRelease {
    private static final Logger LOG = Logger.getLogger(CampaignRelease.class);

    private final CampaignDatabaseRepository databases;
    private final UpgradeRequestRepository requests;
    private final Backups backups;
    private final ArtifactStore store;
    private final Outbox outbox;
    private final IntakeConfig.Campaign config;
    private final RequestTracing tracing;
    private final TestLanePause testLane;

    CampaignRelease(CampaignDatabaseRepository databases, UpgradeRequestRepository requests,
            Backups backups, ArtifactStore store, Outbox outbox, IntakeConfig config,
            RequestTracing tracing, TestLanePause testLane) {
        this.testLane = testLane;
        this.databases = databases;
        this.requests = requests;
        this.backups = backups;
        this.store = store;
        this.outbox = outbox;
        this.config = config.campaign();
        this.tracing = tracing;
    }

    @Scheduled(every = "${juniper.intake.campaign.interval:2s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void prepareBackups() {
        Optional<CampaignDatabase> next;
        while ((next = QuarkusTransaction.requiringNew().call(this::claimNext)).isPresent()) {
            try (RequestTracing.LogFields fields = tracing.tagRequest(next.get().requestId.toString())) {
                if (!prepare(next.get())) {
                    return;
                }
            }
        }
    }

    private Optional<CampaignDatabase> claimNext() {
        Instant now = Instant.now();
        return databases.lockNextToPrepare(now).map(d -> {
            d.claimedUntil = now.plus(config.prepareLease());
            return d;
        });
    }

    /** @return false when the store failed us: the backup is tried again on a later round */
    private boolean prepare(CampaignDatabase d) {
        UpgradeRequest checked;
        try (InputStream backup = store.open(d.backupSource)) {
            checked = backups.receiveBackup(d.requestId, backup, null);
        } catch (MissingArtifactException e) {
            checked = backups.recordBadBackup(d.requestId, FailureReason.BACKUP_NOT_FOUND, "the backup '"
                    + d.backupSource + "' the campaign names is no longer in the store");
        } catch (IOException | RuntimeException e) {
            LOG.warnf("campaign backup %s of request %s not copied (%s); trying again later", d.backupSource,
                    d.requestId, e instanceof UncheckedIOException u ? u.getCause() : e);
            QuarkusTransaction.requiringNew().run(() -> databases.findByIdOptional(d.requestId)
                    .ifPresent(claimed -> claimed.claimedUntil = null));
            return false;
        }
        if (checked.state == RequestState.NEW) {
            hold(d.requestId);
        }
        return true;
    }

    @Transactional
    void hold(UUID id) {
        requests.findForUpdate(id).filter(r -> r.state == RequestState.NEW && r.backupKey != null).ifPresent(r -> {
            r.startAttempt(Instant.now());
            // held by intake, in no worker's queue yet: nothing for the reconciler to queue again until released
            r.lastEventAt = null;
            LOG.infof("campaign request %s checked; held until the test lane has room", id);
        });
    }

    @Scheduled(every = "${juniper.intake.campaign.interval:2s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    @Transactional
    void release() {
        if (!databases.lockRelease() || testLane.paused() || databases.waitingInTestLane() > 0) {
            return;
        }
        for (CampaignDatabase held : databases.held(config.releaseBatch())) {
            // no call started a campaign request: its trace starts where it is let into the test lane
            tracing.inRequest("campaign release", SpanKind.INTERNAL, held.requestId.toString(), Context.root(),
                    () -> release(held));
        }
    }

    private void release(CampaignDatabase held) {
        requests.findForUpdate(held.requestId).filter(r -> r.state == RequestState.PENDING).ifPresent(r -> {
            held.releasedAt = Instant.now();
            r.queuedAt = held.releasedAt;
            r.lastEventAt = held.releasedAt;
            outbox.append(r.queued());
            LOG.infof("campaign request %s released to the test lane", r.id);
        });
    }
}
