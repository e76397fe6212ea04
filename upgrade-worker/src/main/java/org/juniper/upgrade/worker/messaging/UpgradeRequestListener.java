package org.juniper.upgrade.worker.messaging;

import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;
import org.juniper.upgrade.bindings.messaging.KafkaEvents;
import org.juniper.upgrade.bindings.messaging.Redelivery;
import org.juniper.upgrade.bindings.tracing.RequestTracing;
import org.juniper.upgrade.bindings.tracing.TraceContext;
import org.juniper.upgrade.events.CloudEvents;
import org.juniper.upgrade.events.MalformedEventException;
import org.juniper.upgrade.events.UpgradeRequested;
import org.juniper.upgrade.worker.repository.RunQueue;
import org.juniper.upgrade.worker.service.RunSlots;

/**
 * Queues each request in the worker's run queue and returns: the offset is committed within milliseconds, so a
 * rebalance never interrupts a run. The lane is the topic's; run slots claim from the queue.
 */
@ApplicationScoped
public class UpgradeRequestListener {
    private static final Logger LOG = Logger.getLogger(UpgradeRequestListener.class);

    private final RunQueue queue;
    private final RunSlots slots;
    private final RequestTracing tracing;

    UpgradeRequestListener(RunQueue queue, RunSlots slots, RequestTracing tracing) {
        this.queue = queue;
        this.slots = slots;
        this.tracing = tracing;
    }

    @Incoming("upgrade-requests")
    @Blocking
    public void onTestLane(ConsumerRecord<String, String> record) throws Exception {
        tracing.consume(record, () -> enqueue(record, "test"));
    }

    @Incoming("priority-requests")
    @Blocking
    public void onProductionLane(ConsumerRecord<String, String> record) throws Exception {
        tracing.consume(record, () -> enqueue(record, "production"));
    }

    private void enqueue(ConsumerRecord<String, String> record, String lane) throws Exception {
        UpgradeRequested request;
        try {
            request = KafkaEvents.data(record, UpgradeRequested.class);
        } catch (MalformedEventException e) {
            LOG.errorf("a record on %s at offset %d is no request and is skipped: %s", record.topic(),
                    record.offset(), e.getMessage());
            return;
        }
        if (request.attempt() == null) {
            LOG.errorf("request %s on %s at offset %d names no attempt and is skipped", request.requestId(),
                    record.topic(), record.offset());
            return;
        }
        String payload = CloudEvents.toJson(request);
        // the run goes on later on a slot's thread: it continues the trace of this delivery
        TraceContext trace = tracing.current();
        Redelivery.untilDone("queueing attempt " + request.attempt(), () -> {
            if (queue.enqueue(request.attempt(), request.requestId(), payload, lane, request.priority(), trace)) {
                slots.wake();
            }
        });
    }
}
