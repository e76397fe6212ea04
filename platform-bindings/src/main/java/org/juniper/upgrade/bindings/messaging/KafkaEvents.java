package org.juniper.upgrade.bindings.messaging;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.juniper.upgrade.events.CloudEvent;
import org.juniper.upgrade.events.CloudEvents;
import org.juniper.upgrade.events.EventData;

/** Reads a platform event from a Kafka record in binary content mode. */
public final class KafkaEvents {
    private KafkaEvents() {
    }

    /** The record's event data bound to {@code type}; refuses a record that is not such an event. */
    public static <T extends EventData> T data(ConsumerRecord<String, String> record, Class<T> type) {
        return CloudEvents.data(read(record), type);
    }

    public static CloudEvent read(ConsumerRecord<String, String> record) {
        Map<String, String> headers = new HashMap<>();
        for (Header header : record.headers()) {
            if (header.value() != null) {
                headers.put(header.key(), new String(header.value(), StandardCharsets.UTF_8));
            }
        }
        return CloudEvents.fromKafka(headers, record.value());
    }
}
