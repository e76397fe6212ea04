package org.juniper.upgrade.notification.service;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.opentelemetry.api.trace.SpanKind;
import io.quarkus.mailer.reactive.ReactiveMailer;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Optional;
import org.jboss.logging.Logger;
import org.juniper.upgrade.bindings.tracing.RequestTracing;
import org.juniper.upgrade.notification.config.NotificationConfig;
import org.juniper.upgrade.notification.repository.MailQueue;
import org.juniper.upgrade.notification.repository.QueuedMail;

/**
 * Sends the queued mails. A failed attempt (SMTP server away or refusing, store away) puts the mail back with a
 * wait that doubles each time up to a ceiling, for as long as it takes: mails wait, none is lost, and none holds
 * up the consumers. Several replicas share the queue; a claimed mail is theirs alone for the lease.
 */
@ApplicationScoped
public class MailSender {
    private static final Logger LOG = Logger.getLogger(MailSender.class);

    private final MailQueue queue;
    private final MailComposer composer;
    private final ReactiveMailer mailer;
    private final NotificationConfig.Mail config;
    private final Timer requestToMail;
    private final RequestTracing tracing;

    MailSender(MailQueue queue, MailComposer composer, ReactiveMailer mailer, NotificationConfig config,
            MeterRegistry registry, RequestTracing tracing) {
        this.queue = queue;
        this.tracing = tracing;
        this.composer = composer;
        this.mailer = mailer;
        this.config = config.mail();
        Gauge.builder("juniper.mails.waiting", queue, MailSender::waiting)
                .description("mails queued and not sent yet").register(registry);
        this.requestToMail = Timer.builder("juniper.request.to.mail")
                .description("time from a request to its outcome mail leaving for the requester").register(registry);
    }

    @Scheduled(every = "${juniper.notification.mail.poll-interval}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void sendDue() throws SQLException {
        Optional<QueuedMail> next;
        while ((next = queue.claimNextDue(config.lease())).isPresent()) {
            QueuedMail mail = next.get();
            // the mail leaves in the trace of the outcome that queued it
            tracing.inRequest("mail " + mail.kind(), SpanKind.CLIENT, mail.requestId(),
                    tracing.contextOf(mail.queuedIn()), () -> send(mail));
        }
    }

    private void send(QueuedMail mail) throws SQLException {
        try {
            mailer.send(composer.compose(mail)).await().atMost(config.sendTimeout());
        } catch (Exception e) {
            Duration wait = backoff(mail.attempts(), config.firstRetry(), config.maxRetry());
            LOG.warnf("%s mail of %s to %s not sent (attempt %d: %s); next attempt in %s", mail.kind(),
                    mail.requestId(), mail.recipient().email(), mail.attempts(), e, wait);
            queue.retryLater(mail, wait, e.toString());
            return;
        }
        queue.sent(mail).ifPresent(requestToMail::record);
        LOG.infof("%s mail of %s sent to %s (attempt %d)", mail.kind(), mail.requestId(), mail.recipient().email(),
                mail.attempts());
    }

    /** The wait after {@code attempts} failed attempts: {@code first}, doubled each time, at most {@code max}. */
    static Duration backoff(int attempts, Duration first, Duration max) {
        Duration wait = first;
        for (int i = 1; i < attempts && wait.compareTo(max) < 0; i++) {
            wait = wait.multipliedBy(2);
        }
        return wait.compareTo(max) > 0 ? max : wait;
    }

    private static double waiting(MailQueue queue) {
        try {
            return queue.waiting();
        } catch (SQLException e) {
            return Double.NaN;
        }
    }
}
