package org.juniper.upgrade.archive;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/** Byte searches over dumps, which are mostly scanned for line ends: gigabytes of them per run. */
public final class Bytes {
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class,
            ByteOrder.LITTLE_ENDIAN);
    private static final long ONES = 0x0101010101010101L;
    private static final long HIGHS = 0x8080808080808080L;

    private Bytes() {
    }

    /**
     * The index of the first {@code b} in {@code bytes[from, to)}, or -1. Eight bytes at a time: a byte-by-byte loop
     * was the hottest code of the neutralizer.
     */
    public static int indexOf(byte[] bytes, byte b, int from, int to) {
        long pattern = ONES * (b & 0xff);
        int i = from;
        for (; i + Long.BYTES <= to; i += Long.BYTES) {
            long word = (long) LONGS.get(bytes, i) ^ pattern;
            // a byte of the word is zero (a match) exactly when its high bit survives this; the lowest is exact
            long found = (word - ONES) & ~word & HIGHS;
            if (found != 0) {
                return i + (Long.numberOfTrailingZeros(found) >>> 3);
            }
        }
        for (; i < to; i++) {
            if (bytes[i] == b) {
                return i;
            }
        }
        return -1;
    }
}
