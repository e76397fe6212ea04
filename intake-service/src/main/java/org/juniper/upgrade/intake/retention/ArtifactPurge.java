package org.juniper.upgrade.intake.retention;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jboss.logging.Logger;
import org.juniper.upgrade.bindings.objectstore.ArtifactStore;
import org.juniper.upgrade.events.ArtifactKeys;
import org.juniper.upgrade.intake.config.IntakeConfig;
import org.juniper.upgrade.intake.request.repository.RequestLogRepository;
import org.juniper.upgrade.intake.request.repository.RequestState;
import org.juniper.upgrade.intake.request.repository.UpgradeRequest;
import org.juniper.upgrade.intake.request.repository.UpgradeRequestRepository;

/**
 * Deletes the objects and log of requests finished longer ago than the retention and marks them {@code archived}, one
 * request at a time in a transaction that holds its lock: a failure leaves it finished, to be purged on the next round.
 */
@ApplicationScoped
public class ArtifactPurge {
    private static final Logger LOG = Logger.getLogger(ArtifactPurge.class);
    private static final int BATCH = 100;

    private final UpgradeRequestRepository requests;
    private final ArtifactStore store;
    private final IntakeConfig config;
    private final RequestLogRepository log;

    ArtifactPurge(UpgradeRequestRepository requests, ArtifactStore store, IntakeConfig config,
            RequestLogRepository log) {
        this.log = log;
        this.requests = requests;
        this.store = store;
        this.config = config;
    }

    @Scheduled(every = "${juniper.intake.purge-interval:1h}", delayed = "1m",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void onSchedule() {
        purgeFinishedBefore(Instant.now().minus(config.artifactRetention()));
    }

    /** Purges every request finished before {@code cutoff}; returns how many were archived. */
    public int purgeFinishedBefore(Instant cutoff) {
        int archived = 0;
        int round;
        // a batch short of archivals (a request retried meanwhile) is no sign that nothing is left
        do {
            round = purgeFinishedBefore(cutoff, BATCH);
            archived += round;
        } while (round > 0 && anyFinishedBefore(cutoff));
        return archived;
    }

    /** Purges at most {@code limit} requests finished before {@code cutoff}, the oldest first. */
    public int purgeFinishedBefore(Instant cutoff, int limit) {
        int archived = 0;
        for (UpgradeRequest expired : QuarkusTransaction.requiringNew().call(() -> requests.expired(cutoff, limit))) {
            archived += QuarkusTransaction.requiringNew().call(() -> archive(expired.id, cutoff)) ? 1 : 0;
        }
        return archived;
    }

    /** Whether a request finished before {@code cutoff} is still to be purged. */
    public boolean anyFinishedBefore(Instant cutoff) {
        return !QuarkusTransaction.requiringNew().call(() -> requests.expired(cutoff, 1)).isEmpty();
    }

    /**
     * Deletes the request's objects and log under its lock, after checking it is still finished since before the
     * cutoff: an operator's retry of it waits, then finds it archived, instead of running without its backup.
     */
    private boolean archive(UUID id, Instant cutoff) {
        return requests.findForUpdate(id).filter(r -> r.state.isTerminal() && r.state != RequestState.ARCHIVED
                && r.finishedAt.isBefore(cutoff)).map(r -> {
                    int objects = store.deleteAll(ArtifactKeys.of(id.toString()).prefix());
                    int lines = log.deleteOf(id);
                    r.state = RequestState.ARCHIVED;
                    r.stage = "archived";
                    LOG.infof("request %s archived: %d object(s) and %d log line(s) purged", id, objects, lines);
                    return true;
                }).orElse(false);
    }

    public Duration retention() {
        return config.artifactRetention();
    }
}
