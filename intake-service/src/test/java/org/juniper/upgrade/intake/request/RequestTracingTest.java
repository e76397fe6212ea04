package org.juniper.upgrade.intake.request;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.context.Context;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logmanager.formatters.PatternFormatter;
import org.juniper.upgrade.bindings.testing.PlatformEvents;
import org.juniper.upgrade.bindings.tracing.RequestTracing;
import org.juniper.upgrade.bindings.tracing.TraceContext;
import org.juniper.upgrade.events.RunStopped;
import org.juniper.upgrade.events.Topics;
import org.juniper.upgrade.intake.outbox.repository.OutboxEvent;
import org.juniper.upgrade.intake.outbox.repository.OutboxRepository;
import org.juniper.upgrade.intake.outbox.service.Outbox;
import org.junit.jupiter.api.Test;

/** Following one request: the trace context its work leaves behind, and the log lines it writes. */
@QuarkusTest
class RequestTracingTest {
    @Inject
    Outbox outbox;
    @Inject
    OutboxRepository rows;
    @Inject
    RequestTracing tracing;
    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;
    @ConfigProperty(name = "quarkus.log.console.format")
    String logFormat;

    @Test
    void anOutboxRowCarriesTheTraceparentOfTheTransactionThatWroteItAndItsRecordContinuesThatTrace() {
        String requestId = UUID.randomUUID().toString();
        List<TraceContext> writtenIn = new ArrayList<>();
        tracing.inRequest("stop", SpanKind.SERVER, requestId, Context.root(), () -> QuarkusTransaction.requiringNew()
                .run(() -> {
                    writtenIn.add(tracing.current());
                    outbox.append(new RunStopped(requestId, UUID.randomUUID().toString(), "operations", "a test",
                            Instant.now()));
                }));
        String traceparent = writtenIn.get(0).traceparent();
        assertTrue(traceparent != null && traceparent.matches("00-[0-9a-f]{32}-[0-9a-f]{16}-01"), traceparent);

        OutboxEvent row = QuarkusTransaction.requiringNew().call(() -> rows.find("requestId",
                UUID.fromString(requestId)).firstResult());
        assertEquals(traceparent, row.traceparent, "the row keeps the trace of the transaction that wrote it");

        try (PlatformEvents platform = new PlatformEvents(bootstrapServers)) {
            List<PlatformEvents.Received> records = platform.read(Topics.STOPPED, requestId, Duration.ofSeconds(30),
                    received -> !received.isEmpty());
            assertEquals(1, records.size());
            String published = records.get(0).headers().get(RequestTracing.TRACEPARENT);
            assertTrue(published != null && published.startsWith(traceparent.substring(0, 36)),
                    "the record continues the trace the row was written in: " + published + " after " + traceparent);
        }
    }

    @Test
    void aLogLineWrittenForARequestCarriesItsIdAndItsTrace() {
        String requestId = UUID.randomUUID().toString();
        List<String> lines = new ArrayList<>();
        PatternFormatter console = new PatternFormatter(logFormat);
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                if (record.getLoggerName().equals(RequestTracingTest.class.getName())) {
                    lines.add(console.format(record));
                }
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger root = Logger.getLogger("");
        root.addHandler(capture);
        List<String> traceIds = new ArrayList<>();
        try {
            tracing.inRequest("event", SpanKind.CONSUMER, requestId, Context.root(), () -> {
                traceIds.add(Span.current().getSpanContext().getTraceId());
                Logger.getLogger(RequestTracingTest.class.getName()).info("applying an event");
            });
            Logger.getLogger(RequestTracingTest.class.getName()).info("after the event");
        } finally {
            root.removeHandler(capture);
        }
        assertEquals(2, lines.size(), lines.toString());
        assertTrue(lines.get(0).contains("request=" + requestId + " trace=" + traceIds.get(0)), lines.get(0));
        assertTrue(lines.get(1).contains("request= trace= span="), "a line after the request's work names none: "
                + lines.get(1));
    }
}
