package org.juniper.upgrade.client;

/** Intake could not be reached, or had an error of its own (5xx): the same call may work a little later. */
public final class IntakeUnreachable extends IntakeException {
    public IntakeUnreachable(String message) {
        super(message);
    }

    public IntakeUnreachable(String message, Throwable cause) {
        super(message, cause);
    }
}
