package org.juniper.upgrade.bindings.testing;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.juniper.upgrade.events.CloudEvent;
import org.juniper.upgrade.events.CloudEvents;
import org.juniper.upgrade.events.EventData;
import org.juniper.upgrade.events.EventType;

/**
 * Plays the other parts of the platform in a service test: publishes their events and reads what the service under
 * test announced, straight from the broker with plain Kafka clients.
 */
public final class PlatformEvents implements AutoCloseable {
    private final String bootstrapServers;
    private final KafkaProducer<String, String> producer;

    public PlatformEvents(String bootstrapServers) {
        this.bootstrapServers = bootstrapServers;
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        this.producer = new KafkaProducer<>(props);
    }

    /** Publishes {@code data} as another part would; returns the event so that a test can send it twice. */
    public CloudEvent publish(EventData data) {
        CloudEvent event = CloudEvents.create(UUID.randomUUID().toString(), "/juniper/test", data, Instant.now());
        publish(event, EventType.topicOf(data));
        return event;
    }

    /** Publishes the event again, on the topic of its type (the test lane, for requests). */
    public void publish(CloudEvent event) {
        publish(event, EventType.ofType(event.type()).orElseThrow().topic());
    }

    private void publish(CloudEvent event, String topic) {
        ProducerRecord<String, String> record = new ProducerRecord<>(topic, event.subject(), event.data());
        CloudEvents.kafkaHeaders(event).forEach((k, v) -> record.headers().add(k, v.getBytes(StandardCharsets.UTF_8)));
        try {
            producer.send(record).get();
        } catch (Exception e) {
            throw new IllegalStateException("could not publish " + event.type(), e);
        }
    }

    /** A record as it was on the topic, with its headers, for tests that check the wire format. */
    public record Received(String key, Map<String, String> headers, String value) {
        public CloudEvent event() {
            return CloudEvents.fromKafka(headers, value);
        }
    }

    /**
     * Every record of {@code topic} for {@code requestId}, read from the start until {@code done} holds for the list
     * or {@code timeout} passes.
     */
    public List<Received> read(String topic, String requestId, Duration timeout, Predicate<List<Received>> done) {
        return read(topic, requestId::equals, timeout, done);
    }

    /** Every record of {@code topic} whose key {@code requests} accepts: one pass over the topic for many requests. */
    public List<Received> read(String topic, Predicate<String> requests, Duration timeout,
            Predicate<List<Received>> done) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        List<Received> found = new ArrayList<>();
        long deadline = System.nanoTime() + timeout.toNanos();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props)) {
            // assigned, not subscribed: no group to join, so the records show on the first polls, however busy
            // the broker is, and a read that finds none has really read the whole topic
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            if (partitions.isEmpty()) {
                return found;
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            while (System.nanoTime() < deadline && !done.test(found)) {
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(200))) {
                    if (r.key() != null && requests.test(r.key())) {
                        Map<String, String> headers = new HashMap<>();
                        r.headers().forEach(h -> headers.put(h.key(), new String(h.value(), StandardCharsets.UTF_8)));
                        found.add(new Received(r.key(), headers, r.value()));
                    }
                }
            }
        }
        return found;
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(5));
    }
}
