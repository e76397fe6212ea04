package org.juniper.upgrade.notification;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.juniper.upgrade.bindings.links.DownloadLinks;
import org.juniper.upgrade.bindings.objectstore.ArtifactStore;
import org.juniper.upgrade.bindings.testing.PlatformEvents;
import org.juniper.upgrade.events.ArtifactKeys;
import org.juniper.upgrade.events.Purpose;
import org.juniper.upgrade.events.StoredObject;
import org.juniper.upgrade.events.UpgradeCompleted;
import org.juniper.upgrade.events.RequestFailed;
import org.juniper.upgrade.events.UpgradeRequested;
import org.junit.jupiter.api.Test;

/** The requests of a rolling-release campaign: an invitation when the test upgrade passed, no mail when it failed. */
@QuarkusTest
@QuarkusTestResource(SmtpGate.class)
class CampaignInvitationTest {
    /** The attempt every event of these tests belongs to. */
    private static final String ATTEMPT = "a1b2c3d4-0000-4000-8000-000000000001";
    private static final String REPORT_HTML = "<!DOCTYPE html><html><body><h1>Upgrade report</h1></body></html>";

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @ConfigProperty(name = "juniper.mail-api.port", defaultValue = "15480")
    int mailApiPort;

    @ConfigProperty(name = "juniper.intake.url")
    String intakeUrl;

    @Inject
    DownloadLinks links;

    @Inject
    ArtifactStore store;

    @Test
    void aPassedCampaignTestUpgradeInvitesTheRequesterToTryTheCopyOrUpgradeNow() throws Exception {
        String id = UUID.randomUUID().toString();
        String email = "campaign-" + id + "@acme.example";
        store.put(ArtifactKeys.of(id).attempt(ATTEMPT).reportHtml(), REPORT_HTML.getBytes(StandardCharsets.UTF_8), "text/html");
        try (PlatformEvents platform = new PlatformEvents(bootstrapServers)) {
            platform.publish(requested(id, email));
            platform.publish(new UpgradeCompleted(id, "acme", "14.0", "17.0", Purpose.TEST,
                    new StoredObject(ArtifactKeys.of(id).attempt(ATTEMPT).neutralized(), "c".repeat(64), 10),
                    ArtifactKeys.of(id).attempt(ATTEMPT).reportHtml(), ArtifactKeys.of(id).attempt(ATTEMPT).reportJson(),
                    "/api/v1/requests/" + id + "/download", Instant.now(), ATTEMPT));
            await().atMost(Duration.ofSeconds(30)).until(() -> mailbox().messages(email).size() == 1);
        }

        Mailbox.Message mail = mailbox().messages(email).get(0);
        assertEquals("[Juniper upgrade] acme 14.0 → 17.0: the automatic test upgrade passed", mail.subject());
        for (String part : List.of(mail.part("text/html").text(), mail.part("text/plain").text())) {
            assertTrue(part.contains("The automatic test upgrade to 17.0 passed"), part);
            assertTrue(part.contains("Try the test copy first"), "choice one");
            MailLinks.link(part, intakeUrl, false, links, id, ATTEMPT);
            assertTrue(part.contains("Upgrade now") && part.contains("upgrade production -d acme -t 17.0"),
                    "choice two, with how");
            assertTrue(part.contains("open in any browser until"), "the links work without the request's secret");
            assertFalse(part.contains("Your test copy is ready"), "an invitation, not the usual mail");
        }
        assertArrayEquals(REPORT_HTML.getBytes(StandardCharsets.UTF_8),
                mail.attachment("upgrade-report.html").content(), "the report attached");
    }

    @Test
    void aFailedCampaignTestUpgradeMailsNobodyWhileTheRequestersOwnFailureIsMailed() throws Exception {
        String campaignRequest = UUID.randomUUID().toString();
        String ownRequest = UUID.randomUUID().toString();
        String email = "campaign-" + UUID.randomUUID() + "@acme.example";
        try (PlatformEvents platform = new PlatformEvents(bootstrapServers)) {
            platform.publish(requested(campaignRequest, email));
            platform.publish(new RequestFailed(campaignRequest, "acme", "upgrade", "MODULE:CUSTOM",
                    "module customer_loyalty is unknown to the pack", Instant.now(), ATTEMPT));
            // the same requester's own request, failed after it: its mail arriving means the first was decided
            platform.publish(new UpgradeRequested(ownRequest, "acme", "14.0", "17.0", Purpose.TEST, 0, email,
                    new StoredObject(ArtifactKeys.of(ownRequest).backup(), "a".repeat(64), 100), "zip",
                    Instant.now(), null, null, ATTEMPT));
            platform.publish(new RequestFailed(ownRequest, "acme", "upgrade", "MODULE:CUSTOM",
                    "module customer_loyalty is unknown to the pack", Instant.now(), ATTEMPT));
            await().atMost(Duration.ofSeconds(30)).until(() -> mailbox().messages(email).size() == 1);
            Thread.sleep(3000);
        }

        List<Mailbox.Message> mails = mailbox().messages(email);
        assertEquals(1, mails.size(), "only the requester's own failure is mailed");
        assertTrue(mails.get(0).raw().contains(ownRequest), "the mail is the own request's");
        assertFalse(mails.get(0).raw().contains(campaignRequest), "and says nothing of the campaign's");
    }

    private static UpgradeRequested requested(String id, String email) {
        return new UpgradeRequested(id, "acme", "14.0", "17.0", Purpose.TEST, -1, email,
                new StoredObject(ArtifactKeys.of(id).backup(), "a".repeat(64), 100), "zip", Instant.now(),
                UUID.randomUUID().toString(), null, ATTEMPT);
    }

    private Mailbox mailbox() {
        return new Mailbox(mailApiPort);
    }
}
