package org.juniper.upgrade.archive;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/**
 * A zip writer that deflates large entries on every core, as pigz does: the entry is cut into blocks, each block is
 * deflated on its own thread with the previous block's last 32 KiB as its dictionary and ends on a byte boundary
 * (a sync flush), and the blocks are written in order. Deflating the dump was the one step of the worker and the
 * neutralizer that ran on a single core. The layout is {@link java.util.zip.ZipOutputStream}'s for entries of unknown
 * size (sizes and CRC in a data descriptor, zip64 fields only where a size, offset or count needs them), so that
 * every zip reader reads it; the same content gives the same bytes.
 */
final class ZipWriter {
    /** Uncompressed bytes per block: large enough that the 5-byte flush marker and lost context do not matter. */
    static final int BLOCK = 1 << 20;
    private static final int DICTIONARY = 32 * 1024;
    private static final int THREADS = Math.max(1, Runtime.getRuntime().availableProcessors());
    /** Blocks deflating at once per entry; bounds memory to about twice this many blocks. */
    private static final int IN_FLIGHT = THREADS + 1;
    private static final ExecutorService DEFLATERS = Executors.newFixedThreadPool(THREADS, task -> {
        Thread thread = new Thread(task, "archive-deflate");
        thread.setDaemon(true);
        return thread;
    });
    private static final ThreadLocal<Deflater> DEFLATER = ThreadLocal.withInitial(ZipWriter::newDeflater);

    private static final long ZIP64_LIMIT = 0xFFFFFFFFL;
    private static final int ZIP64_COUNT_LIMIT = 0xFFFF;
    /** 2000-01-01 00:00 in MS-DOS form: a fixed time makes the same content give the same archive. */
    private static final int DOS_TIME = 0;
    private static final int DOS_DATE = ((2000 - 1980) << 9) | (1 << 5) | 1;
    /** Data descriptor follows, names are UTF-8. */
    private static final int FLAGS = 0x0808;

    private record Written(byte[] name, long offset, long crc, long compressed, long size) {
    }

    private final CountingOutputStream out;
    private final int level;
    private final List<Written> entries = new ArrayList<>();
    private EntryStream open;
    private boolean finished;

    ZipWriter(OutputStream out, int level) {
        this.out = new CountingOutputStream(out);
        this.level = level;
    }

    /** Starts an entry; closing the returned stream ends it. One entry is open at a time. */
    OutputStream entry(String name) throws IOException {
        if (open != null || finished) {
            throw new IllegalStateException(finished ? "the archive is finished" : "entry " + open.name
                    + " is still open");
        }
        byte[] bytes = name.getBytes(StandardCharsets.UTF_8);
        long offset = out.count;
        writeInt(0x04034b50);
        writeShort(20);
        writeShort(FLAGS);
        writeShort(Deflater.DEFLATED);
        writeShort(DOS_TIME);
        writeShort(DOS_DATE);
        writeInt(0);
        writeInt(0);
        writeInt(0);
        writeShort(bytes.length);
        writeShort(0);
        out.write(bytes);
        open = new EntryStream(name, bytes, offset);
        return open;
    }

    /** Writes the central directory; the underlying stream stays open. */
    void finish() throws IOException {
        if (finished) {
            return;
        }
        if (open != null) {
            open.close();
        }
        finished = true;
        long directoryOffset = out.count;
        for (Written entry : entries) {
            writeDirectoryEntry(entry);
        }
        long directorySize = out.count - directoryOffset;
        boolean zip64 = entries.size() >= ZIP64_COUNT_LIMIT || directoryOffset >= ZIP64_LIMIT
                || directorySize >= ZIP64_LIMIT;
        if (zip64) {
            long recordOffset = out.count;
            writeInt(0x06064b50);
            writeLong(44);
            writeShort(45);
            writeShort(45);
            writeInt(0);
            writeInt(0);
            writeLong(entries.size());
            writeLong(entries.size());
            writeLong(directorySize);
            writeLong(directoryOffset);
            writeInt(0x07064b50);
            writeInt(0);
            writeLong(recordOffset);
            writeInt(1);
        }
        writeInt(0x06054b50);
        writeShort(0);
        writeShort(0);
        int count = (int) Math.min(entries.size(), ZIP64_COUNT_LIMIT);
        writeShort(count);
        writeShort(count);
        writeInt(Math.min(directorySize, ZIP64_LIMIT));
        writeInt(Math.min(directoryOffset, ZIP64_LIMIT));
        writeShort(0);
        out.flush();
    }

    private void writeDirectoryEntry(Written entry) throws IOException {
        boolean bigSize = entry.size >= ZIP64_LIMIT;
        boolean bigCompressed = entry.compressed >= ZIP64_LIMIT;
        boolean bigOffset = entry.offset >= ZIP64_LIMIT;
        int extra = (bigSize ? 8 : 0) + (bigCompressed ? 8 : 0) + (bigOffset ? 8 : 0);
        int version = extra > 0 ? 45 : 20;
        writeInt(0x02014b50);
        writeShort(version);
        writeShort(version);
        writeShort(FLAGS);
        writeShort(Deflater.DEFLATED);
        writeShort(DOS_TIME);
        writeShort(DOS_DATE);
        writeInt(entry.crc);
        writeInt(bigCompressed ? ZIP64_LIMIT : entry.compressed);
        writeInt(bigSize ? ZIP64_LIMIT : entry.size);
        writeShort(entry.name.length);
        writeShort(extra > 0 ? extra + 4 : 0);
        writeShort(0);
        writeShort(0);
        writeShort(0);
        writeInt(0);
        writeInt(bigOffset ? ZIP64_LIMIT : entry.offset);
        out.write(entry.name);
        if (extra > 0) {
            // the zip64 extra field holds, in this order, exactly the values the header could not
            writeShort(0x0001);
            writeShort(extra);
            if (bigSize) {
                writeLong(entry.size);
            }
            if (bigCompressed) {
                writeLong(entry.compressed);
            }
            if (bigOffset) {
                writeLong(entry.offset);
            }
        }
    }

