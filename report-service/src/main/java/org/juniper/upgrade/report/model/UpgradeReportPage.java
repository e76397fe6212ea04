package org.juniper.upgrade.report.model;

import java.util.List;

/**
 * The upgrade report as its HTML shows it: sorted, cut to the rows shown and formatted from an {@link UpgradeReport};
 * the template {@code ReportTemplates/upgraded.html} lays it out and escapes every text. A list's {@code more} is the
 * line under it when it was cut ("Showing the first 100 of 285."), else null; bar widths are in pixels.
 */
public record UpgradeReportPage(String requestId, String database, String sourceVersion, String targetVersion,
        boolean test, List<Tile> tiles, List<Fact> facts, List<String> warnings, String warningsMore,
        List<ChecklistSection> checklist, String modulesSummary, List<ModuleRow> modules, String modulesMore,
        List<NoteTable> notes, List<TableRow> tables, String tablesMore, List<NeutralizationRow> neutralization,
        String neutralizationMore, List<StepRow> steps, List<HopRow> hops, List<ScriptRow> slowest) {

    public record Tile(String value, String label, boolean alert) {
    }

    public record Fact(String key, String value) {
    }

    /** @param badge the badge's colour: upgraded, new, removed, custom or changed */
    public record ModuleRow(String module, String before, String after, String badge, String change) {
    }

    public record NoteTable(String title, List<NoteRow> rows, String more) {
    }

    public record NoteRow(String badge, String change, String model, String name, String rows, String version,
            String reason) {
    }

    /** @param flag gone, new or changed; null when the count did not move */
    public record TableRow(String table, String formerName, String flag, boolean differs, String before,
            String after, String change, int beforeWidth, int afterWidth) {
    }

    public record NeutralizationRow(String module, String rule, String effect, String rows) {
    }

    public record StepRow(String step, String time, int width) {
    }

    public record HopRow(String version, String scripts, String time, int pre, int post, int end) {
    }

    public record ScriptRow(String version, String module, String phase, String script, String time) {
    }
}
