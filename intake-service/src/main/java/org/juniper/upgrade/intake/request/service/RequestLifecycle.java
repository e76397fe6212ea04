package org.juniper.upgrade.intake.request.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.UUID;
import org.jboss.logging.Logger;
import org.juniper.upgrade.events.CloudEvent;
import org.juniper.upgrade.events.CloudEvents;
import org.juniper.upgrade.events.DumpUpgraded;
import org.juniper.upgrade.events.EventData;
import org.juniper.upgrade.events.EventType;
import org.juniper.upgrade.events.FailureReason;
import org.juniper.upgrade.events.Neutralized;
import org.juniper.upgrade.events.ReportReady;
import org.juniper.upgrade.events.RequestFailed;
import org.juniper.upgrade.events.UpgradeCompleted;
import org.juniper.upgrade.events.UpgradeFailed;
import org.juniper.upgrade.events.UpgradeProgress;
import org.juniper.upgrade.intake.outbox.service.Outbox;
import org.juniper.upgrade.intake.request.repository.ProcessedEventRepository;
import org.juniper.upgrade.intake.request.repository.RequestLogLine;
import org.juniper.upgrade.intake.request.repository.RequestLogRepository;
import org.juniper.upgrade.intake.request.repository.RequestState;
import org.juniper.upgrade.intake.request.repository.UpgradeRequest;
import org.juniper.upgrade.intake.request.repository.UpgradeRequestRepository;

/**
 * Follows what the other parts report and moves the request's state; publishes {@code upgrade.completed} or
 * {@code upgrade.request-failed} through the outbox when it ends. Each event is applied once, in one transaction with
 * the record of its id, and only when it belongs to the request's current attempt: a late or duplicate run of an earlier
 * attempt is recorded and ignored, so its artifacts never reach anyone.
 */
@ApplicationScoped
public class RequestLifecycle {
    private static final Logger LOG = Logger.getLogger(RequestLifecycle.class);

    private final UpgradeRequestRepository requests;
    private final RequestLogRepository log;
    private final ProcessedEventRepository processed;
    private final Outbox outbox;
    private final RequestMetrics metrics;

    RequestLifecycle(UpgradeRequestRepository requests, RequestLogRepository log, ProcessedEventRepository processed,
            Outbox outbox, RequestMetrics metrics) {
        this.requests = requests;
        this.log = log;
        this.processed = processed;
        this.outbox = outbox;
        this.metrics = metrics;
    }

    @Transactional
    public void apply(CloudEvent event) {
        EventType type = EventType.ofType(event.type()).orElseThrow();
        EventData data = CloudEvents.data(event, type.dataClass());
        if (!processed.markProcessed(event)) {
            LOG.debugf("event %s already applied", event.id());
            return;
        }
        UpgradeRequest request = requests.findForUpdate(UUID.fromString(data.requestId())).orElse(null);
        if (request == null) {
            LOG.warnf("event %s (%s) names unknown request %s; ignored", event.id(), event.type(), data.requestId());
            return;
        }
        if (!request.isCurrent(data.attempt())) {
            LOG.infof("event %s (%s) of request %s belongs to attempt %s, not the current %s; ignored", event.id(),
                    event.type(), request.id, data.attempt(), request.attempt);
            metrics.staleEvent(type);
            return;
        }
        if (!request.state.isTerminal()) {
            request.lastEventAt = Instant.now();
        }
        if (data instanceof UpgradeProgress p) {
            progress(request, p);
        } else if (data instanceof DumpUpgraded d) {
            dumpUpgraded(request, d);
        } else if (data instanceof Neutralized n) {
            neutralized(request, n);
        } else if (data instanceof ReportReady r) {
            reportReady(request, r);
        } else if (data instanceof UpgradeFailed f) {
            failed(request, f);
        }
    }

    private void progress(UpgradeRequest request, UpgradeProgress p) {
        RequestLogLine line = new RequestLogLine();
        line.requestId = request.id;
        line.at = p.at();
        line.stage = p.stage();
        line.line = p.line();
        log.persist(line);
        if (!request.state.isTerminal()) {
            request.stage = p.stage();
            markStarted(request, p.at());
        }
    }

    private void dumpUpgraded(UpgradeRequest request, DumpUpgraded d) {
        request.upgradedKey = d.artifact().key();
        request.upgradedSha256 = d.artifact().sha256();
        request.upgradedSize = d.artifact().size();
        markStarted(request, Instant.now());
        completeIfReady(request);
    }

    private void neutralized(UpgradeRequest request, Neutralized n) {
        request.neutralizedKey = n.artifact().key();
        request.neutralizedSha256 = n.artifact().sha256();
        request.neutralizedSize = n.artifact().size();
        completeIfReady(request);
    }

    private void reportReady(UpgradeRequest request, ReportReady r) {
        request.reportHtmlKey = r.htmlKey();
        request.reportJsonKey = r.jsonKey();
        completeIfReady(request);
    }

    private void failed(UpgradeRequest request, UpgradeFailed f) {
        fail(request, f.stage(), f.reason(), f.message(), f.at());
    }

    /**
     * Ends a request that has not ended as failed, and announces it once: the one failure its requester hears of.
     * The caller holds the request's lock.
     */
    void fail(UpgradeRequest request, String stage, String reason, String message, Instant at) {
        if (request.state.isTerminal()) {
            return;
        }
        request.state = RequestState.FAILED;
        request.stage = stage;
        request.failureReason = reason;
        request.failureMessage = message;
        request.finishedAt = at;
        if (request.attempt != null) {
            outbox.append(new RequestFailed(request.id.toString(), request.databaseName, stage, reason, message, at,
                    request.attempt.toString()));
        }
        LOG.infof("request %s failed in %s: %s", request.id, stage, reason);
    }

    private void markStarted(UpgradeRequest request, Instant at) {
        if (request.state == RequestState.PENDING) {
            request.state = RequestState.PROGRESS;
            request.startedAt = at;
        }
    }

    private void completeIfReady(UpgradeRequest request) {
        if (request.state.isTerminal() || !request.isComplete()) {
            return;
        }
        request.state = RequestState.DONE;
        request.stage = "done";
        request.finishedAt = Instant.now();
        outbox.append(new UpgradeCompleted(request.id.toString(), request.databaseName, request.sourceVersion,
                request.targetVersion, request.purpose, request.deliverable(), request.reportHtmlKey,
                request.reportJsonKey, downloadPath(request.id), request.finishedAt, request.attempt.toString()));
        LOG.infof("request %s done", request.id);
    }

    /** A part sent an event that breaks the contract: its request cannot go on, and says why. */
    @Transactional
    public void failOnMalformedEvent(String key, String topic, String problem) {
        UUID id;
        try {
            id = UUID.fromString(key);
        } catch (IllegalArgumentException | NullPointerException e) {
            LOG.warnf("malformed event on %s with no request id as key: %s", topic, problem);
            return;
        }
        requests.findForUpdate(id).ifPresent(request -> {
            LOG.warnf("request %s: malformed event on %s: %s", id, topic, problem);
            fail(request, request.stage, FailureReason.EVENT_MALFORMED.code(), "a part of the platform sent an "
                    + "unreadable event on " + topic + " (" + problem + "); the event is kept for the upgrade team, "
                    + "who were alerted and can retry the request", Instant.now());
        });
    }

    public static String downloadPath(UUID id) {
        return "/api/v1/requests/" + id + "/download";
    }
}
