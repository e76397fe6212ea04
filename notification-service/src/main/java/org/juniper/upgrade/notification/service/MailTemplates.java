package org.juniper.upgrade.notification.service;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import org.juniper.upgrade.notification.model.FailureMail;
import org.juniper.upgrade.notification.model.InvitationMail;
import org.juniper.upgrade.notification.model.SuccessMail;

/**
 * The mails' two parts, from src/main/resources/templates/MailTemplates/: HTML (escaped by Qute) and plain text.
 * Checked at build time against the records they show.
 */
@CheckedTemplate(basePath = "MailTemplates")
final class MailTemplates {
    private MailTemplates() {
    }

    static native TemplateInstance successHtml(SuccessMail mail);

    static native TemplateInstance successText(SuccessMail mail);

    static native TemplateInstance invitationHtml(InvitationMail mail);

    static native TemplateInstance invitationText(InvitationMail mail);

    static native TemplateInstance failureHtml(FailureMail mail);

    static native TemplateInstance failureText(FailureMail mail);
}
