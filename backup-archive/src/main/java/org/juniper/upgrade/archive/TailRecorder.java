package org.juniper.upgrade.archive;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/** Keeps the last bytes that streamed through, enough to find a zip's end-of-central-directory record. */
final class TailRecorder extends FilterInputStream {
    /** The record is 22 bytes, followed by a comment of at most 65535. */
    private static final int WINDOW = 22 + 65535;
    private final byte[] ring = new byte[WINDOW];
    private long total;

    TailRecorder(InputStream in) {
        super(in);
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
            ring[(int) (total++ % WINDOW)] = (byte) b;
        }
        return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        int n = super.read(b, off, len);
        // whole slices, not byte by byte: every byte of the archive passes through here
        int from = off + Math.max(0, n - WINDOW);
        int left = n - (from - off);
        total += n - left;
        while (left > 0) {
            int at = (int) (total % WINDOW);
            int slice = Math.min(left, WINDOW - at);
            System.arraycopy(b, from, ring, at, slice);
            from += slice;
            left -= slice;
            total += slice;
        }
        return n;
    }

    /** True when the end-of-central-directory signature stands where a complete archive has it. */
    boolean endsWithCentralDirectory() {
        int kept = (int) Math.min(total, WINDOW);
        byte[] tail = new byte[kept];
        for (int i = 0; i < kept; i++) {
            tail[i] = ring[(int) ((total - kept + i) % WINDOW)];
        }
        for (int i = kept - 22; i >= 0; i--) {
            if (tail[i] == 'P' && tail[i + 1] == 'K' && tail[i + 2] == 5 && tail[i + 3] == 6) {
                int commentLength = (tail[i + 20] & 0xff) | (tail[i + 21] & 0xff) << 8;
                return i + 22 + commentLength == kept;
            }
        }
        return false;
    }
}
