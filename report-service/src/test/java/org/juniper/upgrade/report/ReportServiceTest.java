package org.juniper.upgrade.report;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.juniper.erp.JuniperPack;
import org.juniper.upgrade.bindings.objectstore.ArtifactStore;
import org.juniper.upgrade.bindings.testing.PlatformEvents;
import org.juniper.upgrade.events.ArtifactKeys;
import org.juniper.upgrade.events.CloudEvent;
import org.juniper.upgrade.events.CloudEvents;
import org.juniper.upgrade.events.DumpUpgraded;
import org.juniper.upgrade.events.Neutralized;
import org.juniper.upgrade.events.Purpose;
import org.juniper.upgrade.events.ReportReady;
import org.juniper.upgrade.events.StoredObject;
import org.juniper.upgrade.events.Topics;
import org.juniper.upgrade.events.UpgradeFailed;
import org.junit.jupiter.api.Test;

/** The report service on the real broker and S3 server: facts or a failure in, one report out. */
@QuarkusTest
class ReportServiceTest {
    /** The attempt every event of these tests belongs to. */
    private static final String ATTEMPT = "a1b2c3d4-0000-4000-8000-000000000001";
    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Inject
    ArtifactStore store;

    @Test
    void aTestCopysReportWaitsForTheNeutralizerIsWrittenOnceAndARedeliveryAnnouncesItAgain() throws Exception {
        String id = UUID.randomUUID().toString();
        ArtifactKeys.AttemptKeys keys = ArtifactKeys.of(id).attempt(ATTEMPT);
        storeFacts(id, Purpose.TEST);

        try (PlatformEvents platform = new PlatformEvents(bootstrapServers)) {
            platform.publish(dumpUpgraded(id, Purpose.TEST));
            assertEquals(List.of(), platform.read(Topics.REPORT_READY, id, Duration.ofSeconds(3), l -> false),
                    "a test copy's report waits for the neutralizer's counts");
            CloudEvent upgraded = platform.publish(new Neutralized(id, new StoredObject(keys.neutralized(),
                    "c".repeat(64), 10), SampleFacts.neutralized(SampleFacts.acme(id, Purpose.TEST)), ATTEMPT));
            List<PlatformEvents.Received> first = platform.read(Topics.REPORT_READY, id, Duration.ofSeconds(30),
                    l -> !l.isEmpty());
            String html = text(keys.reportHtml());
            platform.publish(upgraded);
            List<PlatformEvents.Received> both = platform.read(Topics.REPORT_READY, id, Duration.ofSeconds(30),
                    l -> l.size() == 2);

            assertEquals(1, first.size());
            ReportReady ready = CloudEvents.data(first.get(0).event(), ReportReady.class);
            assertEquals(keys.reportHtml(), ready.htmlKey());
            assertEquals(new ReportReady.Summary(35, 167_756, 6, 2), ready.summary());
            assertTrue(html.contains("<h2>What to test</h2>") && html.contains("ir_translation"));
            assertTrue(html.contains("acme_margin.sale_order_form_margin"), "the scripts' notes, read from facts.json");
            JsonNode json = CloudEvents.json().readTree(text(keys.reportJson()));
            assertEquals("upgraded", json.path("kind").asText());
            assertEquals(JuniperPack.load().neutralizationRules("17.0", SampleFacts.acme(id, Purpose.TEST)
                    .modulesAfter().keySet()).size(), json.path("neutralization").size(),
                    "the pack's rules for the upgraded modules");
            assertTrue(json.path("neutralization").get(1).path("rows").isNumber(), "with the rows of each");
            assertEquals("acme", json.path("facts").path("database").asText());
            assertEquals(SampleFacts.NOTES.size(), json.path("facts").path("notes").size());
            assertEquals(2, both.size(), "the redelivered event is announced again");
            assertEquals(html, text(keys.reportHtml()), "and the report is not rewritten");
        }
    }

