package org.juniper.upgrade.neutralizer.messaging;

import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.juniper.upgrade.bindings.messaging.KafkaEvents;
import org.juniper.upgrade.bindings.messaging.Redelivery;
import org.juniper.upgrade.events.DumpUpgraded;
import org.juniper.upgrade.events.Purpose;
import org.juniper.upgrade.neutralizer.service.Neutralization;

/** Only test copies are neutralized; a production request passes by untouched. */
@ApplicationScoped
public class DumpUpgradedListener {
    private final Neutralization neutralization;

    DumpUpgradedListener(Neutralization neutralization) {
        this.neutralization = neutralization;
    }

    @Incoming("dump-upgraded")
    @Blocking
    public void onDumpUpgraded(ConsumerRecord<String, String> record) throws Exception {
        DumpUpgraded upgraded = KafkaEvents.data(record, DumpUpgraded.class);
        if (upgraded.purpose() == Purpose.TEST) {
            Redelivery.untilDone("neutralizing " + upgraded.requestId(),
                    () -> neutralization.handle(upgraded));
        }
    }
}
