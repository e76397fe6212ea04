package org.juniper.upgrade.report.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.StreamSupport;
import org.juniper.erp.JuniperPack;
import org.juniper.upgrade.events.Purpose;
import org.juniper.upgrade.events.UpgradeFailed;
import org.juniper.upgrade.report.SampleFacts;
import org.juniper.upgrade.report.model.FailureReport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The sample report in a real browser. A probe script, added to a copy of the page only (the report itself has no
 * script), measures what the browser laid out and writes it into the DOM that Chromium dumps. The screenshot lands
 * in target/report-sample.png; docs/report-sample.png is a copy of it.
 */
@QuarkusTest
class ReportInBrowserTest {
    /** The attempt every event of these tests belongs to. */
    private static final String ATTEMPT = "a1b2c3d4-0000-4000-8000-000000000001";
    private static final Path WORK = Path.of("target", "report-in-browser");
    private static final String PROBE = """
            <script>
            const visible = e => { const r = e.getBoundingClientRect(); return r.width > 0 && r.height > 0; };
            const bars = [...document.querySelectorAll('span[style*="height:8px"]')]
                .filter(b => parseFloat(b.style.width) > 0);
            const probe = document.createElement('pre');
            probe.id = 'probe';
            probe.textContent = JSON.stringify({
              sideScrolling: document.documentElement.scrollWidth > window.innerWidth,
              height: document.documentElement.scrollHeight,
              visibleHeadings: [...document.querySelectorAll('h2')].filter(visible).map(h => h.textContent),
              bars: bars.length,
              drawnBars: bars.filter(visible).length,
              checkboxes: [...document.querySelectorAll('.check li')].filter(visible).length,
              integrityRows: document.querySelectorAll('tr.diff').length,
              logLines: [...document.querySelectorAll('pre')].filter(visible)
                  .map(p => p.textContent.split('\\n').length)
            });
            document.body.appendChild(probe);
            </script>""";

    private static Path report;
    private static Path failureReport;
    private static Chromium chromium;

    @BeforeAll
    static void writeTheSampleReport() throws Exception {
        Files.createDirectories(WORK);
        chromium = new Chromium(WORK);
        String html = ReportRenderer.html(SampleFacts.report(new ReportComposer(JuniperPack.load()),
                SampleFacts.acme("5f0c7b8e-2d1a-4c3b-9e8f-7a6b5c4d3e2f", Purpose.TEST)));
        report = WORK.resolve("report-sample.html");
        Files.writeString(report, html, StandardCharsets.UTF_8);
        String log = IntStream.rangeClosed(1, 60).mapToObj(i -> "[upgrade] step " + i)
                .collect(Collectors.joining("\n"));
        failureReport = WORK.resolve("failure-report-sample.html");
        Files.writeString(failureReport, ReportRenderer.html(FailureReport.of(new UpgradeFailed(
                "5f0c7b8e-2d1a-4c3b-9e8f-7a6b5c4d3e2f", "upgrade", "UPGRADE:SCRIPT_FAILED",
                "upgrade script 16.0/sale/post-10-order-lines.sql failed: division by zero", Instant.now(), ATTEMPT), log)),
                StandardCharsets.UTF_8);
    }

    @Test
    void theBrowserShowsEverySectionWithItsChartsAndChecklist() throws Exception {
        JsonNode probe = probe(report, 1000, 2000);

        assertEquals(List.of("Summary", "Warnings", "What to test", "Modules", "What the upgrade changed",
                "Data integrity", "Neutralization", "Time"), texts(probe.path("visibleHeadings")));
        assertTrue(probe.path("bars").asInt() > 50, "the charts have bars: " + probe);
        assertEquals(probe.path("bars").asInt(), probe.path("drawnBars").asInt(), "every bar is drawn");
        assertEquals(19, probe.path("checkboxes").asInt(), "the checklist of a trading company with a web shop");
        assertEquals(6, probe.path("integrityRows").asInt(), "the six moved tables are highlighted");
        assertFalse(probe.path("sideScrolling").asBoolean(), "fits a desktop window");
    }

    @Test
    void aNarrowMailWindowShowsTheReportWithoutSideScrolling() throws Exception {
        JsonNode probe = probe(report, 420, 900);

        assertFalse(probe.path("sideScrolling").asBoolean(), "fits a phone-sized window");
        assertEquals(8, probe.path("visibleHeadings").size());
    }

    @Test
    void aScreenshotOfTheWholeReportIsTaken() throws Exception {
        int height = probe(report, 1000, 2000).path("height").asInt();
        Path png = Path.of("target", "report-sample.png");

        chromium.screenshot(report, 1000, height, png);

        byte[] header = new byte[24];
        try (InputStream in = Files.newInputStream(png)) {
            assertEquals(24, in.read(header));
        }
        assertEquals("PNG", new String(header, 1, 3, StandardCharsets.US_ASCII));
        assertEquals(1000, ByteBuffer.wrap(header, 16, 4).getInt(), "the picture's width");
        assertEquals(height, ByteBuffer.wrap(header, 20, 4).getInt(), "the whole page");
    }

    @Test
    void theFailureReportShowsWhatFailedAndTheEndOfTheLog() throws Exception {
        JsonNode probe = probe(failureReport, 1000, 1200);

        assertEquals(List.of("What failed", "What to do", "The end of the log"), texts(probe.path("visibleHeadings")));
        assertEquals(40, probe.path("logLines").get(0).asInt(), "the last 40 lines of the log");
        assertFalse(probe.path("sideScrolling").asBoolean());
    }

    private static JsonNode probe(Path page, int width, int height) throws Exception {
        Path probed = WORK.resolve("probed-" + width + "-" + page.getFileName());
        Files.writeString(probed, Files.readString(page).replace("</body>", PROBE + "</body>"));
        String dom = chromium.dumpDom(probed, width, height);
        Matcher m = Pattern.compile("<pre id=\"probe\">(.*?)</pre>", Pattern.DOTALL).matcher(dom);
        assertTrue(m.find(), "the probe ran in the page");
        return new ObjectMapper().readTree(m.group(1).replace("&quot;", "\"").replace("&amp;", "&"));
    }

    private static List<String> texts(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false).map(JsonNode::asText).toList();
    }
}
