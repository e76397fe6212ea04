package org.juniper.upgrade.archive;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Hands what is written to reader threads, each of which reads all of it as a stream of its own, so that one pass
 * feeds them all: intake checks an upload as it travels to the object store, the neutralizer compresses the test
 * archive and checks its dump beside rewriting it. Not a piped stream: the writer may be any thread of a server's,
 * which may end at any time, and a piped stream refuses to be read once its writer thread has ended.
 *
 * <p>Chunks are shared by the readers, never copied per reader, and filled again once every reader is done with
 * them: a stream of any size makes no garbage in proportion to it. A reader that returns early or fails is drained
 * to the end, so the writer never waits for it; a reader's failure is thrown by the next hand-over and by closing,
 * once, and closing waits for every reader.
 */
public final class StreamFork extends OutputStream {
    /** Reads the whole stream; what it leaves unread is skipped. */
    @FunctionalInterface
    public interface Reader {
        void read(InputStream in) throws IOException;
    }

    /** Bytes handed over at once, and how many readers still have to read them. */
    private static final class Chunk {
        final byte[] bytes;
        int length;
        final AtomicInteger unread = new AtomicInteger();

        Chunk(int size) {
            bytes = new byte[size];
        }
    }

    private final int chunkSize;
    /** Handed after the last chunk. */
    private final Chunk end = new Chunk(0);
    private final List<BlockingQueue<Chunk>> queues = new ArrayList<>();
    /** Chunks every reader is done with, to be filled again. */
    private final BlockingQueue<Chunk> free;
    private final List<Thread> threads = new ArrayList<>();
    private volatile Throwable failure;
    private Chunk chunk;
    private boolean closed;
    private boolean reported;

    /**
     * @param chunkSize bytes per hand-over: each costs a thread switch, so not a few KiB
     * @param inFlight chunks queued for each reader: the writer waits when a reader is this far behind
     */
    public StreamFork(String name, int chunkSize, int inFlight, Reader... readers) {
        this.chunkSize = chunkSize;
        this.free = new ArrayBlockingQueue<>(inFlight + readers.length + 1);
        this.chunk = new Chunk(chunkSize);
        for (Reader reader : readers) {
            BlockingQueue<Chunk> queue = new ArrayBlockingQueue<>(inFlight);
            queues.add(queue);
            Thread thread = new Thread(() -> run(reader, queue), name + "-" + threads.size());
            thread.setDaemon(true);
            threads.add(thread);
            thread.start();
        }
    }

    private void run(Reader reader, BlockingQueue<Chunk> queue) {
        ChunkStream in = new ChunkStream(queue);
        try {
            reader.read(in);
        } catch (IOException | RuntimeException | Error e) {
            if (failure == null) {
                failure = e;
            }
        } finally {
            // drains to the end whatever the reader did, so that the writing side never waits on a full queue
            in.skipToEnd();
        }
    }

    @Override
    public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] bytes, int offset, int length) throws IOException {
        while (length > 0) {
            int n = Math.min(length, chunkSize - chunk.length);
            System.arraycopy(bytes, offset, chunk.bytes, chunk.length, n);
            chunk.length += n;
            offset += n;
            length -= n;
            if (chunk.length == chunkSize) {
                rethrowFailure();
                hand(chunk);
                Chunk reused = free.poll();
                chunk = reused != null ? reused : new Chunk(chunkSize);
                chunk.length = 0;
            }
        }
    }

    /** Ends every reader's stream and waits for the readers; throws the first failure of one not thrown yet. */
    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        if (chunk.length > 0) {
            hand(chunk);
        }
        hand(end);
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

    private void hand(Chunk handed) throws IOException {
        handed.unread.set(queues.size());
        try {
            for (BlockingQueue<Chunk> queue : queues) {
                queue.put(handed);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while handing the stream to its readers");
        }
    }

    /** Throws a reader's failure, once: closing after a failed write must not throw it again. */
    private void rethrowFailure() throws IOException {
        Throwable failed = failure;
        if (failed == null || reported) {
            return;
        }
        reported = true;
        if (failed instanceof IOException io) {
            throw io;
        }
        if (failed instanceof Error error) {
            throw error;
        }
        throw (RuntimeException) failed;
    }

    /** One reader's view of the chunks. */
    private final class ChunkStream extends InputStream {
        private final BlockingQueue<Chunk> queue;
        private Chunk current;
        private int position;

        ChunkStream(BlockingQueue<Chunk> queue) {
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
            while (current == null || position == current.length) {
                if (current == end) {
                    return -1;
                }
                next();
            }
            int n = Math.min(length, current.length - position);
            System.arraycopy(current.bytes, position, target, offset, n);
            position += n;
            return n;
        }

        /** Leaves the current chunk, to be filled again once the other readers left it too, and takes the next. */
        private void next() throws InterruptedIOException {
            if (current != null && current.unread.decrementAndGet() == 0) {
                free.offer(current);
            }
            try {
                current = queue.take();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("interrupted while reading the stream");
            }
            position = 0;
        }

        void skipToEnd() {
            try {
                while (current != end) {
                    next();
                }
            } catch (InterruptedIOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
