package org.juniper.upgrade.intake.operations.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.jboss.logging.Logger;
import org.juniper.upgrade.bindings.messaging.EventPublisher;
import org.juniper.upgrade.events.CloudEvent;
import org.juniper.upgrade.events.CloudEvents;
import org.juniper.upgrade.events.MalformedEventException;
import org.juniper.upgrade.intake.operations.repository.DeadLetter;
import org.juniper.upgrade.intake.operations.repository.DeadLetterRepository;
import org.juniper.upgrade.intake.refusal.Failure;
import org.juniper.upgrade.intake.refusal.RequestRefusedException;

/** The events consumers gave up on: recorded with their request, listed for operations, replayed on demand. */
@ApplicationScoped
public class DeadLetters {
    private static final Logger LOG = Logger.getLogger(DeadLetters.class);
    /** Set by the messaging connector on every record it sends to the dead-letter topic. */
    private static final String ORIGINAL_TOPIC = "dead-letter-topic";
    private static final String REASON = "dead-letter-reason";

    private final DeadLetterRepository letters;
    private final EventPublisher publisher;

    DeadLetters(DeadLetterRepository letters, EventPublisher publisher) {
        this.letters = letters;
        this.publisher = publisher;
    }

    @Transactional
    public void record(ConsumerRecord<String, String> record) {
        Map<String, String> headers = new LinkedHashMap<>();
        for (Header header : record.headers()) {
            headers.put(header.key(), header.value() == null ? null
                    : new String(header.value(), StandardCharsets.UTF_8));
        }
        DeadLetter letter = new DeadLetter();
        letter.topic = headers.getOrDefault(ORIGINAL_TOPIC, "unknown");
        letter.part = record.partition();
        letter.record = record.offset();
        letter.requestId = uuidOrNull(record.key());
        letter.eventId = headers.get("ce_id");
        letter.eventType = headers.get("ce_type");
        letter.reason = headers.get(REASON);
        letter.headers = CloudEvents.toJson(headers);
        letter.payload = record.value();
        letter.receivedAt = Instant.now();
        if (letters.record(letter)) {
            LOG.warnf("dead letter %d: %s of request %s on %s: %s", letter.id, letter.eventType, letter.requestId,
                    letter.topic, letter.reason);
        }
    }

    @Transactional
    public List<DeadLetter> latest(boolean withReplayed, int limit) {
        return letters.latest(withReplayed, limit);
    }

    /**
     * Puts the event back on the topic it came from, with its own id: consumers that had applied it skip it, the one
     * that gave up applies it now.
     */
    @Transactional
    public DeadLetter replay(long id) {
        DeadLetter letter = letters.findByIdOptional(id).orElseThrow(() -> new RequestRefusedException(404,
                new Failure("DEAD_LETTER:NOT_FOUND", "there is no dead letter " + id, "an id from GET /ops/v1/dead-letters")));
        CloudEvent event;
        try {
            Map<String, String> headers = CloudEvents.json().readValue(letter.headers,
                    CloudEvents.json().getTypeFactory().constructMapType(Map.class, String.class, String.class));
            event = CloudEvents.fromKafka(headers, letter.payload);
        } catch (MalformedEventException | com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new RequestRefusedException(409, new Failure("DEAD_LETTER:UNREADABLE", "dead letter " + id
                    + " is not a platform event and cannot be replayed: " + e.getMessage(),
                    "fix the part that wrote it; retry its request instead"));
        }
        publisher.publish(event, letter.topic);
        letter.replayedAt = Instant.now();
        LOG.infof("dead letter %d replayed on %s", id, letter.topic);
        return letter;
    }

    private static UUID uuidOrNull(String key) {
        try {
            return key == null ? null : UUID.fromString(key);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
