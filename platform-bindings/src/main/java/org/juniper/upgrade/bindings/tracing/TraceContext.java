package org.juniper.upgrade.bindings.tracing;

/**
 * A span's W3C trace context ({@code traceparent}, {@code tracestate}), kept beside work that goes on later, in another
 * transaction or thread (an outbox row, a queued run), so that this work continues the same trace. Both are null when
 * no span was recorded (tracing is off).
 */
public record TraceContext(String traceparent, String tracestate) {
    public static final TraceContext NONE = new TraceContext(null, null);
}
