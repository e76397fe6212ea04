package org.juniper.upgrade.events;

import java.time.Instant;

/**
 * A CloudEvents 1.0 event of the platform. {@code subject} is the request id, which is also the Kafka key, so all
 * events of one request share a partition and keep their order.
 */
public record CloudEvent(String id, String source, String type, String subject, Instant time, String data) {
    public static final String SPEC_VERSION = "1.0";
    public static final String CONTENT_TYPE = "application/json";
}
