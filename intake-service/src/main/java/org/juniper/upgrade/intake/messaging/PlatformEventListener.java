package org.juniper.upgrade.intake.messaging;

import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.juniper.upgrade.bindings.messaging.KafkaEvents;
import org.juniper.upgrade.intake.service.RequestLifecycle;

/** Intake follows the progress, artifacts, reports and failures the other parts announce. */
@ApplicationScoped
public class PlatformEventListener {
    private final RequestLifecycle lifecycle;

    PlatformEventListener(RequestLifecycle lifecycle) {
        this.lifecycle = lifecycle;
    }

    @Incoming("platform-events")
    @Blocking
    public void onEvent(ConsumerRecord<String, String> record) {
        lifecycle.apply(KafkaEvents.read(record));
    }
}
