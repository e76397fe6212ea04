package org.juniper.upgrade.intake.outbox.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.juniper.upgrade.bindings.messaging.EventPublisher;
import org.juniper.upgrade.bindings.tracing.RequestTracing;
import org.juniper.upgrade.events.CloudEvents;
import org.juniper.upgrade.events.EventData;
import org.juniper.upgrade.events.EventType;
import org.juniper.upgrade.intake.outbox.repository.OutboxEvent;
import org.juniper.upgrade.intake.outbox.repository.OutboxRepository;

/**
 * Queues an event in the caller's transaction: it reaches Kafka if and only if the state change commits, in the trace
 * of the work that changed the state.
 */
@ApplicationScoped
public class Outbox {
    private final OutboxRepository repository;
    private final EventPublisher publisher;
    private final RequestTracing tracing;

    Outbox(OutboxRepository repository, EventPublisher publisher, RequestTracing tracing) {
        this.repository = repository;
        this.publisher = publisher;
        this.tracing = tracing;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void append(EventData data) {
        repository.persist(OutboxEvent.of(CloudEvents.create(publisher.source(), data), EventType.topicOf(data),
                tracing.current()));
    }
}
