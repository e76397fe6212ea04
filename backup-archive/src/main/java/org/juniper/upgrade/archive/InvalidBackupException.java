package org.juniper.upgrade.archive;

/** A backup the platform will not process; {@code reason} is a stable code such as {@code BACKUP:CORRUPT}. */
public class InvalidBackupException extends Exception {
    public static final String CORRUPT = "BACKUP:CORRUPT";
    public static final String PATH_ESCAPE = "BACKUP:PATH_ESCAPE";
    public static final String NO_MANIFEST = "BACKUP:NO_MANIFEST";
    public static final String MANIFEST_MISMATCH = "BACKUP:MANIFEST_MISMATCH";
    public static final String NO_DUMP = "BACKUP:NO_DUMP";
    public static final String UNKNOWN_FORMAT = "BACKUP:UNKNOWN_FORMAT";
    public static final String UNSAFE_DUMP = "BACKUP:UNSAFE_DUMP";

    private final String reason;

    public InvalidBackupException(String reason, String message) {
        super(message);
        this.reason = reason;
    }

    public InvalidBackupException(String reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    public String reason() {
        return reason;
    }
}
