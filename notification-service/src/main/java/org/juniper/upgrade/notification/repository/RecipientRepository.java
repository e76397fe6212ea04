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

    public void remember(Recipient r, Instant requestedAt) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement sql = c.prepareStatement("""
                insert into recipient (request_id, email, database_name, source_version, target_version, purpose,
                                       campaign_id, requested_at)
                values (?, ?, ?, ?, ?, ?, ?, ?) on conflict (request_id) do nothing""")) {
            sql.setObject(1, UUID.fromString(r.requestId()));
            sql.setString(2, r.email());
            sql.setString(3, r.database());
            sql.setString(4, r.sourceVersion());
            sql.setString(5, r.targetVersion());
            sql.setString(6, r.purpose());
            sql.setObject(7, r.campaign() == null ? null : UUID.fromString(r.campaign()));
            sql.setTimestamp(8, requestedAt == null ? null : Timestamp.from(requestedAt));
            sql.executeUpdate();
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
