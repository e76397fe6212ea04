package org.juniper.upgrade.worker.service;

import java.sql.SQLException;
import java.time.Instant;
import org.juniper.upgrade.bindings.messaging.EventPublisher;
import org.juniper.upgrade.events.UpgradeRequested;
import org.juniper.upgrade.worker.repository.RunQueue;

/**
 * A run of one attempt under this worker's claim: the stage it reached, its deadline, and why it must end early
 * when it must. Whatever ends it early is seen by the run at its next step ({@link #check}) and by PostgreSQL at
 * once, since its sessions are ended.
 */
public final class ClaimedRun {
    /** Why a run ends before its outcome. */
    public enum Stop {
        /** Operations aborted, or the requester cancelled, the attempt. */
        STOPPED,
        /** Another run holds the attempt now: this one publishes nothing. */
        FENCED,
        /** The run outlived its budget. */
        DEADLINE,
        /** The worker is shutting down: the attempt goes back to the queue. */
        SHUTDOWN
    }

    /** Asks the queue whether the claim still holds, extending its lease. */
    interface Fence {
        RunQueue.Hold hold(ClaimedRun run) throws SQLException;
    }

    private final RunQueue.Claim claim;
    private final UpgradeRequested request;
    private final Instant deadline;
    private final Fence fence;
    private final RunLog log;
    private volatile String stage = "queued";
    private volatile Stop stop;

    ClaimedRun(RunQueue.Claim claim, UpgradeRequested request, Instant deadline, Fence fence,
            EventPublisher publisher) {
        this.claim = claim;
        this.request = request;
        this.deadline = deadline;
        this.fence = fence;
        this.log = new RunLog(this, publisher);
    }

    public RunQueue.Claim claim() {
        return claim;
    }

    public UpgradeRequested request() {
        return request;
    }

    public String attempt() {
        return claim.attemptId();
    }

    RunLog log() {
        return log;
    }

    Instant deadline() {
        return deadline;
    }

    String stage() {
        return stage;
    }

    void stage(String reached) {
        stage = reached;
    }

    /** Marks the run to end early; the first reason holds. */
    synchronized boolean stop(Stop why) {
        if (stop != null) {
            return false;
        }
        stop = why;
        return true;
    }

    Stop stopped() {
        return stop;
    }

    /**
     * Makes sure that the claim still holds before the run publishes an outcome or completes its archive: a run that
     * was taken over or stopped meanwhile ends here.
     */
    void requireHeld() throws SQLException {
        RunQueue.Hold hold = fence.hold(this);
        if (hold != RunQueue.Hold.HELD) {
            Stop why = hold == RunQueue.Hold.LOST ? Stop.FENCED : Stop.STOPPED;
            stop(why);
            throw new RunCancelled(why);
        }
    }

    /** Ends the run here when it was told to end. */
    void check() {
        Stop why = stop;
        if (why != null) {
            throw new RunCancelled(why);
        }
    }
}
