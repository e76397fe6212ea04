package org.juniper.upgrade.notification;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.juniper.upgrade.bindings.links.DownloadLinks;
import org.juniper.upgrade.bindings.objectstore.ArtifactStore;
import org.juniper.upgrade.bindings.testing.PlatformEvents;
import org.juniper.upgrade.events.ArtifactKeys;
import org.juniper.upgrade.events.CloudEvent;
import org.juniper.upgrade.events.Purpose;
import org.juniper.upgrade.events.StoredObject;
import org.juniper.upgrade.events.UpgradeCompleted;
import org.juniper.upgrade.events.RequestFailed;
import org.juniper.upgrade.events.UpgradeRequested;
import org.junit.jupiter.api.Test;

/** Real SMTP (GreenMail, behind a gate), real broker, real PostgreSQL: one mail per request outcome. */
@QuarkusTest
@QuarkusTestResource(SmtpGate.class)
class NotificationServiceTest {
    /** The attempt every event of these tests belongs to. */
    private static final String ATTEMPT = "a1b2c3d4-0000-4000-8000-000000000001";
    /** Long enough for the sender, which looks every second, to have sent a second mail if it were to. */
    private static final Duration SECOND_MAIL_WINDOW = Duration.ofSeconds(3);
    private static final String REPORT_HTML = "<!DOCTYPE html><html><body><h1>Upgrade report</h1></body></html>";
    private static final String REPORT_JSON = """
            {"kind":"upgraded","summary":{"tables":34,"rows":166506,"differences":6,"warnings":2},
             "modules":{"upgraded":[{"module":"base"},{"module":"sale"}]},
             "neutralization":[
                {"module":"base","rule":"crons-off","effect":"updates ir_cron"},
                {"module":"payment","rule":"payment-providers-test","effect":"updates payment_acquirer"}]}""";

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

    @Inject
    AgroalDataSource dataSource;

    @Test
    void aTestCopyIsMailedOnceWithItsLinkReportAndWhatWasNeutralizedThoughTheEventCameThreeTimes() throws Exception {
        String id = UUID.randomUUID().toString();
        String email = email(id);
        storeReport(id);
        try (PlatformEvents platform = new PlatformEvents(bootstrapServers)) {
            platform.publish(requested(id, email, Purpose.TEST));
            CloudEvent completed = platform.publish(completed(id, Purpose.TEST));
            awaitMails(email, 1);
            platform.publish(completed);
            platform.publish(completed(id, Purpose.TEST));
            Thread.sleep(SECOND_MAIL_WINDOW.toMillis());
        }

        List<Mailbox.Message> mails = mailbox().messages(email);
        assertEquals(1, mails.size(), "one mail, though the outcome came three times");
        Mailbox.Message mail = mails.get(0);
        assertEquals(email, mail.to());
        assertEquals("[Juniper upgrade] acme 14.0 → 17.0: your test copy is ready", mail.subject());
        for (String part : List.of(mail.part("text/html").text(), mail.part("text/plain").text())) {
            MailLinks.link(part, intakeUrl, false, links, id, ATTEMPT);
            MailLinks.link(part, intakeUrl, true, links, id, ATTEMPT);
            assertTrue(part.contains("What was neutralized") && part.contains("crons-off")
                    && part.contains("payment-providers-test"), "the neutralization, read from the report");
            assertTrue(part.contains("2 modules upgraded, 6 tables with other record counts, 2 warnings"));
            assertTrue(part.contains("Next steps") && part.contains("ask for the production upgrade"));
        }
        assertArrayEquals(REPORT_HTML.getBytes(StandardCharsets.UTF_8),
                mail.attachment("upgrade-report.html").content(), "the report attached");
    }

