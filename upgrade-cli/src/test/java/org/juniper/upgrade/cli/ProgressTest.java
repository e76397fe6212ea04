package org.juniper.upgrade.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.UUID;
import org.juniper.upgrade.client.RequestStatus;
import org.junit.jupiter.api.Test;

/** What the long steps and the wait for the platform show: time first, the rate, and the time left. */
class ProgressTest {
    private static final String STAMP = "\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2} ";

    private final StringWriter written = new StringWriter();
    private final Ui ui = new Ui(new PrintWriter(written), new PrintWriter(written), null);

    @Test
    void aStepWithAKnownSizeShowsTheTimeThenABarTheRateAndTheTimeLeft() throws Exception {
        Progress progress = new Progress(ui, "upload", 4L << 20);
        progress.at(1L << 20);
        Thread.sleep(20);

        String line = progress.line(false);

        assertTrue(line.matches(STAMP + "upload: \\[#####               \\]  25% 1\\.0 MiB of 4\\.0 MiB, "
                + "[0-9.]+ [KMG]?i?B/s, \\d+ (s|min \\d{2} s) left"), line);
    }

    @Test
    void aDumpPastItsEstimateWaitsShortOfTheEndAndSaysItIsAlmostDone() throws Exception {
        Progress progress = Progress.estimated(ui, "dump", 800);
        progress.at(1000);
        Thread.sleep(20);

        String running = progress.line(false);
        String last = progress.line(true);

        assertTrue(running.matches(STAMP + "dump: \\[################### \\]  99% 1000 B of ~800 B, .*/s, almost "
                + "done"), running);
        assertTrue(last.matches(STAMP + "dump: 1000 B, .*/s, \\d+ s"), "the end shows what was done, not the "
                + "estimate: " + last);
    }

    @Test
    void aDumpWithinItsEstimateSaysItsTimeLeftIsAnEstimate() throws Exception {
        Progress progress = Progress.estimated(ui, "dump", 1000);
        progress.at(100);
        Thread.sleep(20);

        assertTrue(progress.line(false).matches(".*~1000 B, .*/s, about \\d+ s left"), progress.line(false));
    }

    @Test
    void aRunningRequestShowsItsStageAndTheTimeLeftOrWithoutPastRunsHowLongItHasRun() {
        assertEquals("progress: upgrade (about 4 min 00 s left)", running(60L, 300L).describe());
        assertEquals("progress: upgrade (running for 1 min 00 s)", running(60L, null).describe());
    }

    private static RequestStatus running(Long elapsed, Long estimated) {
        return new RequestStatus(UUID.randomUUID(), "acme", "14.0", "17.0", "test", "progress", "upgrade", elapsed,
                null, estimated, null, null, null, null, null);
    }
}
