package org.juniper.upgrade.notification.service;

import io.quarkus.mailer.Mail;
import io.quarkus.mailer.Mailer;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;
import org.juniper.upgrade.bindings.objectstore.ArtifactStore;
import org.juniper.upgrade.bindings.objectstore.MissingArtifactException;
import org.juniper.upgrade.events.UpgradeCompleted;
import org.juniper.upgrade.events.UpgradeFailed;
import org.juniper.upgrade.events.UpgradeRequested;
import org.juniper.upgrade.notification.config.NotificationConfig;
import org.juniper.upgrade.notification.repository.MailLedger;
import org.juniper.upgrade.notification.repository.Recipient;

/** Tells the requester the outcome: one success mail with link and report, or one failure mail with the reason. */
@ApplicationScoped
public class RequesterMails {
    private static final Logger LOG = Logger.getLogger(RequesterMails.class);

    private final MailLedger ledger;
    private final Mailer mailer;
    private final ArtifactStore store;
    private final NotificationConfig config;

    RequesterMails(MailLedger ledger, Mailer mailer, ArtifactStore store, NotificationConfig config) {
        this.ledger = ledger;
        this.mailer = mailer;
        this.store = store;
        this.config = config;
    }

    public void requested(UpgradeRequested r) throws Exception {
        ledger.remember(new Recipient(r.requestId(), r.requesterEmail(), r.database(), r.sourceVersion(),
                r.targetVersion(), r.purpose().code()));
    }

    public void completed(UpgradeCompleted c) throws Exception {
        Recipient to = recipient(c.requestId());
        String link = config.intakeUrl() + c.downloadPath();
        String reportLink = config.intakeUrl() + "/api/v1/requests/" + c.requestId() + "/report";
        String what = c.purpose().code().equals("test") ? "neutralized test copy" : "upgraded database";
        String subject = "[Juniper upgrade] " + c.database() + " " + c.sourceVersion() + " → " + c.targetVersion()
                + ": your " + what + " is ready";
        String html = MailTemplates.success(c.database(), c.sourceVersion(), c.targetVersion(), what, link,
                reportLink, c.requestId());
        Mail mail = Mail.withHtml(to.email(), subject, html)
                .setText(MailTemplates.plainSuccess(c.database(), c.targetVersion(), link, reportLink));
        try {
            mail.addAttachment("upgrade-report.html", store.readAllBytes(c.reportHtmlKey()), "text/html");
        } catch (MissingArtifactException e) {
            // the link in the mail still leads to the result; a missing attachment must not hold the mail back
            LOG.warnf("report of %s is missing; mailing without it", c.requestId());
        }
        boolean sent = ledger.sendOnce(c.requestId(), "success", () -> mailer.send(mail));
        log(sent, "success", c.requestId(), to.email());
    }

    public void failed(UpgradeFailed f) throws Exception {
        Recipient to = recipient(f.requestId());
        String subject = "[Juniper upgrade] " + to.database() + " " + to.sourceVersion() + " → " + to.targetVersion()
                + ": the upgrade failed";
        String html = MailTemplates.failure(to.database(), to.targetVersion(), f.stage(), f.reason(), f.message(),
                f.requestId());
        boolean sent = ledger.sendOnce(f.requestId(), "failure",
                () -> mailer.send(Mail.withHtml(to.email(), subject, html)));
        log(sent, "failure", f.requestId(), to.email());
    }

    private Recipient recipient(String requestId) throws Exception {
        // upgrade.requested comes long before any outcome; if it has not been read yet, the event is retried
        return ledger.recipient(requestId).orElseThrow(() -> new IllegalStateException(
                "no recipient known yet for request " + requestId));
    }

    private static void log(boolean sent, String kind, String requestId, String email) {
        if (sent) {
            LOG.infof("%s mail for %s sent to %s", kind, requestId, email);
        } else {
            LOG.infof("%s mail for %s was already sent; nothing sent again", kind, requestId);
        }
    }
}
