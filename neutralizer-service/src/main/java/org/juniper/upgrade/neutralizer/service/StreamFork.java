package org.juniper.upgrade.neutralizer.service;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * Hands what is written to reader threads, each of which reads all of it as a stream of its own: compressing the
 * test archive and checking its dump run beside decompressing and rewriting the upgraded archive, over the very
 * bytes the archive receives, instead of after it. Chunks are shared, never copied per reader: a handed chunk is
 * not written again. Closing waits for every reader and throws the first failure.
 */
final class StreamFork extends OutputStream {
    /** Reads the whole stream; what it leaves unread is skipped. */
    @FunctionalInterface
    interface Reader {
        void read(InputStream in) throws IOException;
    }

    private static final int CHUNK = 1 << 20;
    private static final byte[] END = new byte[0];

    private final List<BlockingQueue<byte[]>> queues = new ArrayList<>();
    private final List<Thread> threads = new ArrayList<>();
    private volatile Exception failure;
    private byte[] chunk = new byte[CHUNK];
    private int filled;
    private boolean closed;
    private boolean reported;

    StreamFork(String name, Reader... readers) {
        for (Reader reader : readers) {
            BlockingQueue<byte[]> queue = new ArrayBlockingQueue<>(8);
            queues.add(queue);
            Thread thread = new Thread(() -> run(reader, queue), name + "-" + threads.size());
            thread.setDaemon(true);
            threads.add(thread);
            thread.start();
        }
    }

    private void run(Reader reader, BlockingQueue<byte[]> queue) {
        ChunkStream in = new ChunkStream(queue);
        try {
            reader.read(in);
        } catch (IOException | RuntimeException e) {
            if (failure == null) {
                failure = e;
            }
        }
        // drains to the end whatever the reader did, so that the writing side never waits on a full queue
        in.skipToEnd();
    }

    @Override
    public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] bytes, int offset, int length) throws IOException {
        while (length > 0) {
            int n = Math.min(length, CHUNK - filled);
            System.arraycopy(bytes, offset, chunk, filled, n);
            filled += n;
            offset += n;
            length -= n;
            if (filled == CHUNK) {
                rethrowFailure();
                hand(chunk);
                chunk = new byte[CHUNK];
                filled = 0;
            }
        }
    }

    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        if (filled > 0) {
            hand(java.util.Arrays.copyOf(chunk, filled));
            filled = 0;
        }
        hand(END);
        try {
            for (Thread thread : threads) {
                thread.join();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while the readers finished");
        }
        rethrowFailure();
    }

    private void hand(byte[] bytes) throws IOException {
        try {
            for (BlockingQueue<byte[]> queue : queues) {
                queue.put(bytes);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while handing the stream to its readers");
        }
    }

    /** Throws a reader's failure, once: closing after a failed write must not throw it again. */
    private void rethrowFailure() throws IOException {
        Exception failed = failure;
        if (failed == null || reported) {
            return;
        }
        reported = true;
        if (failed instanceof IOException) {
            throw (IOException) failed;
        }
        throw (RuntimeException) failed;
    }

    /** One reader's view of the chunks. */
    private static final class ChunkStream extends InputStream {
        private final BlockingQueue<byte[]> queue;
        private byte[] current = new byte[0];
        private int position;
        private boolean ended;

        ChunkStream(BlockingQueue<byte[]> queue) {
            this.queue = queue;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] target, int offset, int length) throws IOException {
            if (length == 0) {
                return 0;
            }
            while (position == current.length) {
                if (ended) {
                    return -1;
                }
                next();
            }
            int n = Math.min(length, current.length - position);
            System.arraycopy(current, position, target, offset, n);
            position += n;
            return n;
        }

        private void next() throws InterruptedIOException {
            try {
                current = queue.take();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("interrupted while reading the stream");
            }
            position = 0;
            ended = current == END;
        }

        void skipToEnd() {
            try {
                while (!ended) {
                    next();
                }
            } catch (InterruptedIOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
