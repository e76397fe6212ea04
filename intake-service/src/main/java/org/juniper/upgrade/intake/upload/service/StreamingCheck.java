package org.juniper.upgrade.intake.upload.service;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import org.juniper.upgrade.archive.BackupValidator;
import org.juniper.upgrade.archive.InvalidBackupException;

/**
 * Checks a backup while it streams to the object store: the upload's bytes are also handed over to a second
 * thread that validates them, so the backup is read once. The checker always reads to the end, so a refusal never
 * stalls the upload.
 */
final class StreamingCheck {
    /** Chunks in flight to the checker; the upload waits when the checker is this far behind. */
    private static final int CHUNKS_IN_FLIGHT = 16;
    /**
     * Bytes per hand-over: the server's reads are a few KiB each, and handing each one over on its own cost a
     * thread switch per read on two cores.
     */
    private static final int CHUNK = 256 * 1024;
    private static final byte[] END = new byte[0];

    // not a PipedInputStream: the upload may be read on any thread of the server's, which may end at any time, and a
    // piped stream refuses to be read once its writer thread has ended
    private final BlockingQueue<byte[]> toChecker = new ArrayBlockingQueue<>(CHUNKS_IN_FLIGHT);
    /** Chunks the checker is done with, filled again: a backup of any size makes no garbage in proportion to it. */
    private final BlockingQueue<byte[]> checked = new ArrayBlockingQueue<>(CHUNKS_IN_FLIGHT + 2);
    private final Thread checker;
    private volatile BackupValidator.Summary summary;
    private volatile InvalidBackupException refusal;
    private volatile IOException failure;
    private byte[] chunk = new byte[CHUNK];
    private int filled;

    StreamingCheck() {
        checker = new Thread(() -> check(new ChunkStream()), "backup-check");
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
                    copy(new byte[] {(byte) b}, 0, 1);
                }
                return b;
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                int n = super.read(b, off, len);
                if (n > 0) {
                    copy(b, off, n);
                }
                return n;
            }
        };
    }

    /** Ends the checker's input, also when the upload failed, so that the checker thread ends. */
    void endOfUpload() throws IOException {
        if (filled > 0) {
            hand(java.util.Arrays.copyOf(chunk, filled));
            filled = 0;
        }
        hand(END);
    }

    private void copy(byte[] b, int off, int len) throws IOException {
        while (len > 0) {
            int n = Math.min(len, CHUNK - filled);
            System.arraycopy(b, off, chunk, filled, n);
            filled += n;
            off += n;
            len -= n;
            if (filled == CHUNK) {
                hand(chunk);
                byte[] reused = checked.poll();
                chunk = reused != null ? reused : new byte[CHUNK];
                filled = 0;
            }
        }
    }

    private void hand(byte[] chunk) throws IOException {
        try {
            toChecker.put(chunk);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while checking the backup", e);
        }
    }

    /** The checker's side: the chunks in the order the upload was read. */
    private final class ChunkStream extends InputStream {
        private byte[] chunk = new byte[0];
        private int position;

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            while (position == chunk.length) {
                if (chunk == END) {
                    return -1;
                }
                if (chunk.length == CHUNK) {
                    checked.offer(chunk);
                }
                try {
                    chunk = toChecker.take();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IOException("interrupted while checking the backup", e);
                }
                position = 0;
                if (chunk == END) {
                    return -1;
                }
            }
            int n = Math.min(len, chunk.length - position);
            System.arraycopy(chunk, position, b, off, n);
            position += n;
            return n;
        }
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
