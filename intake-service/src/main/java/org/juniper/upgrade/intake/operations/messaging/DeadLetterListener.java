package org.juniper.upgrade.intake.operations.messaging;

import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.juniper.upgrade.bindings.messaging.Redelivery;
import org.juniper.upgrade.bindings.tracing.RequestTracing;
import org.juniper.upgrade.intake.operations.service.DeadLetters;

/**
 * Every event a consumer of the platform gave up on lands on the dead-letter topic; intake keeps each where operations
 * look, with its request, so that nothing is parked where nobody looks.
 */
@ApplicationScoped
public class DeadLetterListener {
    private final DeadLetters deadLetters;
    private final RequestTracing tracing;

    DeadLetterListener(DeadLetters deadLetters, RequestTracing tracing) {
        this.deadLetters = deadLetters;
        this.tracing = tracing;
    }

    @Incoming("dead-letters")
    @Blocking
    public void onDeadLetter(ConsumerRecord<String, String> record) throws Exception {
        tracing.consume(record, () -> Redelivery.untilDone("recording dead letter " + record.partition() + "/"
                + record.offset(), Redelivery.UNTIL_IT_WORKS, () -> deadLetters.record(record)));
    }
}
