package org.juniper.upgrade.neutralizer.service;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * Hands what is written to another thread that writes it to {@code target}, so that compressing the test archive
 * runs beside decompressing and rewriting the upgraded one instead of after it. Closing waits for the last byte.
 */
final class HandOff extends OutputStream {
    private static final int CHUNK = 1 << 20;
    private static final byte[] END = new byte[0];

    private final BlockingQueue<byte[]> queue = new ArrayBlockingQueue<>(8);
    private final Thread thread;
    private volatile IOException failure;
    private byte[] chunk = new byte[CHUNK];
    private int filled;

    HandOff(OutputStream target) {
        thread = new Thread(() -> {
            try {
                // drains to the end even after a failure, so that the writing side never waits on a full queue
                for (byte[] next = queue.take(); next != END; next = queue.take()) {
                    if (failure == null) {
                        try {
                            target.write(next);
                        } catch (IOException e) {
                            failure = e;
                        }
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "test-archive-writer");
        thread.setDaemon(true);
        thread.start();
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
                hand(chunk);
                chunk = new byte[CHUNK];
                filled = 0;
            }
        }
    }

    @Override
    public void close() throws IOException {
        if (filled > 0) {
            hand(java.util.Arrays.copyOf(chunk, filled));
            filled = 0;
        }
        hand(END);
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while the test archive was written");
        }
        if (failure != null) {
            throw failure;
        }
    }

    private void hand(byte[] bytes) throws IOException {
        if (failure != null) {
            throw failure;
        }
        try {
            queue.put(bytes);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while the test archive was written");
        }
    }
}
