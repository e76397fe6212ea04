package org.juniper.upgrade.intake.request.service;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.UUID;
import org.jboss.logging.Logger;
import org.juniper.upgrade.bindings.tracing.RequestTracing;
import org.juniper.upgrade.events.FailureReason;
import org.juniper.upgrade.intake.config.IntakeConfig;
import org.juniper.upgrade.intake.outbox.service.Outbox;
import org.juniper.upgrade.intake.request.repository.RequestState;
import org.juniper.upgrade.intake.request.repository.UpgradeRequestRepository;

/**
 * Every request ends: a queued request that no part reports on is queued again, in case its record was lost; a running
 * one whose parts went quiet for longer than any run may take fails with {@code PLATFORM:STALLED}, which operations can
 * retry. Each request is looked at under its lock, so an event arriving meanwhile wins.
 */
@ApplicationScoped
public class Reconciler {
    private static final Logger LOG = Logger.getLogger(Reconciler.class);
    private static final int BATCH = 100;

    private final UpgradeRequestRepository requests;
    private final RequestLifecycle lifecycle;
    private final Outbox outbox;
    private final RequestMetrics metrics;
    private final IntakeConfig config;
    private final RequestTracing tracing;

    Reconciler(UpgradeRequestRepository requests, RequestLifecycle lifecycle, Outbox outbox, RequestMetrics metrics,
            IntakeConfig config, RequestTracing tracing) {
        this.requests = requests;
        this.lifecycle = lifecycle;
        this.outbox = outbox;
        this.metrics = metrics;
        this.config = config;
        this.tracing = tracing;
    }

    @Scheduled(every = "${juniper.intake.reconciler.interval:1m}", delayed = "10s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void onSchedule() {
        reconcile(Instant.now());
    }

    /** Looks over the requests as of {@code now}; returns how many it queued again or failed. */
    public int reconcile(Instant now) {
        Instant pickup = now.minus(config.reconciler().pickupTimeout());
        Instant stall = now.minus(config.reconciler().stallTimeout());
        int acted = 0;
        for (UUID id : QuarkusTransaction.requiringNew().call(() -> requests.quietSince(RequestState.PENDING, pickup,
                BATCH))) {
            try (RequestTracing.LogFields fields = tracing.tagRequest(id.toString())) {
                acted += QuarkusTransaction.requiringNew().call(() -> requeue(id, pickup, now)) ? 1 : 0;
            }
        }
        for (UUID id : QuarkusTransaction.requiringNew().call(() -> requests.quietSince(RequestState.PROGRESS, stall,
                BATCH))) {
            try (RequestTracing.LogFields fields = tracing.tagRequest(id.toString())) {
                acted += QuarkusTransaction.requiringNew().call(() -> failStalled(id, stall, now)) ? 1 : 0;
            }
        }
        return acted;
    }

    private boolean requeue(UUID id, Instant quietBefore, Instant now) {
        return requests.findForUpdate(id).filter(r -> r.state == RequestState.PENDING && r.attempt != null
                && !r.held && r.lastEventAt != null && r.lastEventAt.isBefore(quietBefore)).map(r -> {
                    r.republished++;
                    r.lastEventAt = now;
                    outbox.append(r.queued());
                    metrics.reconciled("pending", "requeued");
                    LOG.warnf("request %s: no part reported on attempt %s since it was queued; queued again (%d)",
                            r.id, r.attempt, r.republished);
                    return true;
                }).orElse(false);
    }

    private boolean failStalled(UUID id, Instant quietBefore, Instant now) {
        return requests.findForUpdate(id).filter(r -> r.state == RequestState.PROGRESS
                && r.lastEventAt.isBefore(quietBefore)).map(r -> {
                    lifecycle.fail(r, r.stage, FailureReason.PLATFORM_STALLED.code(), "the platform stopped "
                            + "reporting on this upgrade (last in stage " + r.stage + " at " + r.lastEventAt + "): the "
                            + "fault is ours, the upgrade team was alerted and can retry it; nothing needs to change "
                            + "on your side", now);
                    metrics.reconciled("progress", "failed");
                    return true;
                }).orElse(false);
    }
}
