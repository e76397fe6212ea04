package org.juniper.upgrade.worker.messaging;

import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;
import org.juniper.upgrade.bindings.messaging.KafkaEvents;
import org.juniper.upgrade.bindings.messaging.Redelivery;
import org.juniper.upgrade.bindings.tracing.RequestTracing;
import org.juniper.upgrade.events.MalformedEventException;
import org.juniper.upgrade.events.RunStopped;
import org.juniper.upgrade.worker.service.RunSlots;

/**
 * Stops of attempts, read by one worker of the group: it marks the job in the shared queue, and the worker that runs
 * it ends the run at its next heartbeat (at once, when that is this one).
 */
@ApplicationScoped
public class RunStopListener {
    private static final Logger LOG = Logger.getLogger(RunStopListener.class);

    private final RunSlots slots;
    private final RequestTracing tracing;

    RunStopListener(RunSlots slots, RequestTracing tracing) {
        this.slots = slots;
        this.tracing = tracing;
    }

    @Incoming("run-stops")
    @Blocking
    public void onStop(ConsumerRecord<String, String> record) throws Exception {
        tracing.consume(record, () -> stop(record));
    }

    private void stop(ConsumerRecord<String, String> record) throws Exception {
        RunStopped stop;
        try {
            stop = KafkaEvents.data(record, RunStopped.class);
        } catch (MalformedEventException e) {
            LOG.errorf("a record on %s at offset %d is no stop and is skipped: %s", record.topic(), record.offset(),
                    e.getMessage());
            return;
        }
        Redelivery.untilDone("stopping attempt " + stop.attempt(),
                () -> slots.stop(stop.attempt(), stop.requestId(), stop.by()));
    }
}
