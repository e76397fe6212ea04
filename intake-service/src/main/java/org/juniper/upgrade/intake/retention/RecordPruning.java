package org.juniper.upgrade.intake.retention;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.UUID;
import org.jboss.logging.Logger;
import org.juniper.upgrade.intake.config.IntakeConfig;
import org.juniper.upgrade.intake.request.repository.UpgradeRequestRepository;
import org.juniper.upgrade.intake.request.service.RequestStops;

/**
 * Keeps intake's tables the size of what is still useful: ids of applied events once no redelivery can bring them
 * again, outbox events long published, and requests abandoned before their backup arrived (cancelled, their upload
 * aborted). Log lines go with their request's artifacts, when it is archived.
 */
@ApplicationScoped
public class RecordPruning {
    private static final Logger LOG = Logger.getLogger(RecordPruning.class);
    private static final int BATCH = 100;

    private final EntityManager entityManager;
    private final UpgradeRequestRepository requests;
    private final RequestStops stops;
    private final IntakeConfig config;

    RecordPruning(EntityManager entityManager, UpgradeRequestRepository requests, RequestStops stops,
            IntakeConfig config) {
        this.entityManager = entityManager;
        this.requests = requests;
        this.stops = stops;
        this.config = config;
    }

    @Scheduled(every = "${juniper.intake.purge-interval:1h}", delayed = "2m",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void onSchedule() {
        prune(Instant.now());
    }

    /** Prunes as of {@code now}; returns the rows and requests it removed or expired. */
    public int prune(Instant now) {
        IntakeConfig.Retention retention = config.retention();
        int removed = QuarkusTransaction.requiringNew().call(() -> entityManager.createNativeQuery(
                "delete from processed_event where processed_at < :before")
                .setParameter("before", now.minus(retention.processedEvents())).executeUpdate());
        removed += QuarkusTransaction.requiringNew().call(() -> entityManager.createNativeQuery(
                "delete from outbox_event where published_at < :before")
                .setParameter("before", now.minus(retention.publishedEvents())).executeUpdate());
        for (UUID id : QuarkusTransaction.requiringNew().call(() -> requests.abandoned(
                now.minus(retention.abandonedRequests()), BATCH))) {
            stops.stop(id, RequestStops.BY_PLATFORM, "no backup arrived within "
                    + retention.abandonedRequests().toDays() + " days", request -> {
                    });
            removed++;
        }
        if (removed > 0) {
            LOG.infof("pruned %d record(s) and expired requests", removed);
        }
        return removed;
    }
}
