package org.juniper.upgrade.worker.messaging;

import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.juniper.upgrade.bindings.messaging.KafkaEvents;
import org.juniper.upgrade.bindings.messaging.Redelivery;
import org.juniper.upgrade.events.UpgradeRequested;
import org.juniper.upgrade.worker.service.UpgradeRun;

/**
 * One run at a time per lane and worker: test requests queue in their lane, production requests in theirs. The
 * offset is committed only after the handler returns, that is after the outcome
 * was published; a worker that dies mid-run leaves the request to be delivered to another one.
 */
@ApplicationScoped
public class UpgradeRequestListener {
    private final UpgradeRun run;

    UpgradeRequestListener(UpgradeRun run) {
        this.run = run;
    }

    @Incoming("upgrade-requests")
    @Blocking
    public void onTestLane(ConsumerRecord<String, String> record) throws Exception {
        run(record);
    }

    @Incoming("priority-requests")
    @Blocking
    public void onProductionLane(ConsumerRecord<String, String> record) throws Exception {
        run(record);
    }

    private void run(ConsumerRecord<String, String> record) throws Exception {
        UpgradeRequested request = KafkaEvents.data(record, UpgradeRequested.class);
        Redelivery.untilDone("upgrade run " + request.requestId(), () -> run.handle(request));
    }
}
