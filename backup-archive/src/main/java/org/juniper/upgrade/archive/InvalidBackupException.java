package org.juniper.upgrade.archive;

import org.juniper.upgrade.events.FailureReason;

/** A backup the platform will not process, for a reason such as {@code BACKUP:CORRUPT}. */
public class InvalidBackupException extends Exception {
    private final FailureReason reason;

    public InvalidBackupException(FailureReason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public InvalidBackupException(FailureReason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    public FailureReason reason() {
        return reason;
    }
}
