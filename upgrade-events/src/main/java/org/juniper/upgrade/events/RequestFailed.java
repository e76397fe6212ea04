package org.juniper.upgrade.events;

import java.time.Instant;

/**
 * The request ended failed: intake's decision, once per request end, whichever part or check gave up. Stages announce
 * {@link UpgradeFailed}; only the one intake accepted for the current attempt (or its own finding, such as a request
 * that stopped moving) becomes this event.
 *
 * @param reason the {@link FailureReason#code() code} of its reason, such as {@code PLATFORM:OBJECT_STORE}
 * @param message what went wrong and what to do, for people
 */
public record RequestFailed(String requestId, String database, String stage, String reason, String message,
        Instant at, String attempt) implements EventData {
}
