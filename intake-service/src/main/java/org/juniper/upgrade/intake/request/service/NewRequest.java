package org.juniper.upgrade.intake.request.service;

/** What a requester asks for; {@code sourceVersion} may be left to the backup's manifest. */
public record NewRequest(String contract, String email, String database, String targetVersion,
        String sourceVersion, String purpose) {
}
