package org.juniper.upgrade.cli;

import org.juniper.upgrade.client.IntakeRefusal;
import org.juniper.upgrade.client.IntakeUnreachable;
import org.juniper.upgrade.client.RequestStatus;

/**
 * The exit codes scripts can rely on. They are part of the CLI's contract: listed in {@code upgrade --help} and in
 * the module's README; never renumber one.
 */
public final class Exit {
    /** Done: the command did all it was asked. */
    public static final int OK = 0;
    /** An unexpected error (a bug or an unreadable local file); the message says which. */
    public static final int FAILED = 1;
    /** Wrong arguments: unknown option, missing value, options that exclude each other. */
    public static final int USAGE = 2;
    /** The platform refused: unknown contract, closed target, bad backup, unknown request or wrong token. */
    public static final int REFUSED = 3;
    /** The upgrade request ended failed or cancelled, or its result has expired. */
    public static final int UPGRADE_FAILED = 4;
    /** The platform could not be reached, or the connection kept failing (an upload resumes on the next run). */
    public static final int UNREACHABLE = 5;
    /** A PostgreSQL tool is missing or too old for the job. */
    public static final int LOCAL_TOOLS = 6;
    /** The local database work failed: dump, restore, a name already taken; nothing half-done is left behind. */
    public static final int LOCAL_DATABASE = 7;
    /** {@code status}, {@code restore}: the request has not finished yet (new, pending or in progress). */
    public static final int NOT_FINISHED = 8;
    /** Another {@code test} or {@code production} run for the same database is under way on this machine. */
    public static final int BUSY = 9;
    /** The downloaded result does not match the sha256 the platform recorded for it; nothing was restored. */
    public static final int CORRUPT_DOWNLOAD = 10;

    private Exit() {
    }

    /** The code a failure ends a command with: its own, or the one a failed call to the platform means. */
    static int of(RuntimeException e) {
        if (e instanceof CliFailure failure) {
            return failure.exitCode();
        }
        if (e instanceof IntakeUnreachable) {
            return UNREACHABLE;
        }
        return e instanceof IntakeRefusal ? REFUSED : FAILED;
    }

    /** The code a request ends {@code status} and {@code restore} with. */
    static int of(RequestStatus request) {
        if (!request.finished()) {
            return NOT_FINISHED;
        }
        return request.done() ? OK : UPGRADE_FAILED;
    }
}
