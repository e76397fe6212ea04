package org.juniper.upgrade.intake.outbox.repository;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.juniper.upgrade.bindings.tracing.TraceContext;
import org.juniper.upgrade.events.CloudEvent;

/** An event committed with the state it announces, waiting for the relay to put it on Kafka. */
@Entity
@Table(name = "outbox_event")
public class OutboxEvent {
    @Id
    public UUID id;
    @Column(name = "request_id")
    public UUID requestId;
    public String type;
    /** Chosen when the event was written: requests go to the lane of their purpose. */
    public String topic;
    public String source;
    public String data;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "published_at")
    public Instant publishedAt;
    /** The trace of the transaction that wrote the event, continued where it is published. */
    public String traceparent;
    public String tracestate;

    public static OutboxEvent of(CloudEvent event, String topic, TraceContext writtenIn) {
        OutboxEvent row = new OutboxEvent();
        row.topic = topic;
        row.traceparent = writtenIn.traceparent();
        row.tracestate = writtenIn.tracestate();
        row.id = UUID.fromString(event.id());
        row.requestId = UUID.fromString(event.subject());
        row.type = event.type();
        row.source = event.source();
        row.data = event.data();
        row.createdAt = event.time();
        return row;
    }

    public CloudEvent toCloudEvent() {
        return new CloudEvent(id.toString(), source, type, requestId.toString(), createdAt, data);
    }

    public TraceContext writtenIn() {
        return new TraceContext(traceparent, tracestate);
    }
}
