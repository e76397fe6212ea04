package org.juniper.upgrade.worker.service;

/** Unwinds a run that was told to end early; unchecked, so that it passes through the steps of the run. */
final class RunCancelled extends RuntimeException {
    private final ClaimedRun.Stop why;

    RunCancelled(ClaimedRun.Stop why) {
        super("run ended: " + why, null, false, false);
        this.why = why;
    }

    ClaimedRun.Stop why() {
        return why;
    }
}
