package org.juniper.upgrade.neutralizer.messaging;

import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.juniper.upgrade.bindings.messaging.KafkaEvents;
import org.juniper.upgrade.bindings.messaging.Redelivery;
import org.juniper.upgrade.bindings.tracing.RequestTracing;
import org.juniper.upgrade.events.DumpUpgraded;
import org.juniper.upgrade.events.Purpose;
import org.juniper.upgrade.neutralizer.service.Neutralization;

/**
 * Only test copies are neutralized; a production request passes by untouched. Requests are neutralized side by side
 * (the pool's size is {@code smallrye.messaging.worker.neutralizations.max-concurrency}), so that a large copy holds
 * back none of the small ones behind it; the commit strategy commits an offset only once every record before it is
 * done.
 */
@ApplicationScoped
public class DumpUpgradedListener {
    private final Neutralization neutralization;
    private final RequestTracing tracing;

    DumpUpgradedListener(Neutralization neutralization, RequestTracing tracing) {
        this.neutralization = neutralization;
        this.tracing = tracing;
    }

    @Incoming("dump-upgraded")
    @Blocking(value = "neutralizations", ordered = false)
    public void onDumpUpgraded(ConsumerRecord<String, String> record) throws Exception {
        tracing.consume(record, () -> neutralize(record));
    }

    private void neutralize(ConsumerRecord<String, String> record) throws Exception {
        DumpUpgraded upgraded = KafkaEvents.data(record, DumpUpgraded.class);
        if (upgraded.purpose() == Purpose.TEST) {
            Redelivery.untilDone("neutralizing " + upgraded.requestId(),
                    () -> neutralization.handle(upgraded));
        }
    }
}
