package org.juniper.upgrade.notification.repository;

import org.juniper.upgrade.bindings.tracing.TraceContext;

/**
 * A mail waiting to be sent: the outcome event it tells about and the requester it goes to.
 *
 * @param id the queue's own id of the mail
 * @param kind {@link MailQueue#SUCCESS}, {@link MailQueue#INVITATION} or {@link MailQueue#FAILURE}
 * @param event the data of the outcome event, as JSON
 * @param attempts sending attempts so far, this one included
 * @param queuedIn the trace of the outcome that queued the mail
 */
public record QueuedMail(long id, String requestId, String kind, String event, int attempts, Recipient recipient,
        TraceContext queuedIn) {
}
