package org.juniper.upgrade.events;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/** The neutralized test archive exists; {@code actions} says which rules it carries. */
public record Neutralized(String requestId, StoredObject artifact, List<Action> actions, String attempt) implements EventData {

    /**
     * One neutralization rule of one module.
     *
     * @param rows the rows the rule changed, added or removed in the test archive; absent when not counted
     */
    public record Action(String module, String rule, @JsonInclude(JsonInclude.Include.NON_NULL) Long rows) {
        public Action(String module, String rule) {
            this(module, rule, null);
        }
    }
}
