package org.juniper.upgrade.intake.outbox.service;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import org.jboss.logging.Logger;
import org.juniper.upgrade.bindings.messaging.EventPublisher;
import org.juniper.upgrade.intake.config.IntakeConfig;
import org.juniper.upgrade.intake.outbox.repository.OutboxEvent;
import org.juniper.upgrade.intake.outbox.repository.OutboxRepository;

/**
 * Publishes committed outbox events in order and marks them published. An event is marked only after the broker
 * acknowledged it, so a crash in between publishes it again: consumers deduplicate on the event id.
 */
@ApplicationScoped
public class OutboxRelay {
    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);

    private final OutboxRepository repository;
    private final EventPublisher publisher;
    private final IntakeConfig config;

    OutboxRelay(OutboxRepository repository, EventPublisher publisher, IntakeConfig config) {
        this.repository = repository;
        this.publisher = publisher;
        this.config = config;
    }

    @Scheduled(every = "${juniper.intake.outbox.interval:0.5s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    @Transactional
    void relay() {
        List<OutboxEvent> pending = repository.lockPending(config.outbox().batchSize());
        for (OutboxEvent event : pending) {
            publisher.publish(event.toCloudEvent(), event.topic, event.writtenIn());
            event.publishedAt = Instant.now();
        }
        if (!pending.isEmpty()) {
            LOG.debugf("published %d outbox event(s)", pending.size());
        }
    }
}
