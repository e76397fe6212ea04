package org.juniper.upgrade.report.model;

import java.util.List;

/**
 * What became of the installed modules.
 *
 * @param replaced modules that live on under another name: renamed, or merged into another module
 * @param custom modules installed before the upgrade that the pack does not know: the customer's own
 */
public record ModuleChanges(List<Change> upgraded, List<Change> added, List<Change> removed,
        List<Replacement> replaced, List<String> custom) {

    /** One module; {@code before} is null for a new module, {@code after} for a removed one. */
    public record Change(String module, String before, String after) {
    }

    /**
     * A module that became {@code by}, at version {@code after}.
     *
     * @param how {@code renamed} or {@code merged}
     */
    public record Replacement(String module, String before, String by, String after, String how, String reason) {
    }
}
