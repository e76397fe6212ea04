package org.juniper.upgrade.report.service;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.juniper.upgrade.events.FailureReason;
import org.juniper.upgrade.events.Purpose;
import org.juniper.upgrade.events.UpgradeFacts;
import org.juniper.upgrade.report.model.FailureReport;
import org.juniper.upgrade.report.model.FailureReportPage;
import org.juniper.upgrade.report.model.ModuleChanges;
import org.juniper.upgrade.report.model.TableIntegrity;
import org.juniper.upgrade.report.model.UpgradeReport;
import org.juniper.upgrade.report.model.UpgradeReportPage;
import org.juniper.upgrade.report.model.UpgradeReportPage.Fact;
import org.juniper.upgrade.report.model.UpgradeReportPage.HopRow;
import org.juniper.upgrade.report.model.UpgradeReportPage.ModuleRow;
import org.juniper.upgrade.report.model.UpgradeReportPage.NeutralizationRow;
import org.juniper.upgrade.report.model.UpgradeReportPage.NoteRow;
import org.juniper.upgrade.report.model.UpgradeReportPage.NoteTable;
import org.juniper.upgrade.report.model.UpgradeReportPage.ScriptRow;
import org.juniper.upgrade.report.model.UpgradeReportPage.StepRow;
import org.juniper.upgrade.report.model.UpgradeReportPage.TableRow;
import org.juniper.upgrade.report.model.UpgradeReportPage.Tile;

/**
 * The HTML form of the reports, for people: in a browser or as a mail attachment. Here the report is sorted, cut and
 * formatted into the page records; {@link ReportTemplates} lays them out, and Qute escapes every text.
 */
public final class ReportRenderer {
    /** Longer lists show this many rows and say how many there are. */
    static final int MAX_ROWS = 100;
    /** The slowest upgrade scripts shown under the time per version. */
    static final int SLOWEST_SCRIPTS = 10;
    /** The widest bar of a chart, in pixels. */
    private static final int BAR_PX = 180;
    /** The badge of each kind of module change. */
    private static final Map<String, String> BADGES = Map.of("upgraded", "upgraded", "new", "new", "removed",
            "removed", "custom", "custom", "renamed", "changed", "merged", "changed");
    /** The sections of the scripts' notes, in the order they are shown; module notes go with the modules. */
    private static final List<NoteGroup> NOTE_GROUPS = List.of(
            new NoteGroup("Models and fields", Set.of("model_renamed", "field_renamed", "field_merged",
                    "field_removed")),
            new NoteGroup("Disabled views", Set.of("view_deactivated")),
            new NoteGroup("Converted mail templates", Set.of("template_converted")),
            new NoteGroup("Translations", Set.of("translations_converted", "translations_dropped")));

    private record NoteGroup(String title, Set<String> kinds) {
    }

    private ReportRenderer() {
    }

    public static String html(UpgradeReport report) {
        UpgradeFacts f = report.facts();
        boolean test = f.purpose() == Purpose.TEST;
        List<ModuleRow> modules = modules(report.modules());
        List<TableRow> tables = integrity(report.integrity());
        List<NeutralizationRow> neutralization = test ? report.neutralization().stream()
                .map(s -> new NeutralizationRow(s.module(), s.rule(), s.effect(),
                        s.rows() == null ? "" : count(s.rows()))).toList() : List.of();
        return ReportTemplates.upgraded(new UpgradeReportPage(f.requestId(), f.database(), f.sourceVersion(),
                f.targetVersion(), test, tiles(report), facts(report), first(f.warnings()), more(f.warnings()),
                report.checklist(), modulesSummary(report.modules()), first(modules), more(modules), notes(f.notes()),
                first(tables), more(tables), first(neutralization), more(neutralization), steps(f), hops(f.hops()),
                slowestScripts(f.hops()))).render();
    }

    public static String html(FailureReport report) {
        String code = report.failure().reason();
        // the requester's mail says the same, from the same explanation
        FailureReason.Explanation explanation = FailureReason.explain(code);
        String cause = FailureReason.ofCode(code).map(r -> r.platformFault() ? "the platform"
                : "the request: its backup, its data or its scripts").orElse("not known to this report");
        String logCut = report.logLines() > report.logTail().size() ? "The last " + report.logTail().size() + " of "
                + count(report.logLines()) + " lines." : null;
        return ReportTemplates.failed(new FailureReportPage(report.failure().requestId(), report.failure().stage(),
                report.failure().message(), code, cause,
                report.failure().at() == null ? "" : report.failure().at().toString(), explanation.headline(),
                explanation.retry(), logCut, String.join("\n", report.logTail()))).render();
    }

