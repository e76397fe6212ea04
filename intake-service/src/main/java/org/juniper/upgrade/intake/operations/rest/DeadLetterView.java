package org.juniper.upgrade.intake.operations.rest;

import java.time.Instant;
import java.util.UUID;
import org.juniper.upgrade.intake.operations.repository.DeadLetter;

/** A dead letter as operations see it; the payload is the event's data, which carries no secret. */
public record DeadLetterView(long id, String topic, UUID requestId, String eventId, String eventType, String reason,
        Instant receivedAt, Instant replayedAt, String payload) {

    static DeadLetterView of(DeadLetter letter) {
        return new DeadLetterView(letter.id, letter.topic, letter.requestId, letter.eventId, letter.eventType,
                letter.reason, letter.receivedAt, letter.replayedAt, letter.payload);
    }
}
