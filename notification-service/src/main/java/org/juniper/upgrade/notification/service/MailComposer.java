package org.juniper.upgrade.notification.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.quarkus.mailer.Mail;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.jboss.logging.Logger;
import org.juniper.upgrade.bindings.links.DownloadLinks;
import org.juniper.upgrade.bindings.objectstore.ArtifactStore;
import org.juniper.upgrade.bindings.objectstore.MissingArtifactException;
import org.juniper.upgrade.events.ArtifactKeys;
import org.juniper.upgrade.events.CloudEvents;
import org.juniper.upgrade.events.FailureReason;
import org.juniper.upgrade.events.Purpose;
import org.juniper.upgrade.events.UpgradeCompleted;
import org.juniper.upgrade.events.RequestFailed;
import org.juniper.upgrade.notification.config.NotificationConfig;
import org.juniper.upgrade.notification.model.FailureMail;
import org.juniper.upgrade.notification.model.InvitationMail;
import org.juniper.upgrade.notification.model.ReportDigest;
import org.juniper.upgrade.notification.model.SuccessMail;
import org.juniper.upgrade.notification.repository.MailQueue;
import org.juniper.upgrade.notification.repository.QueuedMail;
import org.juniper.upgrade.notification.repository.Recipient;

/**
 * Writes a queued mail at the moment it is sent, from its outcome event and what the store holds then: the report
 * (attached, and its digest for the text) or the run's log. An artifact that is gone leaves its part out; a store
 * that does not answer fails the attempt, which is retried like an SMTP failure.
 */
@ApplicationScoped
public class MailComposer {
    private static final Logger LOG = Logger.getLogger(MailComposer.class);
    static final String REPORT_ATTACHMENT = "upgrade-report.html";

    private static final DateTimeFormatter VALID_UNTIL = DateTimeFormatter.ofPattern("d MMMM yyyy, HH:mm 'UTC'",
            Locale.ENGLISH).withZone(ZoneOffset.UTC);

    private final ArtifactStore store;
    private final DownloadLinks links;
    private final NotificationConfig config;

    MailComposer(ArtifactStore store, DownloadLinks links, NotificationConfig config) {
        this.store = store;
        this.links = links;
        this.config = config;
    }

    public Mail compose(QueuedMail queued) throws JsonProcessingException {
        if (MailQueue.FAILURE.equals(queued.kind())) {
            return failure(CloudEvents.json().readValue(queued.event(), RequestFailed.class), queued.recipient());
        }
        UpgradeCompleted completed = CloudEvents.json().readValue(queued.event(), UpgradeCompleted.class);
        return MailQueue.INVITATION.equals(queued.kind()) ? invitation(completed, queued.recipient())
                : success(completed, queued.recipient());
    }

    Mail success(UpgradeCompleted c, Recipient to) {
        boolean test = c.purpose() == Purpose.TEST;
        Optional<byte[]> report = read(c.reportHtmlKey());
        Link link = link(c.requestId(), c.attempt());
        SuccessMail view = new SuccessMail(subject(c.database(), c.sourceVersion(), c.targetVersion(),
                test ? "your test copy is ready" : "your upgraded database is ready"), c.database(),
                c.sourceVersion(), c.targetVersion(), test, link.download(), link.report(), link.validUntil(),
                report.isPresent(),
                digest(c.reportJsonKey()), c.requestId());
        Mail mail = Mail.withHtml(to.email(), view.subject(), MailTemplates.successHtml(view).render())
                .setText(MailTemplates.successText(view).render());
        report.ifPresent(html -> mail.addAttachment(REPORT_ATTACHMENT, html, "text/html; charset=utf-8"));
        return mail;
    }

    Mail invitation(UpgradeCompleted c, Recipient to) {
        Optional<byte[]> report = read(c.reportHtmlKey());
        Link link = link(c.requestId(), c.attempt());
        InvitationMail view = new InvitationMail(subject(c.database(), c.sourceVersion(), c.targetVersion(),
                "the automatic test upgrade passed"), c.database(), c.sourceVersion(), c.targetVersion(), to.email(),
                link.download(), link.report(), link.validUntil(), report.isPresent(),
                digest(c.reportJsonKey()), c.requestId());
        Mail mail = Mail.withHtml(to.email(), view.subject(), MailTemplates.invitationHtml(view).render())
                .setText(MailTemplates.invitationText(view).render());
        report.ifPresent(html -> mail.addAttachment(REPORT_ATTACHMENT, html, "text/html; charset=utf-8"));
        return mail;
    }

    Mail failure(RequestFailed f, Recipient to) {
        FailureReason.Explanation explanation = FailureReason.explain(f.reason());
        // the report service writes the failure report from the same event; a mail sent before it has the link only
        ArtifactKeys.AttemptKeys keys = ArtifactKeys.of(f.requestId()).attempt(f.attempt());
        String reportKey = keys.reportHtml();
        Optional<byte[]> report = store.find(reportKey).map(found -> store.readAllBytes(reportKey));
        Link link = link(f.requestId(), f.attempt());
        FailureMail view = new FailureMail(subject(to.database(), to.sourceVersion(), to.targetVersion(),
                "the upgrade failed"), to.database(), to.sourceVersion(), to.targetVersion(), f.stage(), f.reason(),
                f.message(), explanation.headline(), explanation.retry(), logTail(keys),
                link.report(), link.validUntil(),
                report.isPresent(), f.requestId());
        Mail mail = Mail.withHtml(to.email(), view.subject(), MailTemplates.failureHtml(view).render())
                .setText(MailTemplates.failureText(view).render());
        report.ifPresent(html -> mail.addAttachment(REPORT_ATTACHMENT, html, "text/html; charset=utf-8"));
        return mail;
    }

    /** The mail's links: a capability of their own, for this attempt, minted each time the mail is written. */
    private Link link(String requestId, String attempt) {
        DownloadLinks.Capability capability = links.mint(UUID.fromString(requestId), UUID.fromString(attempt));
        String base = config.intakeUrl().replaceAll("/+$", "") + "/links/" + capability.token();
        return new Link(base, base + "/report", VALID_UNTIL.format(capability.expiresAt()));
    }

    private record Link(String download, String report, String validUntil) {
    }

    static String subject(String database, String from, String to, String outcome) {
        return "[Juniper upgrade] " + database + " " + from + " → " + to + ": " + outcome;
    }

    private ReportDigest digest(String reportJsonKey) {
        Optional<byte[]> json = read(reportJsonKey);
        if (json.isEmpty()) {
            return ReportDigest.NONE;
        }
        try {
            return ReportDigest.of(CloudEvents.json().readTree(json.get()));
        } catch (IOException e) {
            LOG.warnf("report %s is not JSON (%s); the mail only points at it", reportJsonKey, e.getMessage());
            return ReportDigest.NONE;
        }
    }

    /** The artifact, or nothing when it is gone: the link in the mail still leads to the result. */
    private Optional<byte[]> read(String key) {
        try {
            return Optional.of(store.readAllBytes(key));
        } catch (MissingArtifactException e) {
            LOG.warnf("%s is missing; mailing without it", key);
            return Optional.empty();
        }
    }

    private List<String> logTail(ArtifactKeys.AttemptKeys keys) {
        String key = keys.log();
        if (store.find(key).isEmpty()) {
            return List.of();
        }
        List<String> lines = new String(store.readAllBytes(key), StandardCharsets.UTF_8).strip().lines().toList();
        return lines.subList(Math.max(0, lines.size() - config.mail().logLines()), lines.size());
    }
}
