package org.juniper.upgrade.client;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

/**
 * A request as intake shows it to its requester: the fields of intake's RequestView that its clients act on (the
 * whole document is {@link IntakeClient#status(Token, Class)} as a JsonNode).
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record RequestStatus(UUID id, String database, String sourceVersion, String targetVersion, String purpose,
        String state, String stage, Long elapsedSeconds, Long queuePosition, Long estimatedSeconds, Backup backup,
        Scripts scripts, List<String> produced, FailureView failure, Result result) {

    public static final String NEW = "new";
    public static final String DONE = "done";
    private static final Set<String> FINISHED = Set.of(DONE, "failed", "cancelled", "archived");

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Backup(String sha256, long size, String format) {
    }

    /** The request's own upgrade scripts, as the platform checked them. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Scripts(String sha256, long size, int count, List<String> modules) {
    }

    /** The archive a done request delivers. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Result(String sha256, long size) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record FailureView(String reason, String message) {
    }

    public boolean finished() {
        return FINISHED.contains(state);
    }

    public boolean done() {
        return DONE.equals(state);
    }

    /** One line for people: the state and what it means now. */
    public String describe() {
        StringBuilder line = new StringBuilder(state);
        if ("pending".equals(state) && queuePosition != null) {
            line.append(": ").append(queuePosition).append(queuePosition == 1 ? " request" : " requests")
                    .append(" ahead in the queue");
        }
        if ("progress".equals(state) && stage != null) {
            line.append(": ").append(stage);
        }
        if ("progress".equals(state) && estimatedSeconds != null && elapsedSeconds != null) {
            long left = estimatedSeconds - elapsedSeconds;
            line.append(left > 0 ? " (about " + duration(left) + " left)" : " (taking longer than usual)");
        } else if ("progress".equals(state) && elapsedSeconds != null) {
            // no past run between these versions to tell the time left from
            line.append(" (running for ").append(duration(elapsedSeconds)).append(")");
        }
        if ("pending".equals(state) && estimatedSeconds != null) {
            line.append(String.format(Locale.ROOT, " (runs between these versions take about %d min)",
                    Math.max(1, Math.round(estimatedSeconds / 60.0))));
        }
        if (failure != null) {
            line.append(": ").append(failure.reason()).append(" ").append(failure.message());
        }
        if ("archived".equals(state)) {
            line.append(": its result has expired and was removed; submit the database again");
        }
        return line.toString();
    }

    /** A duration as people read it: 42 s, 3 min 05 s, 2 h 07 min. */
    public static String duration(long seconds) {
        if (seconds < 60) {
            return seconds + " s";
        }
        if (seconds < 3600) {
            return String.format(Locale.ROOT, "%d min %02d s", seconds / 60, seconds % 60);
        }
        return String.format(Locale.ROOT, "%d h %02d min", seconds / 3600, seconds % 3600 / 60);
    }
}