    /** Buffers an entry into blocks: a small entry is deflated here, a large one block by block on the pool. */
    private final class EntryStream extends OutputStream {
        private final String name;
        private final byte[] nameBytes;
        private final long offset;
        private final CRC32 crc = new CRC32();
        private final Deque<Future<byte[]>> deflating = new ArrayDeque<>();
        /** Grows up to a block, so that the many small files of a filestore do not each take a whole block. */
        private byte[] block = new byte[8 * 1024];
        private byte[] previous;
        private int filled;
        private long size;
        private long compressed;
        private boolean closed;

        EntryStream(String name, byte[] nameBytes, long offset) {
            this.name = name;
            this.nameBytes = nameBytes;
            this.offset = offset;
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] bytes, int off, int len) throws IOException {
            if (closed) {
                throw new IOException("entry " + name + " is closed");
            }
            crc.update(bytes, off, len);
            size += len;
            while (len > 0) {
                if (filled == block.length) {
                    block = Arrays.copyOf(block, Math.min(BLOCK, block.length * 4));
                }
                int n = Math.min(len, block.length - filled);
                System.arraycopy(bytes, off, block, filled, n);
                filled += n;
                off += n;
                len -= n;
                if (filled == BLOCK) {
                    submit(false);
                }
            }
        }

        private void submit(boolean last) throws IOException {
            byte[] input = block;
            int length = filled;
            byte[] dictionary = previous;
            if (deflating.isEmpty() && last) {
                // the whole entry fits in one block: not worth a hand-over
                writeCompressed(deflate(input, length, dictionary, true));
            } else {
                deflating.add(DEFLATERS.submit(() -> deflate(input, length, dictionary, last)));
                while (deflating.size() >= IN_FLIGHT || last && !deflating.isEmpty()) {
                    writeCompressed(await(deflating.poll()));
                }
            }
            previous = input;
            block = last ? null : new byte[BLOCK];
            filled = 0;
        }

        private void writeCompressed(byte[] bytes) throws IOException {
            out.write(bytes);
            compressed += bytes.length;
        }

        @Override
        public void close() throws IOException {
            if (closed) {
                return;
            }
            closed = true;
            try {
                submit(true);
            } finally {
                deflating.forEach(pending -> pending.cancel(false));
                open = null;
            }
            boolean zip64 = size >= ZIP64_LIMIT || compressed >= ZIP64_LIMIT;
            writeInt(0x08074b50);
            writeInt(crc.getValue());
            if (zip64) {
                writeLong(compressed);
                writeLong(size);
            } else {
                writeInt(compressed);
                writeInt(size);
            }
            entries.add(new Written(nameBytes, offset, crc.getValue(), compressed, size));
        }

        private byte[] await(Future<byte[]> pending) throws IOException {
            try {
                return pending.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("interrupted while compressing " + name);
            } catch (ExecutionException e) {
                throw new IOException("could not compress " + name, e.getCause());
            }
        }

        /** Raw deflate of one block, ending on a byte boundary (or the end of the stream for the last one). */
        private byte[] deflate(byte[] input, int length, byte[] dictionary, boolean last) {
            Deflater deflater = DEFLATER.get();
            deflater.reset();
            deflater.setLevel(level);
            if (dictionary != null) {
                deflater.setDictionary(dictionary, BLOCK - DICTIONARY, DICTIONARY);
            }
            deflater.setInput(input, 0, length);
            if (last) {
                deflater.finish();
            }
            ByteArrayOutputStream output = new ByteArrayOutputStream(length / 3 + 64);
            byte[] buffer = new byte[64 * 1024];
            int flush = last ? Deflater.NO_FLUSH : Deflater.SYNC_FLUSH;
            while (true) {
                int n = deflater.deflate(buffer, 0, buffer.length, flush);
                output.write(buffer, 0, n);
                if (last ? deflater.finished() : n < buffer.length && deflater.needsInput()) {
                    return output.toByteArray();
                }
            }
        }
    }

    private static Deflater newDeflater() {
        return new Deflater(Deflater.DEFAULT_COMPRESSION, true);
    }

    private void writeShort(int value) throws IOException {
        out.write(value & 0xff);
        out.write((value >>> 8) & 0xff);
    }

    private void writeInt(long value) throws IOException {
        writeShort((int) (value & 0xffff));
        writeShort((int) ((value >>> 16) & 0xffff));
    }

    private void writeLong(long value) throws IOException {
        writeInt(value & 0xffffffffL);
        writeInt(value >>> 32);
    }

    /** Counts what reaches the archive: entry offsets and the directory's position. */
    private static final class CountingOutputStream extends OutputStream {
        private final OutputStream target;
        private final byte[] small = new byte[8];
        private int pending;
        long count;

        CountingOutputStream(OutputStream target) {
            this.target = target;
        }

        @Override
        public void write(int b) throws IOException {
            // header fields arrive a byte at a time: gathered, not sent one by one
            small[pending++] = (byte) b;
            count++;
            if (pending == small.length) {
                drain();
            }
        }

        @Override
        public void write(byte[] bytes, int off, int len) throws IOException {
            drain();
            target.write(bytes, off, len);
            count += len;
        }

        @Override
        public void flush() throws IOException {
            drain();
            target.flush();
        }

        private void drain() throws IOException {
            if (pending > 0) {
                target.write(small, 0, pending);
                pending = 0;
            }
        }

        @Override
        public void close() throws IOException {
            flush();
            target.close();
        }
    }
}
