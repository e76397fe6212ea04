package org.juniper.upgrade.notification.model;

/**
 * What the invitation's templates show: a campaign's automatic test upgrade passed, and the requester chooses between
 * trying the test copy first and upgrading now.
 *
 * @param downloadUrl the neutralized test copy's link: a capability of its own, never the request's secret
 * @param linksValidUntil when the download and report links stop working
 * @param reportAttached false when the report was not in the store; the mail then only links it
 */
public record InvitationMail(String subject, String database, String sourceVersion, String targetVersion,
        String email, String downloadUrl, String reportUrl, String linksValidUntil, boolean reportAttached, ReportDigest report,
        String requestId) {
}
