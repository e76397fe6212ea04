package org.juniper.upgrade.archive.psql;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.juniper.upgrade.archive.DumpGuard;

/**
 * One psql fed by a thread of its own from a bounded queue, so that a session busy with a large table does not hold
 * up the others until its queue is full. Its input starts in restricted mode with {@code restrictKey}.
 */
final class PsqlSession {
    private static final int CHUNK = 64 * 1024;
    /** Chunks waiting for psql: 8 MiB per session. */
    private static final int QUEUED = 128;
    private static final byte[] END = new byte[0];
    private static final byte[] ABORT = new byte[0];

    private final BlockingQueue<byte[]> queue = new ArrayBlockingQueue<>(QUEUED);
    private boolean ended;
    private final CompletableFuture<PgProcess.Result> result = new CompletableFuture<>();
    private final OutputStream input = new BufferedOutputStream(new OutputStream() {
        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            put(Arrays.copyOfRange(b, off, off + len));
        }
    }, CHUNK);

    /** The session ended before all of its input was written. */
    static final class Ended extends IOException {
        private final transient PsqlSession session;

        Ended(PsqlSession session) {
            super("psql ended before its input did");
            this.session = session;
        }

        PsqlSession session() {
            return session;
        }
    }

    PsqlSession(List<String> command, Map<String, String> env, String restrictKey, byte[] preamble) {
        Thread feeder = new Thread(() -> {
            try {
                result.complete(PgProcess.run(command, env, stdin -> {
                    DumpGuard.restrict(stdin, restrictKey);
                    stdin.write(preamble);
                    for (byte[] chunk = queue.take(); chunk != END; chunk = queue.take()) {
                        if (chunk == ABORT) {
                            throw new IllegalStateException("restore aborted");
                        }
                        stdin.write(chunk);
                    }
                }, null));
            } catch (Exception e) {
                result.completeExceptionally(e);
            }
        }, "psql-session");
        feeder.setDaemon(true);
        feeder.start();
    }

    /** Where the session's SQL is written. */
    OutputStream input() {
        return input;
    }

    /** Chunks written but not yet taken by psql. */
    int backlog() {
        return queue.size();
    }

    private void put(byte[] chunk) throws IOException {
        try {
            while (!queue.offer(chunk, 100, TimeUnit.MILLISECONDS)) {
                if (result.isDone()) {
                    throw new Ended(this);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
        if (result.isDone()) {
            throw new Ended(this);
        }
    }

    /** Hands psql the rest of its input and its end, without waiting for it to run them. */
    void endInput() throws IOException {
        if (ended) {
            return;
        }
        ended = true;
        try {
            input.flush();
            put(END);
        } catch (Ended e) {
            // psql stopped early: its result says why
        }
    }

    /** Ends the input and waits for psql to run what it was given. */
    PgProcess.Result finish() throws Exception {
        endInput();
        try {
            return result.get();
        } catch (ExecutionException e) {
            throw e.getCause() instanceof Exception ? (Exception) e.getCause() : e;
        }
    }

    /** Stops psql without running what is still queued; a statement it runs ends as the database is dropped. */
    void abort() {
        queue.clear();
        queue.offer(ABORT);
    }
}
