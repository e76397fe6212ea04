package org.juniper.upgrade.events;

import java.util.List;

/** The neutralized test archive exists; {@code actions} says which rules it carries. */
public record Neutralized(String requestId, StoredObject artifact, List<Action> actions) implements EventData {

    /** One neutralization rule of one module. */
    public record Action(String module, String rule) {
    }
}
