package org.juniper.upgrade.cli;

import java.time.Duration;
import org.juniper.upgrade.client.IntakeClient;
import org.juniper.upgrade.client.IntakeUnreachable;
import org.juniper.upgrade.client.RequestStatus;
import org.juniper.upgrade.client.Token;

/**
 * Shows a running request as it goes: its state, stage and time left when they change (the time left at most once a
 * minute), and its live log as lines arrive.
 */
final class Follower {
    /** A run takes hours: a platform out of reach for a few minutes (a restart, a network blip) is waited for. */
    private static final int TOLERATED_FAILURES = 10;
    private static final long LONGEST_WAIT_MILLIS = 60_000;
    private static final long RESHOW_NANOS = 60_000_000_000L;

    private final IntakeClient intake;
    private final Ui ui;
    private final Duration every;

    Follower(IntakeClient intake, Ui ui, Duration every) {
        this.intake = intake;
        this.ui = ui;
        this.every = every;
    }

    /** Follows the request until it has finished; returns its last status. */
    RequestStatus follow(Token token) {
        ui.say("Following request " + token.id() + " (Ctrl-C stops following; the upgrade goes on, and running the "
                + "same command again picks it up).");
        long logOffset = 0;
        String shownStage = "";
        String shown = "";
        long shownAt = 0;
        int failures = 0;
        while (true) {
            try {
                RequestStatus status = intake.status(token);
                String stage = status.state() + "/" + status.stage();
                String line = status.describe();
                if (!stage.equals(shownStage) || !line.equals(shown) && System.nanoTime() - shownAt >= RESHOW_NANOS) {
                    shownStage = stage;
                    shown = line;
                    shownAt = System.nanoTime();
                    ui.say("[" + line + "]");
                }
                // the log is read after the status, so a finished request's last lines are never missed
                IntakeClient.LogChunk log = intake.log(token, logOffset);
                ui.print(log.text());
                logOffset = log.next();
                if (status.finished()) {
                    return status;
                }
                failures = 0;
            } catch (IntakeUnreachable e) {
                if (++failures > TOLERATED_FAILURES) {
                    throw e;
                }
                ui.warn(e.getMessage() + " (attempt " + failures + " of " + TOLERATED_FAILURES + ")");
            }
            pause(Math.min(every.toMillis() << Math.min(failures, 10), LONGEST_WAIT_MILLIS));
        }
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CliFailure(Exit.FAILED, "interrupted", e);
        }
    }
}
