package org.juniper.upgrade.cli;

import java.nio.file.Path;
import org.juniper.upgrade.client.IntakeClient;
import org.juniper.upgrade.client.IntakeRefusal;
import org.juniper.upgrade.client.IntakeUnreachable;
import org.juniper.upgrade.client.RequestStatus;
import org.juniper.upgrade.client.Token;

/**
 * Sends a backup in resumable pieces. After a dropped connection it asks the platform how much arrived (HEAD) and
 * continues from there; if the connection does not come back, the next run of the same command continues.
 */
final class Uploader {
    /** A whole number of the platform's 8 MiB parts, so that no piece ends inside a part it must send again. */
    static final long PIECE = 64L << 20;
    private static final long[] RETRY_SECONDS = {1, 2, 4, 8, 15, 30};

    private final IntakeClient intake;
    private final Ui ui;

    Uploader(IntakeClient intake, Ui ui) {
        this.intake = intake;
        this.ui = ui;
    }

    /**
     * Uploads what is missing of {@code file}; returns the request once the platform has checked the backup. A
     * backup the platform refused ends in an {@link IntakeRefusal}.
     */
    RequestStatus upload(Token token, Path file, long size, String sha256) {
        int retries = 0;
        long offset = -1;
        boolean first = true;
        try (Progress progress = new Progress(ui, "upload", size)) {
            while (true) {
                try {
                    if (offset < 0) {
                        // the answer to a last piece may be what was lost: intake then has the backup already
                        RequestStatus request = intake.status(token);
                        if (request.backup() != null) {
                            return request;
                        }
                        offset = intake.uploadOffset(token);
                        if (offset > 0) {
                            ui.say("The platform already has " + Progress.bytes(offset) + " of the backup: "
                                    + "continuing from there.");
                        }
                        if (first) {
                            progress.resumedAt(offset);
                            first = false;
                        }
                        progress.at(offset);
                    }
                    long length = Math.min(PIECE, size - offset);
                    IntakeClient.Piece piece = intake.uploadPiece(token, file, offset, length, size, sha256,
                            progress::counting);
                    if (piece.completed() != null) {
                        return piece.completed();
                    }
                    if (piece.offset() > offset) {
                        retries = 0;
                    }
                    offset = piece.offset();
                    progress.at(offset);
                } catch (IntakeRefusal refusal) {
                    if (!refusal.has("UPLOAD:OFFSET_MISMATCH")) {
                        throw refusal;
                    }
                    offset = -1;
                } catch (IntakeUnreachable failure) {
                    if (retries == RETRY_SECONDS.length) {
                        throw new CliFailure(Exit.UNREACHABLE, failure.getMessage() + "\nThe upload stopped at "
                                + Progress.bytes(Math.max(offset, 0)) + " of " + Progress.bytes(size) + ": run the "
                                + "same command again to continue it.", failure);
                    }
                    ui.warn("the upload was interrupted (" + failure.getMessage() + "); trying again in "
                            + RETRY_SECONDS[retries] + " s");
                    sleep(RETRY_SECONDS[retries++]);
                    offset = -1;
                }
            }
        }
    }

    private static void sleep(long seconds) {
        try {
            Thread.sleep(seconds * 1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CliFailure(Exit.FAILED, "interrupted", e);
        }
    }
}
