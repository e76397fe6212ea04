package org.juniper.upgrade.bindings.tracing;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.opentelemetry.context.propagation.TextMapGetter;
import io.opentelemetry.context.propagation.TextMapPropagator;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.jboss.logging.MDC;

/**
 * Where the work of one request starts (a consumed event, a queued run, an API call), it runs in a span of its own,
 * continuing the trace it came with, and every log line it writes carries the request id and the trace and span ids
 * ({@code requestId}, {@code traceId}, {@code spanId} in the MDC). With tracing off the spans cost nothing and the
 * log lines still carry the request id.
 */
@ApplicationScoped
public class RequestTracing {
    /** The W3C header names, as OpenTelemetry's Kafka instrumentation reads and writes them on every record. */
    public static final String TRACEPARENT = "traceparent";
    public static final String TRACESTATE = "tracestate";
    /** The span attribute that finds every span of one request. */
    public static final AttributeKey<String> REQUEST_ID = AttributeKey.stringKey("juniper.request.id");
    public static final String MDC_REQUEST_ID = "requestId";
    static final String MDC_TRACE_ID = "traceId";
    static final String MDC_SPAN_ID = "spanId";

    private static final TextMapGetter<Map<String, String>> MAP_GETTER = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(Map<String, String> carrier) {
            return carrier.keySet();
        }

        @Override
        public String get(Map<String, String> carrier, String key) {
            return carrier == null ? null : carrier.get(key);
        }
    };

    private final Tracer tracer;
    private final TextMapPropagator propagator;

    RequestTracing(Instance<OpenTelemetry> openTelemetry) {
        OpenTelemetry telemetry = openTelemetry.isResolvable() ? openTelemetry.get() : OpenTelemetry.noop();
        this.tracer = telemetry.getTracer("org.juniper.upgrade");
        this.propagator = telemetry.getPropagators().getTextMapPropagator();
    }

    /** The work of a request, run inside its span. */
    @FunctionalInterface
    public interface Work<E extends Exception> {
        void run() throws E;
    }

    /** The current span's context, for work that continues it later. */
    public TraceContext current() {
        Map<String, String> carrier = new HashMap<>();
        propagator.inject(Context.current(), carrier, Map::put);
        return new TraceContext(carrier.get(TRACEPARENT), carrier.get(TRACESTATE));
    }

    /** The context a stored trace continues; the current one when nothing was stored. */
    public Context contextOf(TraceContext trace) {
        if (trace == null || trace.traceparent() == null) {
            return Context.current();
        }
        Map<String, String> carrier = new HashMap<>();
        carrier.put(TRACEPARENT, trace.traceparent());
        if (trace.tracestate() != null) {
            carrier.put(TRACESTATE, trace.tracestate());
        }
        return propagator.extract(Context.root(), carrier, MAP_GETTER);
    }

    /** Handles a consumed event of the request its key names, continuing the trace of the record's headers. */
    public <E extends Exception> void consume(ConsumerRecord<String, ?> record, Work<E> work) throws E {
        Map<String, String> headers = new HashMap<>();
        for (Header header : record.headers()) {
            if (header.value() != null) {
                headers.put(header.key(), new String(header.value(), StandardCharsets.UTF_8));
            }
        }
        Context parent = propagator.extract(Context.root(), headers, MAP_GETTER);
        inRequest(record.topic() + " process", SpanKind.CONSUMER, record.key(), parent, work);
    }

    /** Runs a request's work in a span of its own, child of {@code parent}. */
    public <E extends Exception> void inRequest(String name, SpanKind kind, String requestId, Context parent,
            Work<E> work) throws E {
        Span span = tracer.spanBuilder(name).setParent(parent).setSpanKind(kind).startSpan();
        if (requestId != null) {
            span.setAttribute(REQUEST_ID, requestId);
        }
        try (Scope scope = span.makeCurrent(); LogFields fields = LogFields.of(requestId, span.getSpanContext())) {
            work.run();
        } catch (Throwable e) {
            span.setStatus(StatusCode.ERROR, e.toString());
            throw e;
        } finally {
            span.end();
        }
    }

    /** Names the request in the current span and in the log lines that follow, until the returned fields close. */
    public LogFields tagRequest(String requestId) {
        Span.current().setAttribute(REQUEST_ID, requestId);
        return LogFields.of(requestId, Span.current().getSpanContext());
    }

    /** The request's fields of the log lines, put back as they were when closed (the work may run inside another's). */
    public static final class LogFields implements AutoCloseable {
        private final Map<String, Object> before = new HashMap<>();

        private LogFields() {
        }

        static LogFields of(String requestId, SpanContext span) {
            LogFields fields = new LogFields();
            fields.put(MDC_REQUEST_ID, requestId);
            if (span.isValid()) {
                fields.put(MDC_TRACE_ID, span.getTraceId());
                fields.put(MDC_SPAN_ID, span.getSpanId());
            }
            return fields;
        }

        private void put(String key, String value) {
            before.put(key, MDC.get(key));
            if (value == null) {
                MDC.remove(key);
            } else {
                MDC.put(key, value);
            }
        }

        @Override
        public void close() {
            before.forEach((key, value) -> {
                if (value == null) {
                    MDC.remove(key);
                } else {
                    MDC.put(key, value);
                }
            });
        }
    }
}
