package org.juniper.upgrade.events;

import java.util.List;

/** Kafka topic names of the platform. Every event of one request is keyed by its request id. */
public final class Topics {
    /** The test lane of the workers' queue. */
    public static final String REQUESTED = "upgrade.requested";
    /** The production lane: production requests never wait behind a season of test requests. */
    public static final String REQUESTED_PRIORITY = "upgrade.requested.priority";
    public static final String PROGRESS = "upgrade.progress";
    public static final String DUMP_UPGRADED = "upgrade.dump-upgraded";
    public static final String NEUTRALIZED = "upgrade.neutralized";
    public static final String REPORT_READY = "upgrade.report-ready";
    public static final String FAILED = "upgrade.failed";
    public static final String COMPLETED = "upgrade.completed";
    /** An attempt stopped by operations or its requester; every part drops its run of it. */
    public static final String STOPPED = "upgrade.stopped";
    /** A request ended failed, as intake decided: the one failure a requester hears of. */
    public static final String REQUEST_FAILED = "upgrade.request-failed";
    /** Events no consumer could read; kept for operations to inspect. */
    public static final String DEAD_LETTER = "upgrade.dead-letter";

    public static final List<String> ALL =
            List.of(REQUESTED, REQUESTED_PRIORITY, PROGRESS, DUMP_UPGRADED, NEUTRALIZED, REPORT_READY, FAILED, COMPLETED,
                    STOPPED, REQUEST_FAILED, DEAD_LETTER);

    private Topics() {
    }
}
