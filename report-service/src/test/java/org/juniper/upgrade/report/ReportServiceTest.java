package org.juniper.upgrade.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.juniper.upgrade.bindings.objectstore.ArtifactStore;
import org.juniper.upgrade.bindings.testing.PlatformEvents;
import org.juniper.upgrade.events.ArtifactKeys;
import org.juniper.upgrade.events.CloudEvent;
import org.juniper.upgrade.events.CloudEvents;
import org.juniper.upgrade.events.DumpUpgraded;
import org.juniper.upgrade.events.Purpose;
import org.juniper.upgrade.events.ReportReady;
import org.juniper.upgrade.events.StoredObject;
import org.juniper.upgrade.events.Topics;
import org.juniper.upgrade.events.UpgradeFacts;
import org.junit.jupiter.api.Test;

/** The report service on the real broker and S3 server: facts in, report out, once. */
@QuarkusTest
class ReportServiceTest {
    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Inject
    ArtifactStore store;

    @Test
    void theReportIsBuiltFromTheFactsAndARedeliveryAnnouncesTheSameReport() throws Exception {
        String id = UUID.randomUUID().toString();
        ArtifactKeys keys = ArtifactKeys.of(id);
        UpgradeFacts facts = new UpgradeFacts(id, "acme", "14.0", "17.0", Purpose.TEST,
                new StoredObject(keys.backup(), "a".repeat(64), 100), "zip", Map.of("base", "14.0.1.0"),
                Map.of("base", "17.0.1.0"), List.of(), List.of(new UpgradeFacts.TableCount("res_partner", 5, 5)),
                Map.of("restore", 10L), 0, List.of());
        store.put(keys.facts(), CloudEvents.toJson(facts).getBytes(StandardCharsets.UTF_8), "application/json");

        try (PlatformEvents platform = new PlatformEvents(bootstrapServers)) {
            CloudEvent upgraded = platform.publish(new DumpUpgraded(id, Purpose.TEST, "14.0", "17.0",
                    new StoredObject(keys.upgraded(), "b".repeat(64), 10), keys.facts(), keys.log(), Map.of()));
            List<PlatformEvents.Received> first = platform.read(Topics.REPORT_READY, id, Duration.ofSeconds(30),
                    l -> !l.isEmpty());
            String html = new String(store.readAllBytes(keys.reportHtml()), StandardCharsets.UTF_8);
            platform.publish(upgraded);
            List<PlatformEvents.Received> both = platform.read(Topics.REPORT_READY, id, Duration.ofSeconds(30),
                    l -> l.size() == 2);

            assertEquals(1, first.size());
            ReportReady ready = CloudEvents.data(first.get(0).event(), ReportReady.class);
            assertEquals(keys.reportHtml(), ready.htmlKey());
            assertEquals(1, ready.summary().tables());
            assertTrue(html.contains("res_partner"));
            assertTrue(new String(store.readAllBytes(keys.reportJson()), StandardCharsets.UTF_8).contains("\"facts\""));
            assertEquals(2, both.size(), "the redelivered event is announced again");
            assertEquals(html, new String(store.readAllBytes(keys.reportHtml()), StandardCharsets.UTF_8),
                    "and the report is not rewritten");
        }
    }
}
