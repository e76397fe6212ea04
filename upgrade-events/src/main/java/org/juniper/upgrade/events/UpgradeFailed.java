package org.juniper.upgrade.events;

import java.time.Instant;

/**
 * A stage gave up on a request.
 *
 * @param reason the {@link FailureReason#code() code} of its reason, for programs; a string, so that a code of a
 *     newer producer still reads
 * @param message what went wrong and what to do, for people
 */
public record UpgradeFailed(String requestId, String stage, String reason, String message, Instant at,
        String attempt)
        implements EventData {
}