    private static List<Tile> tiles(UpgradeReport report) {
        UpgradeFacts f = report.facts();
        int changed = report.summary().differences();
        return List.of(new Tile(duration(runTime(f)), "run time", false),
                new Tile(count(report.modules().upgraded().size()), "modules upgraded", false),
                new Tile(count(changed) + " of " + count(report.summary().tables()), "tables with other counts",
                        changed > 0),
                new Tile(count(f.warnings().size()), f.warnings().size() == 1 ? "warning" : "warnings",
                        !f.warnings().isEmpty()));
    }

    private static List<Fact> facts(UpgradeReport report) {
        UpgradeFacts f = report.facts();
        return List.of(new Fact("Database", f.database()),
                new Fact("Versions", f.sourceVersion() + " → " + f.targetVersion() + " (" + f.hops().size()
                        + (f.hops().size() == 1 ? " step)" : " steps)")),
                new Fact("Purpose", f.purpose() == Purpose.TEST
                        ? "test: a neutralized copy, " + report.neutralization().size() + " rules applied"
                        : "production: not neutralized"),
                new Fact("Backup", f.backup() == null ? "" : bytes(f.backup().size()) + ", " + f.backupFormat()),
                new Fact("Records after", count(report.summary().rows()) + " in " + count(report.summary().tables())
                        + " tables"),
                new Fact("Filestore files", count(f.filestoreFiles())),
                new Fact("Request", f.requestId()));
    }

    private static long runTime(UpgradeFacts f) {
        return f.timings().values().stream().mapToLong(Long::longValue).sum();
    }

    private static String modulesSummary(ModuleChanges m) {
        return m.upgraded().size() + " upgraded, " + m.replaced().size() + " renamed or merged, " + m.added().size()
                + " new, " + m.removed().size() + " removed" + (m.custom().isEmpty() ? "."
                        : "; " + m.custom().size() + " of your own: " + String.join(", ", m.custom()) + ".");
    }

    private static List<ModuleRow> modules(ModuleChanges m) {
        List<ModuleRow> rows = new ArrayList<>();
        m.removed().forEach(c -> rows.add(row(c, m.custom().contains(c.module()) ? "custom" : "removed")));
        m.replaced().forEach(r -> rows.add(new ModuleRow(r.module(), r.before(), "→ " + r.by() + " " + r.after(),
                BADGES.getOrDefault(r.how(), "changed"), r.how())));
        m.added().forEach(c -> rows.add(row(c, "new")));
        m.upgraded().forEach(c -> rows.add(row(c, m.custom().contains(c.module()) ? "custom" : "upgraded")));
        return rows;
    }

    private static ModuleRow row(ModuleChanges.Change c, String kind) {
        return new ModuleRow(c.module(), c.before() == null ? "—" : c.before(), c.after() == null ? "—" : c.after(),
                BADGES.get(kind), kind);
    }

    /** The notes of the upgrade scripts, grouped as Odoo's upgrade report groups them. */
    private static List<NoteTable> notes(List<UpgradeFacts.Note> notes) {
        Map<String, List<UpgradeFacts.Note>> groups = new LinkedHashMap<>();
        for (NoteGroup group : NOTE_GROUPS) {
            groups.put(group.title(), notes.stream().filter(n -> group.kinds().contains(n.kind())).toList());
        }
        groups.put("Other changes", notes.stream().filter(n -> !n.kind().startsWith("module_")
                && NOTE_GROUPS.stream().noneMatch(g -> g.kinds().contains(n.kind()))).toList());
        groups.values().removeIf(List::isEmpty);
        List<NoteTable> tables = new ArrayList<>();
        groups.forEach((title, group) -> {
            List<NoteRow> rows = group.stream().map(n -> new NoteRow(noteBadge(n.kind()),
                    n.kind().replace('_', ' ').replace("deactivated", "disabled"), n.model(), n.name(),
                    n.rowCount() == null ? "" : count(n.rowCount()), n.version(), n.reason())).toList();
            tables.add(new NoteTable(title, first(rows), more(rows)));
        });
        return tables;
    }

    private static String noteBadge(String kind) {
        boolean lost = kind.endsWith("_removed") || kind.endsWith("_deactivated") || kind.endsWith("_dropped");
        return lost ? "gone" : "changed";
    }

