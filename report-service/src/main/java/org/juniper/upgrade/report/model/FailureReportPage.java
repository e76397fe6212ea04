package org.juniper.upgrade.report.model;

/**
 * The failure report as its HTML shows it, from a {@link FailureReport}; the template
 * {@code ReportTemplates/failed.html} lays it out and escapes every text.
 *
 * @param cause whose side the cause is on, in words
 * @param logCut "The last 40 of 55 lines." when the log was longer than its tail, else null
 * @param log the tail of the log, one line a line; empty when the run left none
 */
public record FailureReportPage(String requestId, String stage, String message, String reason, String cause,
        String at, String headline, String retry, String logCut, String log) {
}
