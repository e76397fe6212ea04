package org.juniper.upgrade.intake.service;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.jboss.logging.Logger;
import org.juniper.upgrade.bindings.objectstore.ArtifactStore;
import org.juniper.upgrade.events.ArtifactKeys;
import org.juniper.upgrade.intake.config.IntakeConfig;
import org.juniper.upgrade.intake.domain.RequestState;
import org.juniper.upgrade.intake.domain.UpgradeRequest;
import org.juniper.upgrade.intake.repository.UpgradeRequestRepository;

/**
 * Deletes the objects of requests finished longer ago than the retention and marks them {@code archived}. Objects go
 * first: a crash in between leaves a finished request whose purge simply runs again.
 */
@ApplicationScoped
public class ArtifactPurge {
    private static final Logger LOG = Logger.getLogger(ArtifactPurge.class);
    private static final int BATCH = 100;

    private final UpgradeRequestRepository requests;
    private final ArtifactStore store;
    private final IntakeConfig config;

    ArtifactPurge(UpgradeRequestRepository requests, ArtifactStore store, IntakeConfig config) {
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

    /** Purges requests finished before {@code cutoff}; returns how many were archived. */
    public int purgeFinishedBefore(Instant cutoff) {
        int archived = 0;
        List<UpgradeRequest> batch;
        do {
            batch = QuarkusTransaction.requiringNew().call(() -> requests.expired(cutoff, BATCH));
            for (UpgradeRequest expired : batch) {
                int objects = store.deleteAll(ArtifactKeys.of(expired.id.toString()).prefix());
                QuarkusTransaction.requiringNew().run(() -> requests.findForUpdate(expired.id).ifPresent(r -> {
                    r.state = RequestState.ARCHIVED;
                    r.stage = "archived";
                }));
                LOG.infof("request %s archived: %d object(s) purged", expired.id, objects);
                archived++;
            }
        } while (batch.size() == BATCH);
        return archived;
    }

    public Duration retention() {
        return config.artifactRetention();
    }
}
