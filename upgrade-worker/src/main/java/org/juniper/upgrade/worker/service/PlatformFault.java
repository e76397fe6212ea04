package org.juniper.upgrade.worker.service;

import java.io.IOException;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import org.juniper.upgrade.bindings.objectstore.ObjectStoreException;
import org.juniper.upgrade.events.FailureReason;
import org.juniper.upgrade.worker.scratch.ScratchFailure;

/**
 * A failure of the platform, not of the customer's backup: the object store, the broker, the scratch cluster (a
 * session ended by an administrator or another worker, a lost connection, a full disk), the worker's own disk. The
 * attempt is retried; once its retry window is over it fails with a {@code PLATFORM:*} reason, which tells the
 * customer that the fault is ours.
 */
public final class PlatformFault extends Exception {
    /** What PostgreSQL or its client tools say when the fault is the cluster's, not the SQL's. */
    private static final List<String> SCRATCH_MESSAGES = List.of("terminating connection due to administrator command",
            "server closed the connection unexpectedly", "could not connect to server", "connection to server",
            "No space left on device", "could not extend file", "could not write to file",
            "the database system is shutting down", "the database system is starting up");

    private final FailureReason reason;

    PlatformFault(FailureReason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    /** The reason published once the retries are over. */
    public FailureReason reason() {
        return reason;
    }

    /** The customer's side of it: whose fault it is and what happens next. */
    public String customerMessage() {
        String part = reason.code().substring("PLATFORM:".length()).toLowerCase(Locale.ROOT).replace('_', ' ');
        return "the upgrade stopped on a fault of the platform (" + part + "), not of your backup; operations were "
                + "alerted and can run the request again";
    }

    /** The fault behind {@code failure}: the platform's own part, or the worker's when it is none of them. */
    public static PlatformFault of(Throwable failure) {
        if (failure instanceof PlatformFault fault) {
            return fault;
        }
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            String type = cause.getClass().getName();
            if (cause instanceof ObjectStoreException || type.startsWith("io.minio.")
                    || type.startsWith("okhttp3.")) {
                return new PlatformFault(FailureReason.PLATFORM_OBJECT_STORE, cause.getMessage(), failure);
            }
            if (type.startsWith("org.apache.kafka.") || type.startsWith("io.smallrye.reactive.messaging.")) {
                return new PlatformFault(FailureReason.PLATFORM_BROKER, cause.getMessage(), failure);
            }
            if (cause instanceof SQLException sql && scratchState(sql.getSQLState())
                    || cause instanceof ScratchFailure tool && isToolMessage(tool.getMessage())) {
                return new PlatformFault(FailureReason.PLATFORM_SCRATCH_DATABASE, cause.getMessage(), failure);
            }
            if (cause instanceof IOException && String.valueOf(cause.getMessage()).contains("No space left")) {
                return new PlatformFault(FailureReason.PLATFORM_WORK_DISK, cause.getMessage(), failure);
            }
        }
        return new PlatformFault(FailureReason.PLATFORM_WORKER, String.valueOf(failure), failure);
    }

    /** Whether what a client tool wrote says that the scratch cluster failed, not the SQL it ran. */
    static boolean isToolMessage(String message) {
        return SCRATCH_MESSAGES.stream().anyMatch(message::contains);
    }

    /**
     * Whether a JDBC failure is the scratch cluster's: connection (08), operator intervention (57P01 to 57P05, not
     * 57014, a statement timeout, which is the SQL's), insufficient resources (53: disk full, memory, connections),
     * system errors (58).
     */
    static boolean scratchState(String state) {
        return state != null && (state.startsWith("08") || state.startsWith("57P") || state.startsWith("53")
                || state.startsWith("58"));
    }
}