    @Test
    void aFailedRunGetsAFailureReportWithTheEndOfItsLogThatIsStoredButNotAnnounced() throws Exception {
        String id = UUID.randomUUID().toString();
        ArtifactKeys.AttemptKeys keys = ArtifactKeys.of(id).attempt(ATTEMPT);
        store.put(keys.log(), IntStream.rangeClosed(1, 60).mapToObj(i -> "[upgrade] step " + i)
                .collect(Collectors.joining("\n")).getBytes(StandardCharsets.UTF_8), "text/plain");

        try (PlatformEvents platform = new PlatformEvents(bootstrapServers)) {
            platform.publish(new UpgradeFailed(id, "upgrade", "UPGRADE:SCRIPT_FAILED",
                    "upgrade script 16.0/sale/post-10-order-lines.sql failed: division by zero", Instant.now(), ATTEMPT));
            await().atMost(Duration.ofSeconds(30)).until(() -> store.find(keys.reportHtml()).isPresent());

            String html = text(keys.reportHtml());
            assertTrue(html.contains("The upgrade failed") && html.contains("division by zero"));
            assertTrue(html.contains("The last 40 of 60 lines.") && html.contains("step 60</pre>"));
            JsonNode json = CloudEvents.json().readTree(text(keys.reportJson()));
            assertEquals("failed", json.path("kind").asText());
            assertEquals("UPGRADE:SCRIPT_FAILED", json.path("failure").path("reason").asText());
            assertEquals(List.of(), platform.read(Topics.REPORT_READY, id, Duration.ofSeconds(3), l -> false),
                    "report-ready means an upgraded database; intake would count it towards completion");
        }
    }

    @Test
    void aProductionDatabasesReportIsWrittenFromTheFactsAlone() throws Exception {
        String id = UUID.randomUUID().toString();
        storeFacts(id, Purpose.PRODUCTION);

        try (PlatformEvents platform = new PlatformEvents(bootstrapServers)) {
            platform.publish(dumpUpgraded(id, Purpose.PRODUCTION));
            assertEquals(1, platform.read(Topics.REPORT_READY, id, Duration.ofSeconds(30), l -> !l.isEmpty()).size());
        }
        JsonNode json = CloudEvents.json().readTree(text(ArtifactKeys.of(id).attempt(ATTEMPT).reportJson()));
        assertEquals("upgraded", json.path("kind").asText());
        assertEquals(0, json.path("neutralization").size(), "a production database is not neutralized");
    }

    @Test
    void aTestCopyWhoseNeutralizationFailedGetsTheFailureReport() throws Exception {
        String id = UUID.randomUUID().toString();
        ArtifactKeys.AttemptKeys keys = ArtifactKeys.of(id).attempt(ATTEMPT);
        storeFacts(id, Purpose.TEST);

        try (PlatformEvents platform = new PlatformEvents(bootstrapServers)) {
            platform.publish(dumpUpgraded(id, Purpose.TEST));
            platform.publish(new UpgradeFailed(id, "neutralize", "NEUTRALIZE:RULES", "the rules do not fit the dump",
                    Instant.now(), ATTEMPT));
            await().atMost(Duration.ofSeconds(30)).until(() -> store.find(keys.reportHtml()).isPresent());
            assertEquals(List.of(), platform.read(Topics.REPORT_READY, id, Duration.ofSeconds(3), l -> false));
        }
        JsonNode json = CloudEvents.json().readTree(text(keys.reportJson()));
        assertEquals("failed", json.path("kind").asText());
        assertEquals("neutralize", json.path("failure").path("stage").asText());
    }

    private void storeFacts(String id, Purpose purpose) {
        store.put(ArtifactKeys.of(id).attempt(ATTEMPT).facts(), CloudEvents.toJson(SampleFacts.acme(id, purpose))
                .getBytes(StandardCharsets.UTF_8), "application/json");
    }

    private static DumpUpgraded dumpUpgraded(String id, Purpose purpose) {
        ArtifactKeys.AttemptKeys keys = ArtifactKeys.of(id).attempt(ATTEMPT);
        return new DumpUpgraded(id, purpose, "14.0", "17.0", new StoredObject(keys.upgraded(), "b".repeat(64),
                10), keys.facts(), keys.log(), Map.of(), ATTEMPT);
    }

    private String text(String key) {
        return new String(store.readAllBytes(key), StandardCharsets.UTF_8);
    }
}
