package org.juniper.upgrade.intake.request.service;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.UUID;
import org.jboss.logging.Logger;
import org.juniper.upgrade.bindings.objectstore.ArtifactStore;
import org.juniper.upgrade.events.ArtifactKeys;
import org.juniper.upgrade.events.RunStopped;
import org.juniper.upgrade.intake.outbox.service.Outbox;
import org.juniper.upgrade.intake.refusal.RequestRefusedException;
import org.juniper.upgrade.intake.request.repository.RequestState;
import org.juniper.upgrade.intake.request.repository.UpgradeRequest;
import org.juniper.upgrade.intake.request.repository.UpgradeRequestRepository;
import org.juniper.upgrade.intake.upload.service.ResumableUploads;

/**
 * Stops a request that has not ended: operations abort any, a requester cancels their own, an abandoned one expires. The request ends
 * {@code cancelled} in one transaction with the stop event that tells the parts to drop the attempt's run; what the
 * run had stored, and an unfinished upload, are deleted afterwards, and again by the purge should a part still have
 * been writing.
 */
@ApplicationScoped
public class RequestStops {
    private static final Logger LOG = Logger.getLogger(RequestStops.class);
    public static final String BY_OPERATIONS = "operations";
    public static final String BY_REQUESTER = "requester";
    /** A request abandoned before its backup arrived expires. */
    public static final String BY_PLATFORM = "platform";

    private final UpgradeRequestRepository requests;
    private final Outbox outbox;
    private final ArtifactStore store;
    private final ResumableUploads uploads;

    RequestStops(UpgradeRequestRepository requests, Outbox outbox, ArtifactStore store, ResumableUploads uploads) {
        this.requests = requests;
        this.outbox = outbox;
        this.store = store;
        this.uploads = uploads;
    }

    /**
     * Ends the request as cancelled, unless it has already ended.
     *
     * @param check refuses the stop for the request as it is found, under its lock, by throwing
     */
    public UpgradeRequest stop(UUID id, String by, String reason, java.util.function.Consumer<UpgradeRequest> check) {
        UpgradeRequest request = QuarkusTransaction.requiringNew().call(() -> {
            UpgradeRequest found = requests.findForUpdate(id).orElseThrow(RequestRefusedException::notFound);
            check.accept(found);
            if (found.state.isTerminal()) {
                return found;
            }
            if (found.attempt != null) {
                outbox.append(new RunStopped(id.toString(), found.attempt.toString(), by, reason, Instant.now()));
            }
            found.state = RequestState.CANCELLED;
            found.stage = "cancelled";
            found.stoppedBy = by;
            found.stopReason = reason;
            found.finishedAt = Instant.now();
            LOG.infof("request %s stopped by %s: %s", id, by, reason);
            return found;
        });
        if (request.state == RequestState.CANCELLED && by.equals(request.stoppedBy)) {
            uploads.abandon(id);
            if (request.attempt != null) {
                int deleted = store.deleteAll(ArtifactKeys.of(id.toString()).attempt(request.attempt.toString())
                        .prefix());
                LOG.infof("request %s: %d object(s) of its stopped attempt deleted", id, deleted);
            }
        }
        return request;
    }
}