    /** The tables whose counts moved come first, largest move first; then the largest tables. */
    private static List<TableRow> integrity(List<TableIntegrity> tables) {
        long max = tables.stream().mapToLong(t -> Math.max(t.rowsBefore(), t.rowsAfter())).max().orElse(0);
        return tables.stream().sorted(Comparator
                .comparing((TableIntegrity t) -> !t.differs())
                .thenComparing(t -> -Math.abs(Math.max(t.rowsAfter(), 0) - t.rowsBefore()))
                .thenComparing(t -> -t.rowsBefore())
                .thenComparing(TableIntegrity::table))
                .map(t -> new TableRow(t.table(), t.formerName(),
                        t.gone() ? "gone" : t.added() ? "new" : t.differs() ? "changed" : null, t.differs(),
                        count(t.rowsBefore()), t.gone() ? "—" : count(t.rowsAfter()),
                        t.differs() && !t.gone() ? signed(t.rowsAfter() - t.rowsBefore()) : "",
                        bar(t.rowsBefore(), max), bar(t.rowsAfter(), max)))
                .toList();
    }

    private static String signed(long n) {
        return (n > 0 ? "+" : "−") + count(Math.abs(n));
    }

    private static List<StepRow> steps(UpgradeFacts f) {
        long max = f.timings().values().stream().mapToLong(Long::longValue).max().orElse(0);
        return f.timings().entrySet().stream()
                .map(step -> new StepRow(step.getKey(), duration(step.getValue()), bar(step.getValue(), max)))
                .toList();
    }

    private static List<HopRow> hops(List<UpgradeFacts.Hop> hops) {
        long max = hops.stream().mapToLong(UpgradeFacts.Hop::millis).max().orElse(0);
        return hops.stream().map(hop -> new HopRow(hop.version(), count(hop.scripts().size()),
                duration(hop.millis()), bar(phase(hop, "pre"), max), bar(phase(hop, "post"), max),
                bar(phase(hop, "end"), max))).toList();
    }

    private static long phase(UpgradeFacts.Hop hop, String phase) {
        return hop.scripts().stream().filter(s -> phase.equals(s.phase()))
                .mapToLong(UpgradeFacts.Script::millis).sum();
    }

    private static List<ScriptRow> slowestScripts(List<UpgradeFacts.Hop> hops) {
        record Ran(String version, UpgradeFacts.Script script) {
        }
        return hops.stream().flatMap(h -> h.scripts().stream().map(s -> new Ran(h.version(), s)))
                .sorted(Comparator.comparingLong((Ran r) -> -r.script().millis())).limit(SLOWEST_SCRIPTS)
                .map(r -> new ScriptRow(r.version(), r.script().module(), r.script().phase(), r.script().name(),
                        duration(r.script().millis())))
                .toList();
    }

    private static <T> List<T> first(List<T> rows) {
        return rows.subList(0, Math.min(MAX_ROWS, rows.size()));
    }

    /** The line under a list cut at {@link #MAX_ROWS}, or null. */
    private static String more(List<?> rows) {
        return rows.size() > MAX_ROWS ? "Showing the first " + MAX_ROWS + " of " + count(rows.size()) + "." : null;
    }

    /** The width of a bar for {@code value / max}, at most {@link #BAR_PX}; at least 1px when not 0. */
    private static int bar(long value, long max) {
        long width = max <= 0 ? 0 : Math.round((double) BAR_PX * Math.max(value, 0) / max);
        return (int) Math.max(width, value > 0 ? 1 : 0);
    }

    private static String count(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    private static String duration(long millis) {
        Duration d = Duration.ofMillis(millis);
        if (d.toHours() > 0) {
            return d.toHours() + " h " + String.format(Locale.ROOT, "%02d", d.toMinutesPart()) + " min";
        }
        if (d.toMinutes() > 0) {
            return d.toMinutes() + " min " + d.toSecondsPart() + " s";
        }
        return String.format(Locale.ROOT, "%.1f s", millis / 1000.0);
    }

    private static String bytes(long size) {
        if (size < 1024 * 1024) {
            return String.format(Locale.ROOT, "%.1f KiB", size / 1024.0);
        }
        if (size < 1024L * 1024 * 1024) {
            return String.format(Locale.ROOT, "%.1f MiB", size / (1024.0 * 1024));
        }
        return String.format(Locale.ROOT, "%.2f GiB", size / (1024.0 * 1024 * 1024));
    }
}
