package org.juniper.upgrade.report.messaging;

import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.juniper.upgrade.bindings.messaging.KafkaEvents;
import org.juniper.upgrade.bindings.messaging.Redelivery;
import org.juniper.upgrade.bindings.tracing.RequestTracing;
import org.juniper.upgrade.events.DumpUpgraded;
import org.juniper.upgrade.events.Neutralized;
import org.juniper.upgrade.events.UpgradeFailed;
import org.juniper.upgrade.report.service.ReportWriter;

/**
 * A run ends in an upgraded database (a neutralized one for a test) or in a failure; either way the request gets
 * its report. Reports of different requests are written side by side (the pool's size is
 * {@code smallrye.messaging.worker.reports.max-concurrency}): a large database's report holds back none behind it.
 */
@ApplicationScoped
public class RunOutcomeListener {
    private final ReportWriter reports;
    private final RequestTracing tracing;

    RunOutcomeListener(ReportWriter reports, RequestTracing tracing) {
        this.reports = reports;
        this.tracing = tracing;
    }

    @Incoming("dump-upgraded")
    @Blocking(value = "reports", ordered = false)
    public void onDumpUpgraded(ConsumerRecord<String, String> record) throws Exception {
        tracing.consume(record, () -> {
            DumpUpgraded upgraded = KafkaEvents.data(record, DumpUpgraded.class);
            Redelivery.untilDone("report of " + upgraded.requestId(), () -> reports.upgraded(upgraded));
        });
    }

    @Incoming("neutralized")
    @Blocking(value = "reports", ordered = false)
    public void onNeutralized(ConsumerRecord<String, String> record) throws Exception {
        tracing.consume(record, () -> {
            Neutralized neutralized = KafkaEvents.data(record, Neutralized.class);
            Redelivery.untilDone("report of " + neutralized.requestId(), () -> reports.neutralized(neutralized));
        });
    }

    @Incoming("failed")
    @Blocking(value = "reports", ordered = false)
    public void onFailed(ConsumerRecord<String, String> record) throws Exception {
        tracing.consume(record, () -> {
            UpgradeFailed failed = KafkaEvents.data(record, UpgradeFailed.class);
            Redelivery.untilDone("failure report of " + failed.requestId(), () -> reports.failed(failed));
        });
    }
}
