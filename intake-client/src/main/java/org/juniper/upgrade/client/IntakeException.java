package org.juniper.upgrade.client;

/**
 * Intake could not be used: it answered something that is not its API (or the wait was interrupted). Its two kinds
 * that callers act on are {@link IntakeUnreachable} (try again later) and {@link IntakeRefusal} (intake said no).
 */
public class IntakeException extends RuntimeException {
    public IntakeException(String message) {
        super(message);
    }

    public IntakeException(String message, Throwable cause) {
        super(message, cause);
    }
}
