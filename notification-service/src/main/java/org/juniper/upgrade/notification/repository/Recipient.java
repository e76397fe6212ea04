package org.juniper.upgrade.notification.repository;

/** The requester of one request, as announced by upgrade.requested. */
public record Recipient(String requestId, String email, String database, String sourceVersion, String targetVersion,
        String purpose) {
}
