package org.juniper.upgrade.bindings.messaging;

import io.opentelemetry.context.Context;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.TracingMetadata;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.juniper.upgrade.bindings.tracing.RequestTracing;
import org.juniper.upgrade.bindings.tracing.TraceContext;
import org.juniper.upgrade.events.CloudEvent;
import org.juniper.upgrade.events.CloudEvents;
import org.juniper.upgrade.events.EventData;
import org.juniper.upgrade.events.EventType;

/**
 * Publishes platform events as CloudEvents in Kafka binary mode, keyed by request id, on the topic of their type.
 * Each call waits for the broker's acknowledgement, so a caller that commits an offset or an outbox row afterwards
 * never loses an event. The record's {@code traceparent} (and {@code tracestate}) header, written by the Kafka
 * connector's tracing from its publish span, continues the trace of the work that created the event, so the
 * consumer's span is its descendant.
 */
@ApplicationScoped
public class EventPublisher {
    private final MutinyEmitter<String> emitter;
    private final RequestTracing tracing;
    private final String source;

    public EventPublisher(@Channel("events") MutinyEmitter<String> emitter, RequestTracing tracing,
            @ConfigProperty(name = "quarkus.application.name") String applicationName) {
        this.emitter = emitter;
        this.tracing = tracing;
        this.source = "/juniper/" + applicationName;
    }

    public CloudEvent publish(EventData data) {
        CloudEvent event = CloudEvents.create(source, data);
        send(event, EventType.topicOf(data), Context.current());
        return event;
    }

    /** Publishes an event created earlier (a dead letter replayed) on the topic it was meant for, in the current trace. */
    public void publish(CloudEvent event, String topic) {
        send(event, topic, Context.current());
    }

    /**
     * Publishes an event created earlier (an outbox row) on the topic chosen when it was created, in the trace of the
     * work that created it.
     */
    public void publish(CloudEvent event, String topic, TraceContext createdIn) {
        send(event, topic, tracing.contextOf(createdIn));
    }

    // the parent is named on the message: the connector may trace it on another thread than the caller's
    private void send(CloudEvent event, String topic, Context parent) {
        RecordHeaders headers = new RecordHeaders();
        CloudEvents.kafkaHeaders(event).forEach((name, value) -> headers.add(name,
                value.getBytes(StandardCharsets.UTF_8)));
        OutgoingKafkaRecordMetadata<String> metadata = OutgoingKafkaRecordMetadata.<String>builder()
                .withKey(event.subject()).withTopic(topic).withHeaders(headers).build();
        emitter.sendMessageAndAwait(Message.of(event.data()).addMetadata(metadata)
                .addMetadata(TracingMetadata.withCurrent(parent)));
    }

    public String source() {
        return source;
    }
}
