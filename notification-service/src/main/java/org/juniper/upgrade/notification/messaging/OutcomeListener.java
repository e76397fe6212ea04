package org.juniper.upgrade.notification.messaging;

import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.juniper.upgrade.bindings.messaging.KafkaEvents;
import org.juniper.upgrade.bindings.messaging.Redelivery;
import org.juniper.upgrade.bindings.tracing.RequestTracing;
import org.juniper.upgrade.events.CloudEvent;
import org.juniper.upgrade.events.CloudEvents;
import org.juniper.upgrade.events.EventType;
import org.juniper.upgrade.events.RequestFailed;
import org.juniper.upgrade.events.UpgradeCompleted;
import org.juniper.upgrade.events.UpgradeRequested;
import org.juniper.upgrade.notification.service.RequesterMails;

/**
 * Learns requesters from upgrade.requested and queues their mail on upgrade.completed and upgrade.failed. The queue
 * keeps one outcome mail per request whatever the order, so handlers run unordered: an outcome waiting for its
 * recipient holds up no other.
 */
@ApplicationScoped
public class OutcomeListener {
    private final RequesterMails mails;
    private final RequestTracing tracing;

    OutcomeListener(RequesterMails mails, RequestTracing tracing) {
        this.mails = mails;
        this.tracing = tracing;
    }

    @Incoming("requested")
    @Blocking(ordered = false)
    public void onRequested(ConsumerRecord<String, String> record) throws Exception {
        tracing.consume(record, () -> requested(record));
    }

    private void requested(ConsumerRecord<String, String> record) throws Exception {
        CloudEvent event = KafkaEvents.read(record);
        UpgradeRequested requested = CloudEvents.data(event, UpgradeRequested.class);
        Redelivery.untilDone("recipient of " + requested.requestId(), () -> mails.requested(requested));
    }

    @Incoming("outcomes")
    @Blocking(ordered = false)
    public void onOutcome(ConsumerRecord<String, String> record) throws Exception {
        tracing.consume(record, () -> outcome(record));
    }

    private void outcome(ConsumerRecord<String, String> record) throws Exception {
        CloudEvent event = KafkaEvents.read(record);
        if (event.type().equals(EventType.COMPLETED.type())) {
            UpgradeCompleted completed = CloudEvents.data(event, UpgradeCompleted.class);
            Redelivery.untilDone("queuing the success mail of " + completed.requestId(),
                    () -> mails.completed(completed));
        } else {
            RequestFailed failed = CloudEvents.data(event, RequestFailed.class);
            Redelivery.untilDone("queuing the failure mail of " + failed.requestId(),
                    () -> mails.failed(failed));
        }
    }
}
