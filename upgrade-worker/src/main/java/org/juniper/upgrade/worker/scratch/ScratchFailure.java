package org.juniper.upgrade.worker.scratch;

/** Customer SQL or an upgrade step failed inside the scratch database; {@code reason} is a stable code. */
public class ScratchFailure extends Exception {
    private final String reason;

    public ScratchFailure(String reason, String message) {
        super(message);
        this.reason = reason;
    }

    public String reason() {
        return reason;
    }
}
