package org.juniper.upgrade.report.model;

import java.util.List;
import org.juniper.upgrade.events.UpgradeFailed;

/**
 * The report of a run that failed before the upgraded database existed: what failed, where, and the end of the log.
 *
 * @param logLines lines in the run's log; 0 when it left none
 * @param logTail its last lines
 */
public record FailureReport(String kind, UpgradeFailed failure, int logLines, List<String> logTail) {
    public static final String KIND = "failed";
    /** Lines of the log a failure report shows. */
    public static final int TAIL_LINES = 40;

    public static FailureReport of(UpgradeFailed failure, String log) {
        List<String> lines = log == null || log.isBlank() ? List.of() : log.strip().lines().toList();
        return new FailureReport(KIND, failure, lines.size(),
                lines.subList(Math.max(0, lines.size() - TAIL_LINES), lines.size()));
    }
}
