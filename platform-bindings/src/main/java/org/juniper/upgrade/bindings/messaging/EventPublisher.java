package org.juniper.upgrade.bindings.messaging;

import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import io.smallrye.reactive.messaging.MutinyEmitter;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.juniper.upgrade.events.CloudEvent;
import org.juniper.upgrade.events.CloudEvents;
import org.juniper.upgrade.events.EventData;
import org.juniper.upgrade.events.EventType;

/**
 * Publishes platform events as CloudEvents in Kafka binary mode, keyed by request id, on the topic of their type.
 * Each call waits for the broker's acknowledgement, so a caller that commits an offset or an outbox row afterwards
 * never loses an event.
 */
@ApplicationScoped
public class EventPublisher {
    private final MutinyEmitter<String> emitter;
    private final String source;

    public EventPublisher(@Channel("events") MutinyEmitter<String> emitter,
            @ConfigProperty(name = "quarkus.application.name") String applicationName) {
        this.emitter = emitter;
        this.source = "/juniper/" + applicationName;
    }

    public CloudEvent publish(EventData data) {
        CloudEvent event = CloudEvents.create(source, data);
        publish(event, EventType.topicOf(data));
        return event;
    }

    /** Publishes an event created earlier (an outbox row) on the topic chosen when it was created. */
    public void publish(CloudEvent event, String topic) {
        RecordHeaders headers = new RecordHeaders();
        CloudEvents.kafkaHeaders(event).forEach((name, value) -> headers.add(name,
                value.getBytes(StandardCharsets.UTF_8)));
        OutgoingKafkaRecordMetadata<String> metadata = OutgoingKafkaRecordMetadata.<String>builder()
                .withKey(event.subject()).withTopic(topic).withHeaders(headers).build();
        emitter.sendMessageAndAwait(Message.of(event.data()).addMetadata(metadata));
    }

    public String source() {
        return source;
    }
}
