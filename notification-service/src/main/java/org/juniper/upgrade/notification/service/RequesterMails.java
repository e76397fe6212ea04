package org.juniper.upgrade.notification.service;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.SQLException;
import org.jboss.logging.Logger;
import org.juniper.upgrade.bindings.tracing.RequestTracing;
import org.juniper.upgrade.events.CloudEvents;
import org.juniper.upgrade.events.EventData;
import org.juniper.upgrade.events.RequestFailed;
import org.juniper.upgrade.events.UpgradeCompleted;
import org.juniper.upgrade.events.UpgradeRequested;
import org.juniper.upgrade.notification.repository.MailQueue;
import org.juniper.upgrade.notification.repository.Recipient;
import org.juniper.upgrade.notification.repository.RecipientRepository;

/**
 * Decides which mail a request's outcome gets and queues it, once: the first outcome of each attempt of a request is
 * mailed (an operator's retry starts a new attempt), a redelivered or duplicated event adds nothing. Sending is {@link MailSender}'s, so that a mail server that is away
 * never holds up the consumers.
 */
@ApplicationScoped
public class RequesterMails {
    private static final Logger LOG = Logger.getLogger(RequesterMails.class);

    private final RecipientRepository recipients;
    private final MailQueue queue;
    private final RequestTracing tracing;

    RequesterMails(RecipientRepository recipients, MailQueue queue, RequestTracing tracing) {
        this.recipients = recipients;
        this.queue = queue;
        this.tracing = tracing;
    }

    /** The request's attempt tells a retry (a new attempt) from a redelivery or a re-queuing of the same one. */
    public void requested(UpgradeRequested r) throws SQLException {
        if (recipients.remember(new Recipient(r.requestId(), r.requesterEmail(), r.database(), r.sourceVersion(),
                r.targetVersion(), r.purpose().code(), r.campaign()), r.requestedAt(), r.attempt())) {
            LOG.infof("request %s was queued again; its new attempt will have its own outcome mail", r.requestId());
        }
    }

    public void completed(UpgradeCompleted c) throws SQLException {
        Recipient to = recipientOf(c);
        queue(c, to, to.campaign() == null ? MailQueue.SUCCESS : MailQueue.INVITATION);
    }

    public void failed(RequestFailed f) throws SQLException {
        Recipient to = recipientOf(f);
        if (to.campaign() != null) {
            // the customer did not ask for this run: the upgrade team sees it flagged in its campaign
            LOG.infof("request %s of campaign %s failed (%s); no mail", f.requestId(), to.campaign(), f.reason());
            return;
        }
        queue(f, to, MailQueue.FAILURE);
    }

    private Recipient recipientOf(EventData outcome) throws SQLException {
        // upgrade.requested comes long before any outcome; if it has not been read yet, the event is retried
        return recipients.find(outcome.requestId()).orElseThrow(() -> new IllegalStateException(
                "no recipient known yet for request " + outcome.requestId()));
    }

    private void queue(EventData outcome, Recipient to, String kind) throws SQLException {
        if (queue.enqueue(outcome.requestId(), kind, CloudEvents.toJson(outcome), tracing.current())) {
            LOG.infof("%s mail of %s queued for %s", kind, outcome.requestId(), to.email());
        } else {
            LOG.infof("request %s already has its outcome mail; no %s mail", outcome.requestId(), kind);
        }
    }
}
