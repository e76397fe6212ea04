package org.juniper.upgrade.events;

import java.time.Instant;

/**
 * A request whose backup is stored and checked, ready to be upgraded.
 *
 * @param priority higher runs first; production requests outrank test requests
 * @param backupFormat {@code zip} (dump.sql, manifest.json, filestore/) or {@code pg_custom}
 */
public record UpgradeRequested(String requestId, String database, String sourceVersion, String targetVersion,
        Purpose purpose, int priority, String requesterEmail, StoredObject backup, String backupFormat,
        Instant requestedAt) implements EventData {
}
