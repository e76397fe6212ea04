package org.juniper.upgrade.events;

import java.util.List;

/** The neutralized test archive exists; {@code actions} says which rules were applied. */
public record Neutralized(String requestId, StoredObject artifact, List<Action> actions) implements EventData {

    /** One neutralization rule of one module, and how many rows it touched. */
    public record Action(String module, String rule, long rows) {
    }
}