    @Test
    void aProductionUpgradeIsMailedWithTheStepsToGoLive() throws Exception {
        String id = UUID.randomUUID().toString();
        String email = email(id);
        storeReport(id);
        try (PlatformEvents platform = new PlatformEvents(bootstrapServers)) {
            platform.publish(requested(id, email, Purpose.PRODUCTION));
            platform.publish(completed(id, Purpose.PRODUCTION));
            awaitMails(email, 1);
        }

        Mailbox.Message mail = mailbox().messages(email).get(0);
        assertEquals("[Juniper upgrade] acme 14.0 → 17.0: your upgraded database is ready", mail.subject());
        for (String part : List.of(mail.part("text/html").text(), mail.part("text/plain").text())) {
            assertTrue(part.contains("Restore the upgraded database in its place"), part);
            assertFalse(part.contains("neutralized"), "production databases are not neutralized");
        }
        assertNotNull(mail.attachment("upgrade-report.html"));
    }

    @Test
    void aFailedRequestIsMailedWithTheReasonInPlainWordsTheEndOfTheLogAndHowToTryAgain() throws Exception {
        String id = UUID.randomUUID().toString();
        String email = email(id);
        store.put(ArtifactKeys.of(id).attempt(ATTEMPT).log(), IntStream.rangeClosed(1, 30).mapToObj(i -> "[upgrade] line " + i)
                .collect(Collectors.joining("\n")).getBytes(StandardCharsets.UTF_8), "text/plain");
        byte[] failureReport = "<h1>The upgrade failed</h1>".getBytes(StandardCharsets.UTF_8);
        store.put(ArtifactKeys.of(id).attempt(ATTEMPT).reportHtml(), failureReport, "text/html");
        try (PlatformEvents platform = new PlatformEvents(bootstrapServers)) {
            platform.publish(requested(id, email, Purpose.TEST));
            platform.publish(new RequestFailed(id, "acme", "upgrade", "UPGRADE:SCRIPT_FAILED",
                    "upgrade script 16.0/sale/post-10-order-lines.sql failed: division by zero", Instant.now(), ATTEMPT));
            awaitMails(email, 1);
        }

        Mailbox.Message mail = mailbox().messages(email).get(0);
        assertEquals("[Juniper upgrade] acme 14.0 → 17.0: the upgrade failed", mail.subject());
        for (String part : List.of(mail.part("text/html").text(), mail.part("text/plain").text())) {
            assertTrue(part.contains("An upgrade script failed on the data of your database."), "plain words");
            assertTrue(part.contains("post-10-order-lines.sql failed: division by zero"), "the stage's message");
            assertTrue(part.contains("line 30") && part.contains("line 16") && !part.contains("line 15\n"),
                    "the last 15 lines of the log");
            assertTrue(part.contains("How to try again") && part.contains("submit a new request with the same "
                    + "backup"));
            MailLinks.link(part, intakeUrl, true, links, id, ATTEMPT);
        }
        assertArrayEquals(failureReport, mail.attachment("upgrade-report.html").content(), "the failure report travels");
    }

    @Test
    void aRequestRetriedByOperationsAfterItsFailureMailGetsItsSuccessMailAndNothingMore() throws Exception {
        String id = UUID.randomUUID().toString();
        String email = email(id);
        storeReport(id);
        try (PlatformEvents platform = new PlatformEvents(bootstrapServers)) {
            CloudEvent first = platform.publish(requested(id, email, Purpose.TEST));
            platform.publish(new RequestFailed(id, "acme", "upgrade", "RESTORE:FAILED", "the scratch server was away",
                    Instant.now(), ATTEMPT));
            awaitMails(email, 1);
            platform.publish(first);
            String retry = UUID.randomUUID().toString();
            platform.publish(requested(id, email, Purpose.TEST, retry));
            // a retried run takes its time: its outcome comes long after its upgrade.requested has been read
            await().atMost(Duration.ofSeconds(30)).until(() -> retry.equals(requestedEvent(id)));
            platform.publish(completed(id, Purpose.TEST));
            awaitMails(email, 2);
            platform.publish(completed(id, Purpose.TEST));
            Thread.sleep(SECOND_MAIL_WINDOW.toMillis());
        }

        List<Mailbox.Message> mails = mailbox().messages(email);
        assertEquals(2, mails.size(), "one mail per attempt: the failure, then the success of the retry");
        assertTrue(mails.stream().anyMatch(m -> m.subject().endsWith("the upgrade failed")));
        assertTrue(mails.stream().anyMatch(m -> m.subject().endsWith("your test copy is ready")));
    }

