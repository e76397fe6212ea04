package org.juniper.upgrade.notification.messaging;

import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.juniper.upgrade.bindings.messaging.KafkaEvents;
import org.juniper.upgrade.bindings.messaging.Redelivery;
import org.juniper.upgrade.events.CloudEvent;
import org.juniper.upgrade.events.CloudEvents;
import org.juniper.upgrade.events.UpgradeCompleted;
import org.juniper.upgrade.events.UpgradeFailed;
import org.juniper.upgrade.events.UpgradeRequested;
import org.juniper.upgrade.notification.service.RequesterMails;

/**
 * Learns requesters from upgrade.requested, mails them on upgrade.completed and upgrade.failed. Handlers run
 * unordered: the mail client does blocking work on the caller's context, which an ordered handler would hold; the
 * ledger makes the order irrelevant.
 */
@ApplicationScoped
public class OutcomeListener {
    private static final Duration PATIENCE = Duration.ofMinutes(10);
    private final RequesterMails mails;

    OutcomeListener(RequesterMails mails) {
        this.mails = mails;
    }

    @Incoming("requested")
    @Blocking(ordered = false)
    public void onRequested(ConsumerRecord<String, String> record) throws Exception {
        UpgradeRequested requested = CloudEvents.data(KafkaEvents.read(record), UpgradeRequested.class);
        Redelivery.untilDone("recipient of " + requested.requestId(), PATIENCE, () -> mails.requested(requested));
    }

    @Incoming("outcomes")
    @Blocking(ordered = false)
    public void onOutcome(ConsumerRecord<String, String> record) throws Exception {
        CloudEvent event = KafkaEvents.read(record);
        if (event.type().equals(org.juniper.upgrade.events.EventType.COMPLETED.type())) {
            UpgradeCompleted completed = CloudEvents.data(event, UpgradeCompleted.class);
            Redelivery.untilDone("success mail of " + completed.requestId(), PATIENCE,
                    () -> mails.completed(completed));
        } else {
            UpgradeFailed failed = CloudEvents.data(event, UpgradeFailed.class);
            Redelivery.untilDone("failure mail of " + failed.requestId(), PATIENCE, () -> mails.failed(failed));
        }
    }
}
