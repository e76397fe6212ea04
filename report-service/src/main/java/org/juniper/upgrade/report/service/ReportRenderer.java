package org.juniper.upgrade.report.service;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.juniper.upgrade.events.UpgradeFacts;

/** The HTML report: self-contained (inline style, no script, no external asset), readable in a mail client. */
public final class ReportRenderer {
    /** Longer lists show this many rows and say how many there are. */
    static final int MAX_ROWS = 100;

    private ReportRenderer() {
    }

    public static String html(UpgradeFacts facts) {
        StringBuilder html = new StringBuilder(16 * 1024);
        html.append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
                .append("<title>Upgrade report: ").append(esc(facts.database())).append(' ')
                .append(esc(facts.sourceVersion())).append(" to ").append(esc(facts.targetVersion()))
                .append("</title><style>").append(STYLE).append("</style></head><body><main>");
        html.append("<h1>Upgrade report</h1><p class=\"lead\">").append(esc(facts.database())).append(": ")
                .append(esc(facts.sourceVersion())).append(" &rarr; ").append(esc(facts.targetVersion()))
                .append(" (").append(esc(facts.purpose().code())).append(")</p>");
        summary(html, facts);
        warnings(html, facts.warnings());
        modules(html, facts);
        dataIntegrity(html, facts.tables());
        timeline(html, facts);
        html.append("<footer>Request ").append(esc(facts.requestId())).append("</footer></main></body></html>");
        return html.toString();
    }

    private static void summary(StringBuilder html, UpgradeFacts f) {
        long total = f.timings().values().stream().mapToLong(Long::longValue).sum();
        html.append("<section><h2>Summary</h2><table class=\"kv\">");
        row(html, "Database", f.database());
        row(html, "Versions", f.sourceVersion() + " → " + f.targetVersion());
        row(html, "Purpose", f.purpose() == null ? "" : f.purpose().code());
        row(html, "Run time", formatMillis(total));
        row(html, "Backup size", f.backup() == null ? "" : bytes(f.backup().size()));
        row(html, "Tables", Integer.toString(f.tables().size()));
        row(html, "Filestore files", Integer.toString(f.filestoreFiles()));
        html.append("</table></section>");
    }

    private static void warnings(StringBuilder html, List<String> warnings) {
        if (warnings.isEmpty()) {
            return;
        }
        html.append("<section><h2>Warnings</h2><ul class=\"warn\">");
        warnings.stream().limit(MAX_ROWS).forEach(w -> html.append("<li>").append(esc(w)).append("</li>"));
        more(html, warnings.size());
        html.append("</ul></section>");
    }

    private static void modules(StringBuilder html, UpgradeFacts f) {
        html.append("<section><h2>Modules</h2><table><thead><tr><th>Module</th><th>Before</th><th>After</th>")
                .append("</tr></thead><tbody>");
        int shown = 0;
        java.util.TreeSet<String> names = new java.util.TreeSet<>(f.modulesBefore().keySet());
        names.addAll(f.modulesAfter().keySet());
        for (String name : names) {
            if (shown++ == MAX_ROWS) {
                break;
            }
            String before = f.modulesBefore().get(name);
            String after = f.modulesAfter().get(name);
            html.append("<tr><td>").append(esc(name)).append("</td><td>").append(esc(before == null ? "—" : before))
                    .append("</td><td>").append(esc(after == null ? "removed" : after)).append("</td></tr>");
        }
        html.append("</tbody></table>");
        more(html, names.size());
        html.append("</section>");
    }

    private static void dataIntegrity(StringBuilder html, List<UpgradeFacts.TableCount> tables) {
        long max = tables.stream().mapToLong(t -> Math.max(t.rowsBefore(), t.rowsAfter())).max().orElse(1);
        html.append("<section><h2>Data integrity</h2><p>Records per table before and after the upgrade; ")
                .append("differences are flagged.</p><table><thead><tr><th>Table</th><th class=\"n\">Before</th>")
                .append("<th class=\"n\">After</th><th>Rows</th></tr></thead><tbody>");
        List<UpgradeFacts.TableCount> ordered = tables.stream()
                .sorted((a, b) -> Long.compare(b.rowsBefore(), a.rowsBefore())).limit(MAX_ROWS).toList();
        for (UpgradeFacts.TableCount t : ordered) {
            boolean differs = t.rowsBefore() != t.rowsAfter();
            html.append("<tr").append(differs ? " class=\"diff\"" : "").append("><td>").append(esc(t.table()))
                    .append(differs ? " <span class=\"flag\">changed</span>" : "").append("</td><td class=\"n\">")
                    .append(t.rowsBefore()).append("</td><td class=\"n\">")
                    .append(t.rowsAfter() < 0 ? "gone" : Long.toString(t.rowsAfter())).append("</td><td>")
                    .append(bar(t.rowsBefore(), max, "before")).append(bar(Math.max(t.rowsAfter(), 0), max, "after"))
                    .append("</td></tr>");
        }
        html.append("</tbody></table>");
        more(html, tables.size());
        html.append("</section>");
    }