    @Test
    void aFailureAfterTheSuccessMailSendsNoSecondMail() throws Exception {
        String id = UUID.randomUUID().toString();
        String email = email(id);
        storeReport(id);
        try (PlatformEvents platform = new PlatformEvents(bootstrapServers)) {
            platform.publish(requested(id, email, Purpose.TEST));
            platform.publish(completed(id, Purpose.TEST));
            awaitMails(email, 1);
            platform.publish(new RequestFailed(id, "acme", "report", "ARTIFACT:MISSING", "the facts are gone",
                    Instant.now(), ATTEMPT));
            Thread.sleep(SECOND_MAIL_WINDOW.toMillis());
        }

        assertEquals(1, mailbox().messages(email).size(), "one outcome, one mail");
    }

    @Test
    void aMailWaitsWhileTheMailServerIsAwayAndArrivesOnceWhenItIsBack() throws Exception {
        String id = UUID.randomUUID().toString();
        String email = email(id);
        storeReport(id);
        SmtpGate.current.close();
        try (PlatformEvents platform = new PlatformEvents(bootstrapServers)) {
            platform.publish(requested(id, email, Purpose.TEST));
            platform.publish(completed(id, Purpose.TEST));
            await().atMost(Duration.ofSeconds(30)).until(() -> attempts(id) >= 3);
            assertEquals(0, mailbox().messages(email).size(), "nothing went through while the server was away");
        } finally {
            SmtpGate.current.open();
        }

        awaitMails(email, 1);
        Thread.sleep(SECOND_MAIL_WINDOW.toMillis());
        assertEquals(1, mailbox().messages(email).size(), "delayed, neither lost nor doubled");
    }

    private void storeReport(String id) {
        ArtifactKeys.AttemptKeys keys = ArtifactKeys.of(id).attempt(ATTEMPT);
        store.put(keys.reportJson(), REPORT_JSON.getBytes(StandardCharsets.UTF_8), "application/json");
        store.put(keys.reportHtml(), REPORT_HTML.getBytes(StandardCharsets.UTF_8), "text/html");
    }

    private String requestedEvent(String id) throws Exception {
        try (Connection c = dataSource.getConnection(); PreparedStatement sql = c.prepareStatement(
                "select requested_event from recipient where request_id = ?::uuid")) {
            sql.setString(1, id);
            try (ResultSet rs = sql.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }

    private static String email(String id) {
        return "notify-" + id + "@acme.example";
    }

    private static UpgradeRequested requested(String id, String email, Purpose purpose) {
        return requested(id, email, purpose, ATTEMPT);
    }

    private static UpgradeRequested requested(String id, String email, Purpose purpose, String attempt) {
        return new UpgradeRequested(id, "acme", "14.0", "17.0", purpose, 0, email,
                new StoredObject(ArtifactKeys.of(id).backup(), "a".repeat(64), 100), "zip", Instant.now(), null, null, attempt);
    }

    private static UpgradeCompleted completed(String id, Purpose purpose) {
        ArtifactKeys.AttemptKeys keys = ArtifactKeys.of(id).attempt(ATTEMPT);
        return new UpgradeCompleted(id, "acme", "14.0", "17.0", purpose, new StoredObject(
                purpose == Purpose.TEST ? keys.neutralized() : keys.upgraded(), "c".repeat(64), 10),
                keys.reportHtml(), keys.reportJson(), "/api/v1/requests/" + id + "/download", Instant.now(), ATTEMPT);
    }

    private Mailbox mailbox() {
        return new Mailbox(mailApiPort);
    }

    private void awaitMails(String email, int count) {
        await().atMost(Duration.ofSeconds(30)).until(() -> mailbox().messages(email).size() == count);
    }

    private int attempts(String id) throws Exception {
        try (Connection c = dataSource.getConnection();
                PreparedStatement sql = c.prepareStatement("select attempts from outgoing_mail where request_id = ?")) {
            sql.setObject(1, UUID.fromString(id));
            try (ResultSet rs = sql.executeQuery()) {
                return rs.next() ? rs.getInt(1) : 0;
            }
        }
    }
}
