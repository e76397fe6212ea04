package org.juniper.upgrade.report.service;

import java.time.Duration;
import java.util.Locale;

/**
 * The frame and the small parts of the report's HTML. Self-contained: one style sheet in the head, no script, no
 * external asset. Bars carry their own inline style so that the charts survive mail clients that drop style sheets.
 * Every text from a customer's database goes through {@link #esc}.
 */
final class HtmlPage {
    /** Longer lists show this many rows and say how many there are. */
    static final int MAX_ROWS = 100;

    private final StringBuilder html = new StringBuilder(32 * 1024);

    /**
     * @param tone {@code ok} or {@code failed}: the colour of the header
     * @param subtitle already escaped HTML
     */
    HtmlPage(String title, String tone, String heading, String subtitle) {
        html.append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
                .append("<title>").append(esc(title)).append("</title><style>").append(STYLE)
                .append("</style></head><body><div class=\"page\"><header class=\"").append(tone).append("\">")
                .append("<h1>").append(esc(heading)).append("</h1><p class=\"sub\">").append(subtitle)
                .append("</p></header><main>");
    }

    HtmlPage raw(String fragment) {
        html.append(fragment);
        return this;
    }

    HtmlPage text(String text) {
        html.append(esc(text));
        return this;
    }

    HtmlPage section(String title) {
        html.append("<section><h2>").append(esc(title)).append("</h2>");
        return this;
    }

    HtmlPage endSection() {
        html.append("</section>");
        return this;
    }

    /** A two-column table row of the key-value tables. */
    HtmlPage pair(String key, String value) {
        html.append("<tr><th>").append(esc(key)).append("</th><td>").append(esc(value)).append("</td></tr>");
        return this;
    }

    /** The note under a list cut at {@link #MAX_ROWS}. */
    HtmlPage more(int total) {
        if (total > MAX_ROWS) {
            html.append("<p class=\"more\">Showing the first ").append(MAX_ROWS).append(" of ")
                    .append(String.format(Locale.ROOT, "%,d", total)).append(".</p>");
        }
        return this;
    }

    String finish(String footer) {
        return html.append("</main><footer>").append(esc(footer)).append("</footer></div></body></html>").toString();
    }

    /** A horizontal bar of at most {@code widthPx}, proportional to {@code value / max}; at least 1px when not 0. */
    static String bar(long value, long max, int widthPx, String colour, boolean block) {
        long width = max <= 0 ? 0 : Math.round((double) widthPx * Math.max(value, 0) / max);
        return "<span style=\"display:" + (block ? "block;margin:2px 0" : "inline-block") + ";height:8px;width:"
                + Math.max(width, value > 0 ? 1 : 0) + "px;background:" + colour + ";border-radius:2px\"></span>";
    }

    static String badge(String kind, String text) {
        return "<span class=\"badge " + kind + "\">" + esc(text) + "</span>";
    }

    static String esc(String s) {
        if (s == null) {
            return "";
        }
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;")
                .replace("'", "&#39;");
    }

