package org.juniper.upgrade.notification.model;

/**
 * What the success mail's templates show.
 *
 * @param downloadUrl the archive's link: a capability of its own, never the requester's secret
 * @param linksValidUntil when the download and report links stop working
 * @param reportAttached false when the report was not in the store; the mail then only links it
 */
public record SuccessMail(String subject, String database, String sourceVersion, String targetVersion, boolean test,
        String downloadUrl, String reportUrl, String linksValidUntil, boolean reportAttached, ReportDigest report,
        String requestId) {
}