    private static void timeline(StringBuilder html, UpgradeFacts f) {
        long max = f.timings().values().stream().mapToLong(Long::longValue).max().orElse(1);
        html.append("<section><h2>Time per step</h2><table><tbody>");
        for (Map.Entry<String, Long> step : f.timings().entrySet()) {
            html.append("<tr><td>").append(esc(step.getKey())).append("</td><td class=\"n\">")
                    .append(formatMillis(step.getValue())).append("</td><td>").append(bar(step.getValue(), max, "time"))
                    .append("</td></tr>");
        }
        html.append("</tbody></table>");
        if (!f.hops().isEmpty()) {
            html.append("<h3>Per version</h3><table><thead><tr><th>Version</th><th class=\"n\">Scripts</th>")
                    .append("<th class=\"n\">Time</th></tr></thead><tbody>");
            for (UpgradeFacts.Hop hop : f.hops()) {
                html.append("<tr><td>").append(esc(hop.version())).append("</td><td class=\"n\">")
                        .append(hop.scripts().size()).append("</td><td class=\"n\">").append(formatMillis(hop.millis()))
                        .append("</td></tr>");
            }
            html.append("</tbody></table>");
        }
        html.append("</section>");
    }

    private static String bar(long value, long max, String kind) {
        int width = max <= 0 ? 0 : (int) Math.round(200.0 * value / max);
        return "<span class=\"bar " + kind + "\" style=\"width:" + Math.max(width, value > 0 ? 1 : 0) + "px\"></span>";
    }

    private static void more(StringBuilder html, int total) {
        if (total > MAX_ROWS) {
            html.append("<p class=\"more\">Showing the first ").append(MAX_ROWS).append(" of ").append(total)
                    .append(".</p>");
        }
    }

    private static void row(StringBuilder html, String key, String value) {
        html.append("<tr><th>").append(esc(key)).append("</th><td>").append(esc(value)).append("</td></tr>");
    }

    static String formatMillis(long millis) {
        Duration d = Duration.ofMillis(millis);
        if (d.toMinutes() > 0) {
            return d.toMinutes() + " min " + d.toSecondsPart() + " s";
        }
        return String.format(java.util.Locale.ROOT, "%.1f s", millis / 1000.0);
    }

    private static String bytes(long size) {
        if (size < 1024 * 1024) {
            return String.format(java.util.Locale.ROOT, "%.1f KiB", size / 1024.0);
        }
        return String.format(java.util.Locale.ROOT, "%.1f MiB", size / (1024.0 * 1024));
    }

    static String esc(String s) {
        if (s == null) {
            return "";
        }
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    private static final String STYLE = """
            body{font-family:-apple-system,'Segoe UI',Roboto,Helvetica,Arial,sans-serif;color:#1f2933;background:#f5f7fa;margin:0}
            main{max-width:860px;margin:0 auto;padding:24px;background:#fff}
            h1{color:#2f5d3a;margin:0 0 4px}h2{border-bottom:2px solid #e4e7eb;padding-bottom:4px;margin-top:28px}
            .lead{font-size:1.2em;color:#52606d;margin:0 0 16px}
            table{border-collapse:collapse;width:100%;font-size:14px}th,td{text-align:left;padding:4px 8px;border-bottom:1px solid #e4e7eb}
            .kv th{width:180px;color:#52606d;font-weight:normal}.n{text-align:right;font-variant-numeric:tabular-nums}
            .bar{display:inline-block;height:8px;margin:1px 0;border-radius:2px;vertical-align:middle}
            .bar.before{background:#9fb3c8}.bar.after{background:#3e7c4f;display:block}.bar.time{background:#d9822b}
            tr.diff td{background:#fff8e1}.flag{color:#b44d12;font-size:12px;border:1px solid #b44d12;border-radius:3px;padding:0 3px}
            .warn li{color:#8d2b0b}.more{color:#7b8794;font-style:italic}footer{margin-top:32px;color:#9aa5b1;font-size:12px}
            """;
}
