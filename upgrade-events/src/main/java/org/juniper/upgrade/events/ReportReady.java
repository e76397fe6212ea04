package org.juniper.upgrade.events;

/** The upgrade report is stored in both of its forms. */
public record ReportReady(String requestId, String htmlKey, String jsonKey, Summary summary, String attempt) implements EventData {

    public record Summary(int tables, int rows, int differences, int warnings) {
    }
}