    static String count(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    static String duration(long millis) {
        Duration d = Duration.ofMillis(millis);
        if (d.toHours() > 0) {
            return d.toHours() + " h " + String.format(Locale.ROOT, "%02d", d.toMinutesPart()) + " min";
        }
        if (d.toMinutes() > 0) {
            return d.toMinutes() + " min " + d.toSecondsPart() + " s";
        }
        return String.format(Locale.ROOT, "%.1f s", millis / 1000.0);
    }

    static String bytes(long size) {
        if (size < 1024 * 1024) {
            return String.format(Locale.ROOT, "%.1f KiB", size / 1024.0);
        }
        if (size < 1024L * 1024 * 1024) {
            return String.format(Locale.ROOT, "%.1f MiB", size / (1024.0 * 1024));
        }
        return String.format(Locale.ROOT, "%.2f GiB", size / (1024.0 * 1024 * 1024));
    }

    static final String BEFORE = "#9fb3c8";
    static final String AFTER = "#3e7c4f";
    static final String CHANGED = "#d9822b";
    static final String TIME = "#486581";
    static final String PRE = "#829ab1";
    static final String POST = "#3e7c4f";
    static final String END = "#d9822b";

    private static final String STYLE = """
            body{margin:0;background:#eef1f4;color:#1f2933;font:15px/1.5 -apple-system,'Segoe UI',Roboto,'Helvetica Neue',Arial,sans-serif}
            .page{max-width:940px;margin:0 auto;background:#fff}
            header{padding:26px 32px 22px;color:#fff;background:#2f5d3a}header.failed{background:#9b2c2c}
            h1{margin:0;font-size:26px;font-weight:600}.sub{margin:6px 0 0;font-size:17px}
            main{padding:4px 32px 28px}
            h2{margin:30px 0 10px;padding-bottom:6px;font-size:19px;color:#243b53;border-bottom:2px solid #e4e7eb}
            h3{margin:18px 0 6px;font-size:15px;color:#334e68}
            p{margin:8px 0}.muted,.more{color:#627d98}.more{font-style:italic;font-size:14px}
            table{width:100%;border-collapse:collapse;font-size:14px}
            th,td{padding:5px 10px;text-align:left;vertical-align:middle;border-bottom:1px solid #e4e7eb}
            thead th{background:#f5f7fa;color:#52606d;font-size:12px;font-weight:600;text-transform:uppercase;letter-spacing:.03em}
            .kv th{width:190px;color:#52606d;font-weight:normal}
            .n{text-align:right;white-space:nowrap;font-variant-numeric:tabular-nums}.chart{width:190px}
            tr.diff td{background:#fffbea}
            .notes{table-layout:fixed}.notes th{box-sizing:border-box}.notes td{overflow-wrap:anywhere}
            .notes th:nth-child(1){width:17%}.notes th:nth-child(2){width:20%}.notes th:nth-child(3){width:21%}
            .notes th:nth-child(4){width:9%}.notes th:nth-child(5){width:9%}
            .tiles{margin:18px 0 14px}.tiles td{width:25%;padding:0 8px 0 0;border:0;vertical-align:top}
            .tile{padding:12px 16px;background:#f0f4f8;border-radius:8px}
            .tile b{display:block;font-size:23px;color:#243b53}.tile span{color:#627d98;font-size:13px}
            .tile.alert{background:#fff3c4}
            .badge{display:inline-block;padding:1px 9px;border-radius:10px;font-size:12px;font-weight:600;letter-spacing:.03em;white-space:nowrap}
            .sub .badge{margin-left:8px;vertical-align:2px}
            .badge.test{background:#fde68a;color:#713f12}.badge.production{background:#bfdbfe;color:#1e3a8a}
            .badge.changed{background:#fde68a;color:#713f12}.badge.gone,.badge.removed{background:#fecaca;color:#7f1d1d}
            .badge.new{background:#bfdbfe;color:#1e3a8a}.badge.custom{background:#e9d5ff;color:#581c87}
            .badge.upgraded{background:#d1fae5;color:#065f46}
            .callout{margin:12px 0;padding:10px 16px;border-left:4px solid #f0b429;background:#fffbea;border-radius:4px}
            .callout.error{border-color:#c53030;background:#fff5f5}.callout ul{margin:4px 0;padding-left:20px}
            .check{margin:6px 0;padding:0;list-style:none}
            .check li{padding:6px 0 6px 34px;border-bottom:1px dashed #e4e7eb;text-indent:-34px}
            .box{display:inline-block;width:34px;text-indent:0;color:#486581}
            .walk li{padding-left:52px;text-indent:-52px}.walk .box{width:52px}
            .legend{font-size:12px;color:#627d98}.legend span{margin-right:4px}
            code,pre{font:13px/1.45 'SFMono-Regular',Menlo,Consolas,'DejaVu Sans Mono',monospace}
            pre{margin:8px 0;padding:12px 14px;overflow-x:auto;white-space:pre-wrap;word-break:break-word;background:#102a43;color:#e4e7eb;border-radius:6px}
            footer{padding:14px 32px;color:#829ab1;font-size:12px;border-top:1px solid #e4e7eb}
            @media (max-width:600px){header,main,footer{padding-left:14px;padding-right:14px}.chart{display:none}
            .tiles td{display:block;width:auto;padding:0 0 6px}.notes{table-layout:auto}.kv th{width:auto}th,td{padding:5px 6px}td{overflow-wrap:anywhere}}
            """;
}
