package org.juniper.upgrade.notification.model;

/**
 * What the success mail's templates show.
 *
 * @param downloadUrl the archive's link; it asks for the requester's secret and never holds it
 * @param reportAttached false when the report was not in the store; the mail then only links it
 */
public record SuccessMail(String subject, String database, String sourceVersion, String targetVersion, boolean test,
        String downloadUrl, String reportUrl, boolean reportAttached, ReportDigest report, String requestId) {
}
