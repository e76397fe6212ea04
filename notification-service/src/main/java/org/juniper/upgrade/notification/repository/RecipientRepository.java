package org.juniper.upgrade.notification.repository;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** Who asked for what, learnt from upgrade.requested: the requester's address travels on no other event. */
@ApplicationScoped
public class RecipientRepository {
    private final AgroalDataSource dataSource;

    RecipientRepository(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * Records the requester of {@code attempt} (kept in {@code requested_event}). Another attempt of a request already
     * known is an operator's retry (a redelivery or a re-queuing names the same attempt): the outcome mails of the
     * earlier attempts, sent or waiting, are superseded in the same statement, so that the new attempt gets its own.
     * Handlers run unordered, so an earlier attempt redelivered after a later one is told by its older request time
     * and changes nothing.
     *
     * @return true when the attempt is another one than the request's last
     */
    public boolean remember(Recipient r, Instant requestedAt, String attempt) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement sql = c.prepareStatement("""
                with attempt as (
                    insert into recipient as known (request_id, email, database_name, source_version,
                                                    target_version, purpose, campaign_id, requested_at,
                                                    requested_event)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?)
                    on conflict (request_id) do update set requested_event = excluded.requested_event,
                                                           requested_at = excluded.requested_at
                        where known.requested_event is distinct from excluded.requested_event
                          and (known.requested_at is null or excluded.requested_at > known.requested_at)
                    returning request_id, xmax <> 0 as retry),
                superseded as (
                    update outgoing_mail set superseded = true
                    where request_id = (select request_id from attempt where retry) and not superseded)
                select retry from attempt""")) {
            sql.setObject(1, UUID.fromString(r.requestId()));
            sql.setString(2, r.email());
            sql.setString(3, r.database());
            sql.setString(4, r.sourceVersion());
            sql.setString(5, r.targetVersion());
            sql.setString(6, r.purpose());
            sql.setObject(7, r.campaign() == null ? null : UUID.fromString(r.campaign()));
            sql.setTimestamp(8, requestedAt == null ? null : Timestamp.from(requestedAt));
            sql.setString(9, attempt);
            try (ResultSet rs = sql.executeQuery()) {
                // no row: the same event again; a new row (xmax 0): the first attempt; an updated one: a retry
                return rs.next() && rs.getBoolean(1);
            }
        }
    }

    public Optional<Recipient> find(String requestId) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement sql = c.prepareStatement("""
                select email, database_name, source_version, target_version, purpose, campaign_id from recipient
                where request_id = ?""")) {
            sql.setObject(1, UUID.fromString(requestId));
            try (ResultSet rs = sql.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                return Optional.of(new Recipient(requestId, rs.getString(1), rs.getString(2), rs.getString(3),
                        rs.getString(4), rs.getString(5), rs.getString(6)));
            }
        }
    }
}
