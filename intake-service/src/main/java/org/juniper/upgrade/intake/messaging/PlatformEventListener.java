package org.juniper.upgrade.intake.messaging;

import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.juniper.upgrade.bindings.messaging.KafkaEvents;
import org.juniper.upgrade.events.CloudEvent;
import org.juniper.upgrade.bindings.messaging.Redelivery;
import org.juniper.upgrade.intake.service.RequestLifecycle;

/** Intake follows the progress, artifacts, reports and failures the other parts announce. */
@ApplicationScoped
public class PlatformEventListener {
    private static final java.time.Duration PATIENCE = java.time.Duration.ofMinutes(10);
    private final RequestLifecycle lifecycle;

    PlatformEventListener(RequestLifecycle lifecycle) {
        this.lifecycle = lifecycle;
    }

    @Incoming("platform-events")
    @Blocking
    public void onEvent(ConsumerRecord<String, String> record) throws Exception {
        CloudEvent event = KafkaEvents.read(record);
        Redelivery.untilDone("applying event " + event.id(), PATIENCE, () -> lifecycle.apply(event));
    }
}
