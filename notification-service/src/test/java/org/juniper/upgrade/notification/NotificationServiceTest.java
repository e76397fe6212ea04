package org.juniper.upgrade.notification;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.juniper.upgrade.bindings.objectstore.ArtifactStore;
import org.juniper.upgrade.bindings.testing.PlatformEvents;
import org.juniper.upgrade.events.ArtifactKeys;
import org.juniper.upgrade.events.CloudEvent;
import org.juniper.upgrade.events.Purpose;
import org.juniper.upgrade.events.StoredObject;
import org.juniper.upgrade.events.UpgradeCompleted;
import org.juniper.upgrade.events.UpgradeFailed;
import org.juniper.upgrade.events.UpgradeRequested;
import org.junit.jupiter.api.Test;

/** Real SMTP (GreenMail), real broker, real PostgreSQL: the requester gets one mail per outcome. */
@QuarkusTest
class NotificationServiceTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @ConfigProperty(name = "juniper.mail-api.port", defaultValue = "15480")
    int mailApiPort;

    @Inject
    ArtifactStore store;

    @Test
    void aCompletedRequestIsMailedOnceWithItsLinkAndReportEvenWhenTheEventComesTwice() throws Exception {
        String id = UUID.randomUUID().toString();
        String email = "notify-" + id + "@acme.example";
        ArtifactKeys keys = ArtifactKeys.of(id);
        store.put(keys.reportHtml(), "<html><body>report of acme</body></html>".getBytes(StandardCharsets.UTF_8),
                "text/html");
        try (PlatformEvents platform = new PlatformEvents(bootstrapServers)) {
            platform.publish(requested(id, email));
            CloudEvent completed = platform.publish(new UpgradeCompleted(id, "acme", "14.0", "17.0", Purpose.TEST,
                    new StoredObject(keys.neutralized(), "c".repeat(64), 10), keys.reportHtml(), keys.reportJson(),
                    "/api/v1/requests/" + id + "/download", Instant.now()));
            await().atMost(Duration.ofSeconds(30)).until(() -> mails(email).size() == 1);
            platform.publish(completed);
            Thread.sleep(3000);
        }

        JsonNode mails = mails(email);
        assertEquals(1, mails.size(), "one mail, though the event came twice");
        String subject = mails.get(0).path("subject").asText();
        String raw = mails.get(0).path("mimeMessage").asText();
        assertTrue(subject.contains("acme") && subject.contains("17.0"), subject);
        assertTrue(raw.contains("/api/v1/requests/" + id + "/download"), "the download link");
        assertTrue(raw.contains("upgrade-report.html"), "the report attached");
    }

    @Test
    void aFailedRequestIsMailedWithItsReason() throws Exception {
        String id = UUID.randomUUID().toString();
        String email = "notify-" + id + "@acme.example";
        try (PlatformEvents platform = new PlatformEvents(bootstrapServers)) {
            platform.publish(requested(id, email));
            platform.publish(new UpgradeFailed(id, "upgrade", "RESTORE:FAILED", "the dump does not restore",
                    Instant.now()));
            await().atMost(Duration.ofSeconds(30)).until(() -> mails(email).size() == 1);
        }
        JsonNode mail = mails(email).get(0);
        assertTrue(mail.path("subject").asText().contains("failed"));
        assertTrue(mail.path("mimeMessage").asText().contains("RESTORE:FAILED"));
    }

    private static UpgradeRequested requested(String id, String email) {
        return new UpgradeRequested(id, "acme", "14.0", "17.0", Purpose.TEST, 0, email,
                new StoredObject(ArtifactKeys.of(id).backup(), "a".repeat(64), 100), "zip", Instant.now());
    }

    private JsonNode mails(String email) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                "http://127.0.0.1:" + mailApiPort + "/api/user/" + email + "/messages/")).build(),
                HttpResponse.BodyHandlers.ofString());
        return response.statusCode() == 200 ? JSON.readTree(response.body()) : JSON.createArrayNode();
    }
}
