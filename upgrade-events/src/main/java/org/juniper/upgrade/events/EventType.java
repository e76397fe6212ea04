package org.juniper.upgrade.events;

import java.util.Arrays;
import java.util.Optional;

/** The CloudEvents {@code type} of each event, the topic it travels on and the record its data binds to. */
public enum EventType {
    REQUESTED("requested", Topics.REQUESTED, UpgradeRequested.class),
    PROGRESS("progress", Topics.PROGRESS, UpgradeProgress.class),
    DUMP_UPGRADED("dump-upgraded", Topics.DUMP_UPGRADED, DumpUpgraded.class),
    NEUTRALIZED("neutralized", Topics.NEUTRALIZED, Neutralized.class),
    REPORT_READY("report-ready", Topics.REPORT_READY, ReportReady.class),
    FAILED("failed", Topics.FAILED, UpgradeFailed.class),
    COMPLETED("completed", Topics.COMPLETED, UpgradeCompleted.class),
    STOPPED("stopped", Topics.STOPPED, RunStopped.class),
    REQUEST_FAILED("request-failed", Topics.REQUEST_FAILED, RequestFailed.class);

    private final String shortName;
    private final String type;
    private final String topic;
    private final Class<? extends EventData> dataClass;

    EventType(String shortName, String topic, Class<? extends EventData> dataClass) {
        this.shortName = shortName;
        this.type = "juniper.upgrade." + shortName + ".v1";
        this.topic = topic;
        this.dataClass = dataClass;
    }

    public String type() {
        return type;
    }

    public String topic() {
        return topic;
    }

    /** The topic of one event: requests go to the lane of their purpose. */
    public static String topicOf(EventData data) {
        if (data instanceof UpgradeRequested requested && requested.purpose() == Purpose.PRODUCTION) {
            return Topics.REQUESTED_PRIORITY;
        }
        return of(data).topic;
    }

    public Class<? extends EventData> dataClass() {
        return dataClass;
    }

    /** Name of the JSON Schema resource describing this type's data. */
    public String schemaResource() {
        return "/juniper-events/schemas/" + shortName + ".v1.schema.json";
    }

    public static Optional<EventType> ofType(String type) {
        return Arrays.stream(values()).filter(t -> t.type.equals(type)).findFirst();
    }

    public static EventType of(EventData data) {
        return Arrays.stream(values()).filter(t -> t.dataClass.isInstance(data)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no event type for " + data.getClass()));
    }
}
