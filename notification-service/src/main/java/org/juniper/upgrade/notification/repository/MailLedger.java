package org.juniper.upgrade.notification.repository;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** The service's own records: who asked for what, and which mails went out. */
@ApplicationScoped
public class MailLedger {
    private final AgroalDataSource dataSource;

    MailLedger(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    public void remember(Recipient r) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement sql = c.prepareStatement("""
                insert into recipient (request_id, email, database_name, source_version, target_version, purpose)
                values (?, ?, ?, ?, ?, ?) on conflict (request_id) do nothing""")) {
            sql.setObject(1, UUID.fromString(r.requestId()));
            sql.setString(2, r.email());
            sql.setString(3, r.database());
            sql.setString(4, r.sourceVersion());
            sql.setString(5, r.targetVersion());
            sql.setString(6, r.purpose());
            sql.executeUpdate();
        }
    }

    public Optional<Recipient> recipient(String requestId) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement sql = c.prepareStatement("""
                select email, database_name, source_version, target_version, purpose from recipient
                where request_id = ?""")) {
            sql.setObject(1, UUID.fromString(requestId));
            try (ResultSet rs = sql.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                return Optional.of(new Recipient(requestId, rs.getString(1), rs.getString(2), rs.getString(3),
                        rs.getString(4), rs.getString(5)));
            }
        }
    }

    /** What to do once the mail is claimed; throwing undoes the claim. */
    @FunctionalInterface
    public interface Delivery {
        void deliver() throws Exception;
    }

    /**
     * Claims the mail of this kind for this request and delivers it in one transaction: a second claim finds the row
     * and sends nothing; a failed delivery rolls the claim back so that a redelivered event tries again.
     *
     * @return false when the mail had already been sent
     */
    @Transactional(rollbackOn = Exception.class)
    public boolean sendOnce(String requestId, String kind, Delivery delivery) throws Exception {
        try (Connection c = dataSource.getConnection(); PreparedStatement sql = c.prepareStatement("""
                insert into sent_mail (request_id, kind, sent_at) values (?, ?, ?)
                on conflict (request_id, kind) do nothing""")) {
            sql.setObject(1, UUID.fromString(requestId));
            sql.setString(2, kind);
            sql.setTimestamp(3, Timestamp.from(Instant.now()));
            if (sql.executeUpdate() == 0) {
                return false;
            }
        }
        delivery.deliver();
        return true;
    }
}
