package org.juniper.upgrade.intake.upload.service;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import org.juniper.erp.JuniperPack;
import org.juniper.upgrade.archive.BackupValidator;
import org.juniper.upgrade.archive.InvalidBackupException;
import org.juniper.upgrade.archive.StreamFork;

/**
 * Checks a backup while it streams to the object store: the upload's bytes are also handed over to a second
 * thread that validates them, so the backup is read once. The checker always reads to the end, so a refusal never
 * stalls the upload.
 */
final class StreamingCheck {
    /**
     * Bytes per hand-over: the server's reads are a few KiB each, and handing each one over on its own cost a
     * thread switch per read on two cores.
     */
    private static final int CHUNK = 256 * 1024;
    /** Chunks in flight to the checker; the upload waits when the checker is this far behind. */
    private static final int CHUNKS_IN_FLIGHT = 16;

    private final StreamFork toChecker;
    private volatile BackupValidator.Summary summary;
    private volatile InvalidBackupException refusal;
    private volatile IOException failure;

    StreamingCheck() {
        toChecker = new StreamFork("backup-check", CHUNK, CHUNKS_IN_FLIGHT, in -> {
            try {
                summary = BackupValidator.validate(in, JuniperPack.MODULE_REGISTRY);
            } catch (InvalidBackupException e) {
                refusal = e;
            } catch (IOException e) {
                failure = e;
            }
        });
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

    /** Ends the checker's input, also when the upload failed, and waits for the checker. */
    void endOfUpload() throws IOException {
        toChecker.close();
    }

    /**
     * The checker's verdict on the whole upload, once it has ended.
     *
     * @throws InvalidBackupException when the backup is refused
     */
    BackupValidator.Summary verdict() throws InvalidBackupException, IOException {
        if (refusal != null) {
            throw refusal;
        }
        if (failure != null) {
            throw failure;
        }
        return summary;
    }
}
