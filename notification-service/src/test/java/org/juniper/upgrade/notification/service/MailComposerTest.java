package org.juniper.upgrade.notification.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.mailer.Mail;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.UUID;
import org.juniper.upgrade.events.ArtifactKeys;
import org.juniper.upgrade.events.Purpose;
import org.juniper.upgrade.events.StoredObject;
import org.juniper.upgrade.events.UpgradeCompleted;
import org.juniper.upgrade.events.RequestFailed;
import org.juniper.upgrade.notification.repository.Recipient;
import org.junit.jupiter.api.Test;

/** The mails' templates, rendered by the service's own composer; nothing is sent. */
@QuarkusTest
class MailComposerTest {
    /** The attempt every event of these tests belongs to. */
    private static final String ATTEMPT = "a1b2c3d4-0000-4000-8000-000000000001";
    @Inject
    MailComposer composer;

    @Test
    void textFromTheRunIsEscapedInTheHtmlPartAndKeptAsIsInThePlainText() {
        String id = UUID.randomUUID().toString();
        Mail mail = composer.failure(new RequestFailed(id, "acme", "upgrade", "RESTORE:FAILED",
                "psql: <script>alert('x')</script> & more", Instant.now(), ATTEMPT), recipient(id));

        assertTrue(mail.getHtml().contains("psql: &lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; more"),
                mail.getHtml());
        assertFalse(mail.getHtml().contains("<script>"));
        assertTrue(mail.getText().contains("psql: <script>alert('x')</script> & more"));
    }

    @Test
    void aRunThatLeftNoLogGetsAMailWithoutLogSection() {
        String id = UUID.randomUUID().toString();
        Mail mail = composer.failure(new RequestFailed(id, "acme", "upgrade", "TARGET:INVALID", "unknown version 99.0",
                Instant.now(), ATTEMPT), recipient(id));

        assertFalse(mail.getHtml().contains("The last lines of the log"));
        assertFalse(mail.getText().contains("The last lines of the log"));
        assertTrue(mail.getText().contains("This upgrade path is not available."));
    }

    @Test
    void aReasonCodeOfANewerPartStillGetsAMailThatTellsHowToGoOn() {
        String id = UUID.randomUUID().toString();
        Mail mail = composer.failure(new RequestFailed(id, "acme", "upgrade", "SOMETHING:NEW", "a new check failed",
                Instant.now(), ATTEMPT), recipient(id));

        assertTrue(mail.getText().contains("The upgrade stopped.\na new check failed"), mail.getText());
        assertTrue(mail.getHtml().contains("reason code <code>SOMETHING:NEW</code>"), mail.getHtml());
    }

    @Test
    void aReportGoneFromTheStoreLeavesTheAttachmentOutButNotTheLinks() {
        String id = UUID.randomUUID().toString();
        ArtifactKeys.AttemptKeys keys = ArtifactKeys.of(id).attempt(ATTEMPT);
        Mail mail = composer.success(new UpgradeCompleted(id, "acme", "14.0", "17.0", Purpose.PRODUCTION,
                new StoredObject(keys.upgraded(), "c".repeat(64), 10), keys.reportHtml(), keys.reportJson(),
                "/api/v1/requests/" + id + "/download", Instant.now(), ATTEMPT), recipient(id));

        assertEquals(0, mail.getAttachments().size());
        assertTrue(mail.getText().contains("The upgrade report is online.\n"), mail.getText());
        assertTrue(mail.getText().contains("/links/") && mail.getText().contains("/report\n"), mail.getText());
    }

    @Test
    void aMailIsInThePageLayoutTheReportSharesWithItsStylesInline() {
        String id = UUID.randomUUID().toString();
        String failure = composer.failure(new RequestFailed(id, "acme", "upgrade", "RESTORE:FAILED", "psql failed",
                Instant.now(), ATTEMPT), recipient(id)).getHtml();
        ArtifactKeys.AttemptKeys keys = ArtifactKeys.of(id).attempt(ATTEMPT);
        String success = composer.success(new UpgradeCompleted(id, "acme", "14.0", "17.0", Purpose.TEST,
                new StoredObject(keys.neutralized(), "c".repeat(64), 10), keys.reportHtml(), keys.reportJson(),
                "/api/v1/requests/" + id + "/download", Instant.now(), ATTEMPT), recipient(id)).getHtml();

        assertTrue(failure.contains("<div style=\"font-size:13px\">Juniper upgrade</div>")
                && failure.contains(">The upgrade failed</h1>") && failure.contains("background:#9b2c2c"), failure);
        assertTrue(success.contains(">Your test copy is ready</h1>") && success.contains("background:#2f5d3a"), success);
        assertTrue(success.contains(">Request " + id + " &middot; reply to this mail if you need help</td>"), success);
        // a client that drops the style sheet loses nothing but the phone's narrower margins
        assertEquals(1, success.split("<style").length - 1, success);
        assertTrue(success.contains("<style>@media (max-width:600px){.frame{"), success);
    }

    private static Recipient recipient(String id) {
        return new Recipient(id, "it@acme.example", "acme", "14.0", "17.0", "test");
    }
}
