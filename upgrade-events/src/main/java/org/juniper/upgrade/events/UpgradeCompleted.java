package org.juniper.upgrade.events;

import java.time.Instant;

/**
 * Everything the purpose needs is there. Carries no secret: the download path needs the requester's secret or a
 * branch credential.
 */
public record UpgradeCompleted(String requestId, String database, String sourceVersion, String targetVersion,
        Purpose purpose, StoredObject artifact, String reportHtmlKey, String reportJsonKey, String downloadPath,
        Instant completedAt, String attempt) implements EventData {
}
