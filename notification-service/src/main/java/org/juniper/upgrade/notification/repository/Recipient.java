package org.juniper.upgrade.notification.repository;

/**
 * The requester of one request, as announced by upgrade.requested.
 *
 * @param campaign the rolling-release campaign the request belongs to, or null for the requester's own request
 */
public record Recipient(String requestId, String email, String database, String sourceVersion, String targetVersion,
        String purpose, String campaign) {

    public Recipient(String requestId, String email, String database, String sourceVersion, String targetVersion,
            String purpose) {
        this(requestId, email, database, sourceVersion, targetVersion, purpose, null);
    }
}
