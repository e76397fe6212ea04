package org.juniper.upgrade.events;

import java.time.Instant;

/** One line of a request's live log, from whichever part is working on one of its attempts. */
public record UpgradeProgress(String requestId, String stage, String line, Instant at, String attempt) implements EventData {
}
