package org.juniper.upgrade.report.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.juniper.erp.JuniperPack;
import org.juniper.upgrade.events.Purpose;
import org.juniper.upgrade.events.UpgradeFacts;
import org.juniper.upgrade.events.UpgradeFailed;
import org.juniper.upgrade.report.SampleFacts;
import org.juniper.upgrade.report.model.FailureReport;
import org.juniper.upgrade.report.model.UpgradeReport;
import org.junit.jupiter.api.Test;

/** The reports' templates, rendered by the service's own Qute engine. */
@QuarkusTest
class ReportRendererTest {
    /** The attempt every event of these tests belongs to. */
    private static final String ATTEMPT = "a1b2c3d4-0000-4000-8000-000000000001";
    private static final ReportComposer COMPOSER = new ReportComposer(JuniperPack.load());

    static String html(UpgradeFacts facts) {
        return ReportRenderer.html(SampleFacts.report(COMPOSER, facts));
    }

    @Test
    void aTestUpgradeReportHasEverySectionInOrder() {
        String html = html(SampleFacts.acme("r-1", Purpose.TEST));

        List<String> sections = Pattern.compile("<h2>([^<]+)</h2>").matcher(html).results()
                .map(m -> m.group(1)).toList();
        assertEquals(List.of("Summary", "Warnings", "What to test", "Modules", "What the upgrade changed",
                "Data integrity", "Neutralization", "Time"), sections);
        assertTrue(html.contains("acme: 14.0 &rarr; 17.0"), "database and versions in the header");
        assertTrue(html.contains("test copy"), "the purpose is visible");
        assertTrue(html.contains("3 min 15 s"), "the run time");
    }

    @Test
    void aProductionReportHasNoNeutralizationSection() {
        String html = html(SampleFacts.acme("r-1", Purpose.PRODUCTION));

        assertFalse(html.contains("<h2>Neutralization</h2>"));
        assertTrue(html.contains("production: not neutralized"));
    }

    @Test
    void modulesAreSortedIntoUpgradedRenamedMergedNewRemovedAndCustom() {
        String html = html(SampleFacts.acme("r-1", Purpose.TEST));

        assertTrue(html.contains("10 upgraded, 2 renamed or merged, 1 new, 1 removed; 1 of your own: acme_margin."));
        assertTrue(row(html, "acme_margin").contains("badge custom"), "a custom module is flagged as such");
        assertTrue(row(html, "bank_sync").contains("→ account_online_synchronization 17.0.1.0")
                && row(html, "bank_sync").contains(">renamed<"));
        assertTrue(row(html, "delivery").contains("→ stock 17.0.1.1") && row(html, "delivery").contains(">merged<"));
        assertTrue(row(html, "spreadsheet").contains("badge new"));
        assertTrue(row(html, "sale").contains("14.0.1.1") && row(html, "sale").contains("17.0.1.2"));
    }

    @Test
    void aDisabledCustomViewIsListedWithItsReason() {
        String html = html(SampleFacts.acme("r-1", Purpose.TEST));

        String view = html.substring(html.indexOf("<h3>Disabled views</h3>"));
        view = view.substring(0, view.indexOf("</table>"));
        assertTrue(view.contains(">view disabled<") && view.contains("acme_margin.sale_order_form_margin")
                && view.contains("it shows the field x_margin, which sale.order no longer has"), view);
        assertTrue(html.contains("Look at the screens of the view the upgrade disabled"), "and the checklist says so");
    }

    @Test
    void theScriptsNotesAreGroupedLikeOdoosUpgradeReport() {
        String html = html(SampleFacts.acme("r-1", Purpose.TEST));

        List<String> groups = Pattern.compile("<h3>([^<]+)</h3><table class=\"notes\">").matcher(html)
                .results().map(m -> m.group(1)).toList();
        assertEquals(List.of("Models and fields", "Disabled views", "Converted mail templates", "Translations"),
                groups);
        assertTrue(html.contains("<td>exclude_from_invoice_tab -&gt; display_type</td><td class=\"n\">48,210</td>"));
    }

    @Test
    void aRunWithoutNotesHasNoSectionForThem() {
        String html = ReportRenderer.html(SampleFacts.report(COMPOSER, SampleFacts.withoutNotes(SampleFacts.acme("r-1",
                Purpose.TEST))));

        assertFalse(html.contains("What the upgrade changed"));
        assertTrue(row(html, "bank_sync").contains("badge removed"), "without a note, a module is just gone");
    }

