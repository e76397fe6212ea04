package org.juniper.upgrade.events;

import java.util.Map;

/**
 * The worker produced the upgraded archive and the facts the report needs.
 *
 * @param timings milliseconds per step of the run, in the order they ran
 */
public record DumpUpgraded(String requestId, Purpose purpose, String sourceVersion, String targetVersion,
        StoredObject artifact, String factsKey, String logKey, Map<String, Long> timings, String attempt) implements EventData {
}
