package org.juniper.upgrade.report.service;

import static org.juniper.upgrade.report.service.HtmlPage.MAX_ROWS;
import static org.juniper.upgrade.report.service.HtmlPage.badge;
import static org.juniper.upgrade.report.service.HtmlPage.bar;
import static org.juniper.upgrade.report.service.HtmlPage.count;
import static org.juniper.upgrade.report.service.HtmlPage.duration;
import static org.juniper.upgrade.report.service.HtmlPage.esc;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.juniper.upgrade.events.FailureReason;
import org.juniper.upgrade.events.Purpose;
import org.juniper.upgrade.events.UpgradeFacts;
import org.juniper.upgrade.report.model.ChecklistSection;
import org.juniper.upgrade.report.model.FailureReport;
import org.juniper.upgrade.report.model.ModuleChanges;
import org.juniper.upgrade.report.model.NeutralizationStep;
import org.juniper.upgrade.report.model.TableIntegrity;
import org.juniper.upgrade.report.model.UpgradeReport;

/** The HTML form of the reports, for people: in a browser or as a mail attachment. */
public final class ReportRenderer {
    /** The slowest upgrade scripts shown under the time per version. */
    static final int SLOWEST_SCRIPTS = 10;
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
        HtmlPage page = new HtmlPage("Upgrade report: " + f.database() + " " + f.sourceVersion() + " to "
                + f.targetVersion(), "ok", "Upgrade report", esc(f.database()) + ": " + esc(f.sourceVersion())
                + " &rarr; " + esc(f.targetVersion()) + (test ? badge("test", "test copy")
                : badge("production", "production")));
        summary(page, report);
        warnings(page, f.warnings());
        checklist(page, report.checklist(), test);
        modules(page, report.modules());
        notes(page, f.notes());
        integrity(page, report.integrity());
        if (test) {
            neutralization(page, report.neutralization());
        }
        time(page, f);
        return page.finish("Juniper Upgrade Platform · request " + f.requestId());
    }

    public static String html(FailureReport report) {
        String code = report.failure().reason();
        // the requester's mail says the same, from the same explanation
        FailureReason.Explanation explanation = FailureReason.explain(code);
        HtmlPage page = new HtmlPage("Upgrade failed: request " + report.failure().requestId(), "failed",
                "The upgrade failed", "It stopped during <b>" + esc(report.failure().stage()) + "</b>.");
        page.section("What failed").raw("<div class=\"callout error\"><p><b>").text(report.failure().message())
                .raw("</b></p></div><table class=\"kv\">")
                .pair("Stage", report.failure().stage())
                .pair("Reason code", code)
                .pair("Cause", FailureReason.ofCode(code).map(r -> r.platformFault() ? "the platform"
                        : "the request: its backup, its data or its scripts").orElse("not known to this report"))
                .pair("When", report.failure().at() == null ? "" : report.failure().at().toString())
                .raw("</table>").endSection();
        page.section("What to do").raw("<p><b>").text(explanation.headline()).raw("</b> ").text(explanation.retry())
                .raw(" Your database itself was not changed.</p>").endSection();
        page.section("The end of the log");
        if (report.logLines() == 0) {
            page.raw("<p class=\"muted\">The run left no log.</p>");
        } else {
            if (report.logLines() > report.logTail().size()) {
                page.raw("<p class=\"more\">The last ").text(Integer.toString(report.logTail().size()))
                        .raw(" of ").text(count(report.logLines())).raw(" lines.</p>");
            }
            page.raw("<pre>").text(String.join("\n", report.logTail())).raw("</pre>");
        }
        page.endSection();
        return page.finish("Juniper Upgrade Platform · request " + report.failure().requestId());
    }

    private static void summary(HtmlPage page, UpgradeReport report) {
        UpgradeFacts f = report.facts();
        long total = f.timings().values().stream().mapToLong(Long::longValue).sum();
        int changed = report.summary().differences();
        page.section("Summary").raw("<p>The upgrade of <b>").text(f.database()).raw("</b> from ")
                .text(f.sourceVersion()).raw(" to ").text(f.targetVersion()).raw(" succeeded.</p>")
                .raw("<table class=\"tiles\"><tr>")
                .raw(tile(duration(total), "run time", false))
                .raw(tile(count(report.modules().upgraded().size()), "modules upgraded", false))
                .raw(tile(count(changed) + " of " + count(report.summary().tables()), "tables with other counts",
                        changed > 0))
                .raw(tile(count(f.warnings().size()), f.warnings().size() == 1 ? "warning" : "warnings",
                        !f.warnings().isEmpty()))
                .raw("</tr></table><table class=\"kv\">")
                .pair("Database", f.database())
                .pair("Versions", f.sourceVersion() + " → " + f.targetVersion() + " (" + f.hops().size()
                        + (f.hops().size() == 1 ? " step)" : " steps)"))
                .pair("Purpose", f.purpose() == Purpose.TEST
                        ? "test: a neutralized copy, " + report.neutralization().size() + " rules applied"
                        : "production: not neutralized")
                .pair("Backup", f.backup() == null ? "" : HtmlPage.bytes(f.backup().size()) + ", "
                        + f.backupFormat())
                .pair("Records after", count(report.summary().rows()) + " in " + count(report.summary().tables())
                        + " tables")
                .pair("Filestore files", count(f.filestoreFiles()))
                .pair("Request", f.requestId())
                .raw("</table>").endSection();
    }

    private static String tile(String value, String label, boolean alert) {
        return "<td><div class=\"tile" + (alert ? " alert" : "") + "\"><b>" + esc(value) + "</b><span>" + esc(label)
                + "</span></div></td>";
    }

    private static void warnings(HtmlPage page, List<String> warnings) {
        if (warnings.isEmpty()) {
            return;
        }
        page.section("Warnings").raw("<div class=\"callout\"><ul>");
        warnings.stream().limit(MAX_ROWS).forEach(w -> page.raw("<li>").text(w).raw("</li>"));
        page.raw("</ul></div>").more(warnings.size()).endSection();
    }

    private static void checklist(HtmlPage page, List<ChecklistSection> sections, boolean test) {
        page.section("What to test").raw("<p>").text(test
                ? "Go through this list on the test copy before you ask for the production upgrade."
                : "Go through this list right after the switch, before your people start working.").raw("</p>");
        for (ChecklistSection section : sections) {
            page.raw("<h3>").text(section.title()).raw("</h3><ul class=\"check").raw(section.walk() ? " walk" : "")
                    .raw("\">");
            for (int i = 0; i < section.items().size(); i++) {
                page.raw("<li><span class=\"box\">☐").raw(section.walk() ? "&nbsp;" + (i + 1) + "." : "")
                        .raw("</span>").text(section.items().get(i)).raw("</li>");
            }
            page.raw("</ul>");
        }
        page.endSection();
    }

    private static void modules(HtmlPage page, ModuleChanges m) {
        List<String[]> rows = new ArrayList<>();
        m.removed().forEach(c -> rows.add(row(c, m.custom().contains(c.module()) ? "custom" : "removed")));
        m.replaced().forEach(r -> rows.add(new String[] {r.module(), r.before(), "→ " + r.by() + " " + r.after(),
            r.how()}));
        m.added().forEach(c -> rows.add(row(c, "new")));
        m.upgraded().forEach(c -> rows.add(row(c, m.custom().contains(c.module()) ? "custom" : "upgraded")));
        page.section("Modules").raw("<p>").text(m.upgraded().size() + " upgraded, " + m.replaced().size()
                + " renamed or merged, " + m.added().size() + " new, " + m.removed().size() + " removed"
                + (m.custom().isEmpty() ? "." : "; " + m.custom().size() + " of your own: "
                        + String.join(", ", m.custom()) + "."))
                .raw("</p><table><thead><tr><th>Module</th><th>Before</th><th>After</th><th>Change</th></tr>")
                .raw("</thead><tbody>");
        rows.stream().limit(MAX_ROWS).forEach(r -> page.raw("<tr><td>").text(r[0]).raw("</td><td>").text(r[1])
                .raw("</td><td>").text(r[2]).raw("</td><td>").raw(badge(BADGES.getOrDefault(r[3], "changed"), r[3]))
                .raw("</td></tr>"));
        page.raw("</tbody></table>").more(rows.size()).endSection();
    }

    private static String[] row(ModuleChanges.Change c, String kind) {
        return new String[] {c.module(), c.before() == null ? "—" : c.before(), c.after() == null ? "—" : c.after(),
            kind};
    }

    /** The notes of the upgrade scripts, grouped as Odoo's upgrade report groups them. */
    private static void notes(HtmlPage page, List<UpgradeFacts.Note> notes) {
        Map<String, List<UpgradeFacts.Note>> groups = new LinkedHashMap<>();
        for (NoteGroup group : NOTE_GROUPS) {
            groups.put(group.title(), notes.stream().filter(n -> group.kinds().contains(n.kind())).toList());
        }
        groups.put("Other changes", notes.stream().filter(n -> !n.kind().startsWith("module_")
                && NOTE_GROUPS.stream().noneMatch(g -> g.kinds().contains(n.kind()))).toList());
        groups.values().removeIf(List::isEmpty);
        if (groups.isEmpty()) {
            return;
        }
        page.section("What the upgrade changed").raw("<p>What the upgrade scripts changed in your data and your "
                + "customizations, and why.</p>");
        groups.forEach((title, group) -> {
            page.raw("<h3>").text(title).raw("</h3><table class=\"notes\"><thead><tr><th>Change</th><th>Model</th>")
                    .raw("<th>What</th><th class=\"n\">Rows</th><th>Version</th><th>Why</th></tr></thead><tbody>");
            group.stream().limit(MAX_ROWS).forEach(n -> page.raw("<tr><td>").raw(noteBadge(n.kind()))
                    .raw("</td><td>").text(n.model()).raw("</td><td>").text(n.name()).raw("</td><td class=\"n\">")
                    .text(n.rowCount() == null ? "" : count(n.rowCount())).raw("</td><td>").text(n.version())
                    .raw("</td><td>").text(n.reason()).raw("</td></tr>"));
            page.raw("</tbody></table>").more(group.size());
        });
        page.endSection();
    }

    private static String noteBadge(String kind) {
        String label = kind.replace('_', ' ').replace("deactivated", "disabled");
        boolean lost = kind.endsWith("_removed") || kind.endsWith("_deactivated") || kind.endsWith("_dropped");
        return badge(lost ? "gone" : "changed", label);
    }

    private static void integrity(HtmlPage page, List<TableIntegrity> tables) {
        long max = tables.stream().mapToLong(t -> Math.max(t.rowsBefore(), t.rowsAfter())).max().orElse(0);
        // the tables whose counts moved come first, largest move first; then the largest tables
        List<TableIntegrity> ordered = tables.stream().sorted(Comparator
                .comparing((TableIntegrity t) -> !t.differs())
                .thenComparing(t -> -Math.abs(Math.max(t.rowsAfter(), 0) - t.rowsBefore()))
                .thenComparing(t -> -t.rowsBefore())
                .thenComparing(TableIntegrity::table)).toList();
        page.section("Data integrity").raw("<p>Records per table before and after the upgrade; tables whose count "
                + "changed are flagged. <span class=\"legend\">")
                .raw(bar(1, 1, 14, HtmlPage.BEFORE, false)).raw(" before ")
                .raw(bar(1, 1, 14, HtmlPage.AFTER, false)).raw(" after</span></p>")
                .raw("<table><thead><tr><th>Table</th><th class=\"n\">Before</th><th class=\"n\">After</th>")
                .raw("<th class=\"n\">Change</th><th class=\"chart\"></th></tr></thead><tbody>");
        for (TableIntegrity t : ordered.subList(0, Math.min(MAX_ROWS, ordered.size()))) {
            String flag = t.gone() ? badge("gone", "gone") : t.added() ? badge("new", "new")
                    : t.differs() ? badge("changed", "changed") : "";
            page.raw(t.differs() ? "<tr class=\"diff\">" : "<tr>").raw("<td>").text(t.table()).raw(" ").raw(flag);
            if (t.formerName() != null) {
                page.raw("<br><span class=\"muted\">renamed from ").text(t.formerName()).raw("</span>");
            }
            page.raw("</td><td class=\"n\">").text(count(t.rowsBefore())).raw("</td><td class=\"n\">")
                    .text(t.gone() ? "—" : count(t.rowsAfter())).raw("</td><td class=\"n\">")
                    .text(t.differs() && !t.gone() ? signed(t.rowsAfter() - t.rowsBefore()) : "")
                    .raw("</td><td class=\"chart\">").raw(bar(t.rowsBefore(), max, 180, HtmlPage.BEFORE, true))
                    .raw(bar(t.rowsAfter(), max, 180, t.differs() ? HtmlPage.CHANGED : HtmlPage.AFTER, true))
                    .raw("</td></tr>");
        }
        page.raw("</tbody></table>").more(tables.size()).endSection();
    }

    private static String signed(long n) {
        return (n > 0 ? "+" : "−") + count(Math.abs(n));
    }

    private static void neutralization(HtmlPage page, List<NeutralizationStep> steps) {
        page.section("Neutralization").raw("<p>This is a test copy. Before it can be downloaded, these rules of the "
                + "Juniper pack are applied to it, so that it cannot act on the outside world: no mail sent or "
                + "fetched, no payment charged, no scheduled action run, no webhook called.</p>")
                .raw("<table><thead><tr><th>Module</th><th>Rule</th><th>What it changes</th>")
                .raw("<th class=\"n\">Rows</th></tr></thead><tbody>");
        steps.stream().limit(MAX_ROWS).forEach(s -> page.raw("<tr><td>").text(s.module()).raw("</td><td>")
                .text(s.rule()).raw("</td><td>").text(s.effect()).raw("</td><td class=\"n\">")
                .text(s.rows() == null ? "" : count(s.rows())).raw("</td></tr>"));
        page.raw("</tbody></table>").more(steps.size()).endSection();
    }

    private static void time(HtmlPage page, UpgradeFacts f) {
        long maxStep = f.timings().values().stream().mapToLong(Long::longValue).max().orElse(0);
        page.section("Time").raw("<h3>Per step</h3><table><tbody>");
        for (Map.Entry<String, Long> step : f.timings().entrySet()) {
            page.raw("<tr><td>").text(step.getKey()).raw("</td><td class=\"n\">").text(duration(step.getValue()))
                    .raw("</td><td class=\"chart\">").raw(bar(step.getValue(), maxStep, 180, HtmlPage.TIME, false))
                    .raw("</td></tr>");
        }
        page.raw("</tbody></table>");
        if (!f.hops().isEmpty()) {
            long maxHop = f.hops().stream().mapToLong(UpgradeFacts.Hop::millis).max().orElse(0);
            page.raw("<h3>Per version and phase</h3><table><thead><tr><th>Version</th><th class=\"n\">Scripts</th>")
                    .raw("<th class=\"n\">Time</th><th class=\"chart\"><span class=\"legend\">")
                    .raw(bar(1, 1, 10, HtmlPage.PRE, false)).raw(" pre ")
                    .raw(bar(1, 1, 10, HtmlPage.POST, false)).raw(" post ")
                    .raw(bar(1, 1, 10, HtmlPage.END, false)).raw(" end</span></th></tr></thead><tbody>");
            for (UpgradeFacts.Hop hop : f.hops()) {
                page.raw("<tr><td>").text(hop.version()).raw("</td><td class=\"n\">")
                        .text(count(hop.scripts().size())).raw("</td><td class=\"n\">").text(duration(hop.millis()))
                        .raw("</td><td class=\"chart\"><span style=\"white-space:nowrap\">")
                        .raw(bar(phase(hop, "pre"), maxHop, 180, HtmlPage.PRE, false))
                        .raw(bar(phase(hop, "post"), maxHop, 180, HtmlPage.POST, false))
                        .raw(bar(phase(hop, "end"), maxHop, 180, HtmlPage.END, false)).raw("</span></td></tr>");
            }
            page.raw("</tbody></table>");
            slowestScripts(page, f.hops());
        }
        page.endSection();
    }

    private static long phase(UpgradeFacts.Hop hop, String phase) {
        return hop.scripts().stream().filter(s -> phase.equals(s.phase()))
                .mapToLong(UpgradeFacts.Script::millis).sum();
    }

    private static void slowestScripts(HtmlPage page, List<UpgradeFacts.Hop> hops) {
        record Ran(String version, UpgradeFacts.Script script) {
        }
        List<Ran> slowest = hops.stream().flatMap(h -> h.scripts().stream().map(s -> new Ran(h.version(), s)))
                .sorted(Comparator.comparingLong((Ran r) -> -r.script().millis())).limit(SLOWEST_SCRIPTS).toList();
        if (slowest.isEmpty()) {
            return;
        }
        page.raw("<h3>Slowest scripts</h3><table><thead><tr><th>Version</th><th>Module</th><th>Phase</th>")
                .raw("<th>Script</th><th class=\"n\">Time</th></tr></thead><tbody>");
        for (Ran r : slowest) {
            page.raw("<tr><td>").text(r.version()).raw("</td><td>").text(r.script().module()).raw("</td><td>")
                    .text(r.script().phase()).raw("</td><td><code>").text(r.script().name())
                    .raw("</code></td><td class=\"n\">").text(duration(r.script().millis())).raw("</td></tr>");
        }
        page.raw("</tbody></table>");
    }
}