    @Test
    void tablesWhoseCountsChangedComeFirstAndAreFlagged() {
        String html = html(SampleFacts.acme("r-1", Purpose.TEST));

        List<String> tables = Pattern.compile("<tr(?: class=\"diff\")?><td>([a-z_]+) ").matcher(html).results()
                .map(m -> m.group(1)).toList();
        assertEquals(List.of("ir_translation", "account_move_line_payment_rel", "ir_model_data", "ir_ui_view",
                "mail_template", "ir_cron", "account_move_line"), tables.subList(0, 7), "moved tables first");
        assertTrue(row(html, "ir_translation").contains("badge gone"));
        assertTrue(row(html, "account_move_line_payment_rel").contains("badge new"));
        assertTrue(row(html, "ir_model_data").contains("badge changed") && row(html, "ir_model_data").contains("+352"));
        assertFalse(row(html, "res_partner").contains("badge"), "equal counts are not flagged");
    }

    @Test
    void theChecklistAndTheNeutralizationFollowTheInstalledModules() {
        String html = html(SampleFacts.acme("r-1", Purpose.TEST));

        assertTrue(html.contains("Receive it: validate the reception"), "purchase and stock are installed");
        assertTrue(html.contains("Place an order in the web shop"), "website and sale are installed");
        assertTrue(html.contains("Check what your module acme_margin adds"));
        assertTrue(html.contains("<td>base</td><td>crons-off</td><td>updates ir_cron</td>"));
        assertTrue(html.contains("<td>website</td><td>website-indexing-blocked</td><td>updates website</td>"));
    }

    @Test
    void customerTextIsEscaped() {
        UpgradeFacts sample = SampleFacts.acme("r-1", Purpose.TEST);
        UpgradeFacts hostile = new UpgradeFacts(sample.requestId(), "acme<script>", sample.sourceVersion(),
                sample.targetVersion(), sample.purpose(), sample.backup(), sample.backupFormat(),
                sample.modulesBefore(), sample.modulesAfter(), sample.hops(), sample.tables(), sample.timings(),
                sample.filestoreFiles(), List.of("<img src=x onerror=alert(1)>"));

        String html = html(hostile);

        assertTrue(html.contains("acme&lt;script&gt;"));
        assertFalse(html.contains("<img") || html.contains("<script"));
    }

    @Test
    void aHostileModuleTableOrScriptNameComesOutEscaped() {
        String hostile = "x_<script>alert(1)</script>";
        UpgradeFacts sample = SampleFacts.acme("r-1", Purpose.TEST);
        Map<String, String> before = new TreeMap<>(sample.modulesBefore());
        before.put(hostile, "14.0.1.0");
        List<UpgradeFacts.TableCount> tables = new ArrayList<>(sample.tables());
        tables.add(new UpgradeFacts.TableCount(hostile, 10, 12));
        List<UpgradeFacts.Hop> hops = new ArrayList<>(sample.hops());
        hops.add(new UpgradeFacts.Hop("17.0", 90_000, List.of(new UpgradeFacts.Script(hostile, "post", hostile,
                90_000))));

        String html = html(new UpgradeFacts(sample.requestId(), sample.database(), sample.sourceVersion(),
                sample.targetVersion(), sample.purpose(), sample.backup(), sample.backupFormat(), before,
                sample.modulesAfter(), hops, tables, sample.timings(), sample.filestoreFiles(), sample.warnings(),
                sample.notes()));

        String escaped = "x_&lt;script&gt;alert(1)&lt;/script&gt;";
        assertTrue(html.contains("2 of your own: acme_margin, " + escaped + "."), "in the modules' summary");
        assertTrue(html.contains("<tr><td>" + escaped + "</td><td>14.0.1.0</td>"), "in its module's row");
        assertTrue(html.contains("<tr class=\"diff\"><td>" + escaped + " <span class=\"badge changed\">"),
                "in its table's row");
        assertTrue(html.contains("<td>" + escaped + "</td><td>post</td><td><code>" + escaped + "</code>"),
                "among the slowest scripts");
        assertFalse(html.contains("<script"));
    }

