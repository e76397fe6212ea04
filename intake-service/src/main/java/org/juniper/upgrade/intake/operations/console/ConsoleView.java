package org.juniper.upgrade.intake.operations.console;

import java.util.List;

/** What the console's page shows, already in words and figures: the template only lays it out. */
public record ConsoleView(String at, List<Lane> lanes, Pause testLane, List<Run> running, String quietAfter, List<Run> quiet,
        List<Reason> failures, List<Ended> ended, List<Letter> deadLetters, List<CampaignRow> campaigns,
        List<Target> targets) {

    /** @param waiting pending requests; @param running requests in progress */
    public record Lane(String name, long waiting, long running) {
    }

    /** Whether operations paused the test lane, who and since when, and how many requests it holds. */
    public record Pause(boolean paused, String by, String since, long held) {
    }

    /** A request waiting or running; {@code elapsed} since it started, or since it was queued while it waits. */
    public record Run(String id, String database, String lane, String target, String state, String stage,
            int attempt, String elapsed, String quietFor) {
    }

    public record Reason(String reason, long count) {
    }

    /** A failed or cancelled request, which operations may retry. */
    public record Ended(String id, String database, String lane, String state, String reason, String message,
            String ago) {
    }

    public record Letter(long id, String topic, String type, String requestId, String reason, String ago) {
    }

    public record CampaignRow(String id, String target, String created, long pending, long running, long invited,
            long flagged, long cancelled) {
    }

    public record Target(String version, boolean open) {
    }
}
