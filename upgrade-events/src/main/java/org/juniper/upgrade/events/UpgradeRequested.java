package org.juniper.upgrade.events;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;

/**
 * A request whose backup is stored and checked, ready to be upgraded.
 *
 * @param priority higher runs first; production requests outrank test requests, which outrank campaign requests
 * @param backupFormat {@code zip} (dump.sql, manifest.json, filestore/) or {@code pg_custom}
 * @param campaign the rolling-release campaign that asked for this test upgrade; absent for a requester's own request
 * @param scripts the requester's own upgrade scripts ({@link ArtifactKeys#customScripts()}), checked by intake;
 *        absent when the request brought none
 * @param attempt this start or retry of the request; every event of its run carries it
 */
public record UpgradeRequested(String requestId, String database, String sourceVersion, String targetVersion,
        Purpose purpose, int priority, String requesterEmail, StoredObject backup, String backupFormat,
        Instant requestedAt, @JsonInclude(JsonInclude.Include.NON_NULL) String campaign,
        @JsonInclude(JsonInclude.Include.NON_NULL) StoredObject scripts, String attempt) implements EventData {
}
