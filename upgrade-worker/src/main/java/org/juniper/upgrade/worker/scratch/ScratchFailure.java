package org.juniper.upgrade.worker.scratch;

import org.juniper.upgrade.events.FailureReason;

/** Customer SQL or an upgrade step failed inside the scratch database, for {@code reason}. */
public class ScratchFailure extends Exception {
    private final FailureReason reason;

    public ScratchFailure(FailureReason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public FailureReason reason() {
        return reason;
    }
}
