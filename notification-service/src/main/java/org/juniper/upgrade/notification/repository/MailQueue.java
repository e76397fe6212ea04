package org.juniper.upgrade.notification.repository;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import org.juniper.upgrade.bindings.tracing.TraceContext;

/**
 * The mails of the service, sent or waiting ({@code outgoing_mail}). An attempt of a request has at most one outcome
 * mail: queuing a second one, for a redelivered or duplicated event, finds the first and adds nothing. Every statement stands
 * alone; times come from the database's clock, shared by all replicas.
 */
@ApplicationScoped
public class MailQueue {
    public static final String SUCCESS = "success";
    public static final String FAILURE = "failure";
    /** The success of a campaign's automatic test upgrade: the requester is invited to upgrade. */
    public static final String INVITATION = "invitation";

    private final AgroalDataSource dataSource;

    MailQueue(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** @return false when the request already has its outcome mail, sent or waiting */
    public boolean enqueue(String requestId, String kind, String event, TraceContext trace) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement sql = c.prepareStatement("""
                insert into outgoing_mail (request_id, kind, event, traceparent, tracestate) values (?, ?, ?, ?, ?)
                on conflict do nothing""")) {
            sql.setObject(1, UUID.fromString(requestId));
            sql.setString(2, kind);
            sql.setString(3, event);
            sql.setString(4, trace.traceparent());
            sql.setString(5, trace.tracestate());
            return sql.executeUpdate() == 1;
        }
    }

    /**
     * Takes the mail that has waited longest for its turn, if any is due, and keeps it from other senders for
     * {@code lease}: if this sender dies meanwhile, another one takes the mail over when the lease ends.
     */
    public Optional<QueuedMail> claimNextDue(Duration lease) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement sql = c.prepareStatement("""
                with claimed as (
                    update outgoing_mail set attempts = attempts + 1,
                                             next_attempt_at = now() + make_interval(secs => ?)
                    where id = (
                        select id from outgoing_mail
                        where sent_at is null and next_attempt_at <= now()
                        order by next_attempt_at limit 1 for update skip locked)
                    returning id, request_id, kind, event, attempts, traceparent, tracestate)
                select m.request_id, m.kind, m.event, m.attempts,
                       r.email, r.database_name, r.source_version, r.target_version, r.purpose, r.campaign_id, m.id,
                       m.traceparent, m.tracestate
                from claimed m join recipient r on r.request_id = m.request_id""")) {
            sql.setDouble(1, lease.toMillis() / 1000.0);
            try (ResultSet rs = sql.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                String requestId = rs.getString(1);
                return Optional.of(new QueuedMail(rs.getLong(11), requestId, rs.getString(2), rs.getString(3),
                        rs.getInt(4),
                        new Recipient(requestId, rs.getString(5), rs.getString(6), rs.getString(7),
                                rs.getString(8), rs.getString(9), rs.getString(10)),
                        new TraceContext(rs.getString(12), rs.getString(13))));
            }
        }
    }

    /** @return the time from the request to this moment, when the request's time is known */
    public Optional<Duration> sent(QueuedMail mail) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement sql = c.prepareStatement("""
                update outgoing_mail m set sent_at = now(), last_error = null where id = ?
                returning extract(epoch from now() - (select r.requested_at from recipient r
                                                      where r.request_id = m.request_id))""")) {
            sql.setLong(1, mail.id());
            try (ResultSet rs = sql.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                double seconds = rs.getDouble(1);
                return rs.wasNull() || seconds <= 0 ? Optional.empty()
                        : Optional.of(Duration.ofMillis((long) (seconds * 1000)));
            }
        }
    }

    /** Puts the mail back in the queue, due again after {@code delay}. */
    public void retryLater(QueuedMail mail, Duration delay, String error) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement sql = c.prepareStatement("""
                update outgoing_mail set next_attempt_at = now() + make_interval(secs => ?), last_error = ?
                where id = ?""")) {
            sql.setDouble(1, delay.toMillis() / 1000.0);
            sql.setString(2, error);
            sql.setLong(3, mail.id());
            sql.executeUpdate();
        }
    }

    /** Mails not sent yet, for the gauge operations watch. */
    public long waiting() throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement sql = c.prepareStatement(
                "select count(*) from outgoing_mail where sent_at is null"); ResultSet rs = sql.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
