package org.juniper.upgrade.events;

import java.time.Instant;

/**
 * Operations aborted, or the requester cancelled, an attempt that had not ended: whatever part is working on it stops
 * within seconds and announces nothing more for it.
 *
 * @param by who stopped it: {@code operations}, {@code requester}, or {@code platform} for a request that expired
 * @param reason why, in their words
 */
public record RunStopped(String requestId, String attempt, String by, String reason, Instant at)
        implements EventData {
}
