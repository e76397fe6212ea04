package org.juniper.upgrade.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Writes and reads platform events in the CloudEvents Kafka protocol binding, binary content mode: attributes in
 * {@code ce_*} headers, the data as the JSON record value. Any CloudEvents-aware consumer reads them without this
 * class.
 */
public final class CloudEvents {
    public static final String HEADER_PREFIX = "ce_";
    public static final String CONTENT_TYPE_HEADER = "content-type";

    private static final ObjectMapper JSON = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            // newer producers may add fields; old consumers must keep working
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private CloudEvents() {
    }

    /** A new event with a fresh id, announcing {@code data} on behalf of {@code source} (a URI reference). */
    public static CloudEvent create(String source, EventData data) {
        return create(UUID.randomUUID().toString(), source, data, Instant.now());
    }

    public static CloudEvent create(String id, String source, EventData data, Instant time) {
        return new CloudEvent(id, source, EventType.of(data).type(), data.requestId(), time, toJson(data));
    }

    public static String toJson(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write " + value.getClass().getSimpleName() + " as JSON", e);
        }
    }

    public static ObjectMapper json() {
        return JSON;
    }

    /** Kafka headers of the binary content mode, in a stable order. */
    public static Map<String, String> kafkaHeaders(CloudEvent event) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("ce_specversion", CloudEvent.SPEC_VERSION);
        headers.put("ce_id", event.id());
        headers.put("ce_source", event.source());
        headers.put("ce_type", event.type());
        headers.put("ce_subject", event.subject());
        headers.put("ce_time", event.time().toString());
        headers.put(CONTENT_TYPE_HEADER, CloudEvent.CONTENT_TYPE);
        return headers;
    }

    /** Reads an event from Kafka headers and value; refuses anything that is not a platform event. */
    public static CloudEvent fromKafka(Map<String, String> headers, String value) {
        String specVersion = required(headers, "ce_specversion");
        if (!CloudEvent.SPEC_VERSION.equals(specVersion)) {
            throw new MalformedEventException("unsupported CloudEvents specversion '" + specVersion + "', expected 1.0");
        }
        String type = required(headers, "ce_type");
        if (EventType.ofType(type).isEmpty()) {
            throw new MalformedEventException("unknown event type '" + type + "'");
        }
        Instant time;
        try {
            time = Instant.parse(required(headers, "ce_time"));
        } catch (DateTimeParseException e) {
            throw new MalformedEventException("ce_time is not an RFC 3339 timestamp: " + headers.get("ce_time"), e);
        }
        if (value == null || value.isBlank()) {
            throw new MalformedEventException("event " + headers.get("ce_id") + " has no data");
        }
        return new CloudEvent(required(headers, "ce_id"), required(headers, "ce_source"), type,
                headers.get("ce_subject"), time, value);
    }

    /** The event's data bound to its record; the subject must name the same request as the data. */
    public static <T extends EventData> T data(CloudEvent event, Class<T> type) {
        EventType expected = EventType.ofType(event.type())
                .orElseThrow(() -> new MalformedEventException("unknown event type '" + event.type() + "'"));
        if (!type.isAssignableFrom(expected.dataClass())) {
            throw new MalformedEventException("event " + event.id() + " is " + event.type() + ", not "
                    + type.getSimpleName());
        }
        T data;
        try {
            data = JSON.readValue(event.data(), type);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new MalformedEventException("event " + event.id() + " has data that is not a valid "
                    + event.type() + ": " + e.getMessage(), e);
        }
        if (data.requestId() == null || data.requestId().isBlank()) {
            throw new MalformedEventException("event " + event.id() + " names no request id");
        }
        if (event.subject() != null && !event.subject().equals(data.requestId())) {
            throw new MalformedEventException("event " + event.id() + " has subject " + event.subject()
                    + " but data for request " + data.requestId());
        }
        return data;
    }

    private static String required(Map<String, String> headers, String name) {
        String value = headers.get(name);
        if (value == null || value.isBlank()) {
            throw new MalformedEventException("missing CloudEvents header " + name);
        }
        return value;
    }
}