    @Test
    void bothReportsAreInThePageLayoutTheMailsShare() {
        String upgraded = html(SampleFacts.acme("r-1", Purpose.TEST));
        String failed = ReportRenderer.html(FailureReport.of(new UpgradeFailed("r-5", "upgrade", "RESTORE:FAILED",
                "psql failed", Instant.now(), ATTEMPT), null));

        assertTrue(upgraded.contains("<div style=\"font-size:13px\">Juniper upgrade</div>")
                && upgraded.contains(">Upgrade report</h1>") && upgraded.contains("background:#2f5d3a"), upgraded);
        assertTrue(upgraded.contains("max-width:940px") && upgraded.contains(">Request r-1</td>"), upgraded);
        assertTrue(failed.contains(">The upgrade failed</h1>") && failed.contains("background:#9b2c2c")
                && failed.contains(">Request r-5</td>"), failed);
    }

    @Test
    void theReportIsSelfContainedAndInert() {
        String html = html(SampleFacts.acme("r-1", Purpose.TEST));

        assertFalse(html.contains("src=") || html.contains("href=") || html.contains("url(")
                || html.contains("<script") || html.contains("@import"), "no asset, no link, no script");
    }

    @Test
    void aLongListShowsItsFirstHundredRowsAndSaysHowManyThereAre() {
        String html = html(SampleFacts.withExtraTables("r-1", Purpose.TEST, 250));

        assertTrue(html.contains("Showing the first 100 of 285."), "285 tables in all");
        assertEquals(100, Pattern.compile("<tr(?: class=\"diff\")?><td>[a-z_0-9]+ ").matcher(html).results()
                .count());
        assertFalse(html.contains(">x_acme_table_0 <"), "the smallest tables are cut");
    }

    @Test
    void aFailureReportShowsWhatFailedWhereAndTheEndOfTheLog() {
        String log = IntStream.rangeClosed(1, 55).mapToObj(i -> "2026-05-01T10:00:00Z [upgrade] line " + i)
                .collect(Collectors.joining("\n"));
        FailureReport report = FailureReport.of(new UpgradeFailed("r-2", "upgrade", "UPGRADE:SCRIPT_FAILED",
                "upgrade script 16.0/sale/post-10-order-lines.sql failed: <division by zero>",
                Instant.parse("2026-05-01T10:00:00Z"), ATTEMPT), log);

        String html = ReportRenderer.html(report);

        assertTrue(html.contains("It stopped during <b>upgrade</b>."));
        assertTrue(html.contains("UPGRADE:SCRIPT_FAILED") && html.contains("&lt;division by zero&gt;"));
        assertTrue(html.contains("<th>Cause</th><td>the request: its backup, its data or its scripts</td>"), html);
        assertTrue(html.contains("<b>An upgrade script failed on the data of your database.</b> This usually"), html);
        assertTrue(html.contains("The last 40 of 55 lines."));
        assertTrue(html.contains("line 55</pre>") && html.contains("line 16\n") && !html.contains("line 15\n"));
    }

    @Test
    void aFailureWithoutLogSaysSo() {
        String html = ReportRenderer.html(FailureReport.of(new UpgradeFailed("r-3", "report", "ARTIFACT:MISSING",
                "the facts of the run are gone", Instant.now(), ATTEMPT), null));

        assertTrue(html.contains("The run left no log."));
        assertTrue(html.contains("<th>Cause</th><td>the platform</td>"), html);
    }

    @Test
    void aFailureWithAReasonCodeOfANewerPartStillSaysWhatToDo() {
        String html = ReportRenderer.html(FailureReport.of(new UpgradeFailed("r-4", "upgrade", "SOMETHING:NEW",
                "a new check failed", Instant.now(), ATTEMPT), null));

        assertTrue(html.contains("<th>Cause</th><td>not known to this report</td>"), html);
        assertTrue(html.contains("<b>The upgrade stopped.</b> Read the message"), html);
    }

    /** The table row that names {@code cell}, from its opening tag to its end. */
    private static String row(String html, String cell) {
        Matcher m = Pattern.compile("<tr[^>]*><td>" + Pattern.quote(cell) + "[ <].*?</tr>").matcher(html);
        assertTrue(m.find(), "a row for " + cell);
        return m.group();
    }
}
