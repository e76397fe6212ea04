package org.juniper.upgrade.events;

import java.time.Instant;

/**
 * A stage gave up on a request.
 *
 * @param reason stable code such as {@code RESTORE:FAILED}, for programs
 * @param message what went wrong and what to do, for people
 */
public record UpgradeFailed(String requestId, String stage, String reason, String message, Instant at,
        String attempt)
        implements EventData {
}
