package org.juniper.upgrade.intake.service;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.io.UncheckedIOException;
import org.juniper.upgrade.archive.BackupValidator;
import org.juniper.upgrade.archive.InvalidBackupException;

/**
 * Checks a backup while it streams to the object store: the upload's bytes are also fed through a pipe to a second
 * thread that validates them, so the backup is read once. The checker always reads to the end, so a refusal never
 * stalls the upload.
 */
final class StreamingCheck {
    private static final int PIPE_BUFFER = 1024 * 1024;

    private final PipedOutputStream toChecker = new PipedOutputStream();
    private final Thread checker;
    private volatile BackupValidator.Summary summary;
    private volatile InvalidBackupException refusal;
    private volatile IOException failure;

    StreamingCheck() {
        PipedInputStream fromUpload;
        try {
            fromUpload = new PipedInputStream(toChecker, PIPE_BUFFER);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        checker = new Thread(() -> check(fromUpload), "backup-check");
        checker.setDaemon(true);
        checker.start();
    }

    /** The upload, as read by the object store client, copied to the checker on the way. */
    InputStream tee(InputStream upload) {
        return new FilterInputStream(upload) {
            @Override
            public int read() throws IOException {
                int b = super.read();
                if (b >= 0) {
                    toChecker.write(b);
                }
                return b;
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                int n = super.read(b, off, len);
                if (n > 0) {
                    toChecker.write(b, off, n);
                }
                return n;
            }
        };
    }

    /** Ends the checker's input, also when the upload failed, so that the checker thread ends. */
    void endOfUpload() throws IOException {
        toChecker.close();
    }

    /**
     * Waits for the checker's verdict on the whole upload.
     *
     * @throws InvalidBackupException when the backup is refused
     */
    BackupValidator.Summary verdict() throws InvalidBackupException, IOException {
        try {
            checker.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while checking the backup", e);
        }
        if (refusal != null) {
            throw refusal;
        }
        if (failure != null) {
            throw failure;
        }
        return summary;
    }

    private void check(InputStream in) {
        try (in) {
            try {
                summary = BackupValidator.validate(in);
            } catch (InvalidBackupException e) {
                refusal = e;
            }
            in.transferTo(OutputStream.nullOutputStream());
        } catch (IOException e) {
            failure = e;
        }
    }
}
