package org.juniper.upgrade.report.service;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.juniper.upgrade.events.Purpose;
import org.juniper.upgrade.events.StoredObject;
import org.juniper.upgrade.events.UpgradeFacts;
import org.junit.jupiter.api.Test;

class ReportRendererTest {

    static UpgradeFacts facts(int tables, List<String> warnings) {
        List<UpgradeFacts.TableCount> counts = new ArrayList<>();
        counts.add(new UpgradeFacts.TableCount("res_partner", 120, 120));
        counts.add(new UpgradeFacts.TableCount("ir_translation", 800, -1));
        for (int i = 0; i < tables; i++) {
            counts.add(new UpgradeFacts.TableCount("x_table_" + i, i, i));
        }
        Map<String, Long> timings = new LinkedHashMap<>();
        timings.put("restore", 1200L);
        timings.put("upgrade", 3400L);
        timings.put("dump", 800L);
        return new UpgradeFacts("r-1", "acme<script>", "14.0", "17.0", Purpose.TEST,
                new StoredObject("requests/r-1/backup", "a".repeat(64), 4096), "zip",
                Map.of("base", "14.0.1.0", "website_legacy", "14.0.1.0"), Map.of("base", "17.0.1.0"),
                List.of(new UpgradeFacts.Hop("15.0", 1000, List.of(new UpgradeFacts.Script("base", "end",
                        "end-99-module-versions.sql", 3)))), counts, timings, 7, warnings);
    }

    @Test
    void theReportShowsSummaryModulesIntegrityAndTimesWithoutExternalAssets() {
        String html = ReportRenderer.html(facts(3, List.of("custom view disabled")));

        assertTrue(html.contains("<h2>Summary</h2>"));
        assertTrue(html.contains("14.0 &rarr; 17.0"));
        assertTrue(html.contains("website_legacy") && html.contains("removed"), "removed modules are listed");
        assertTrue(html.contains("ir_translation <span class=\"flag\">changed</span>"), "differences are flagged");
        assertTrue(html.contains("custom view disabled"));
        assertTrue(html.contains("Time per step") && html.contains("15.0"));
        assertFalse(html.contains("src=") || html.contains("href=\"http") || html.contains("<script"),
                "self-contained and inert");
    }

    @Test
    void customerTextIsEscaped() {
        String html = ReportRenderer.html(facts(0, List.of("<img src=x onerror=alert(1)>")));

        assertTrue(html.contains("acme&lt;script&gt;"));
        assertFalse(html.contains("<img"));
    }

    @Test
    void aLongListShowsItsFirstHundredRowsAndSaysHowManyThereAre() {
        String html = ReportRenderer.html(facts(250, List.of()));

        assertTrue(html.contains("Showing the first 100 of 252."), "252 tables in all");
        assertFalse(html.contains("x_table_0<"), "the smallest tables are cut");
    }
}
