package org.juniper.upgrade.intake.request.messaging;

import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.juniper.upgrade.bindings.messaging.KafkaEvents;
import org.juniper.upgrade.bindings.messaging.Redelivery;
import org.juniper.upgrade.bindings.tracing.RequestTracing;
import org.juniper.upgrade.events.CloudEvent;
import org.juniper.upgrade.events.MalformedEventException;
import org.juniper.upgrade.intake.request.service.RequestLifecycle;

/**
 * Intake follows the progress, artifacts, reports and failures the other parts announce. An event that cannot be
 * applied because intake's own database is away waits for it, however long: nothing is lost. An event that breaks the
 * contract goes to the dead-letter topic, and the request it names fails with that reason instead of waiting for ever.
 */
@ApplicationScoped
public class PlatformEventListener {
    private final RequestLifecycle lifecycle;
    private final RequestTracing tracing;

    PlatformEventListener(RequestLifecycle lifecycle, RequestTracing tracing) {
        this.lifecycle = lifecycle;
        this.tracing = tracing;
    }

    @Incoming("platform-events")
    @Blocking
    public void onEvent(ConsumerRecord<String, String> record) throws Exception {
        tracing.consume(record, () -> apply(record));
    }

    private void apply(ConsumerRecord<String, String> record) throws Exception {
        try {
            CloudEvent event = KafkaEvents.read(record);
            Redelivery.untilDone("applying event " + event.id(), Redelivery.UNTIL_IT_WORKS, () -> lifecycle.apply(event));
        } catch (MalformedEventException e) {
            lifecycle.failOnMalformedEvent(record.key(), record.topic(), e.getMessage());
            throw e;
        }
    }
}
