package org.juniper.upgrade.notification.model;

import java.util.List;

/**
 * What the failure mail's templates show.
 *
 * @param headline the reason in plain words
 * @param retry how to try again after this kind of failure
 * @param logTail the last lines of the run's log; empty when it left none
 * @param reportUrl the failure report on intake, opened by a link of its own until {@code linksValidUntil}
 * @param reportAttached whether the failure report was written in time to travel with the mail
 */
public record FailureMail(String subject, String database, String sourceVersion, String targetVersion, String stage,
        String reason, String message, String headline, String retry, List<String> logTail, String reportUrl, String linksValidUntil,
        boolean reportAttached, String requestId) {
}
