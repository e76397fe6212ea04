package org.juniper.upgrade.report.messaging;

import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.juniper.upgrade.bindings.messaging.KafkaEvents;
import org.juniper.upgrade.bindings.messaging.Redelivery;
import org.juniper.upgrade.events.CloudEvents;
import org.juniper.upgrade.events.DumpUpgraded;
import org.juniper.upgrade.report.service.ReportWriter;

@ApplicationScoped
public class DumpUpgradedListener {
    private static final Duration PATIENCE = Duration.ofMinutes(10);
    private final ReportWriter reports;

    DumpUpgradedListener(ReportWriter reports) {
        this.reports = reports;
    }

    @Incoming("dump-upgraded")
    @Blocking
    public void onDumpUpgraded(ConsumerRecord<String, String> record) throws Exception {
        DumpUpgraded upgraded = CloudEvents.data(KafkaEvents.read(record), DumpUpgraded.class);
        Redelivery.untilDone("report of " + upgraded.requestId(), PATIENCE, () -> reports.handle(upgraded));
    }
}
