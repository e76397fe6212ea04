package org.juniper.upgrade.archive;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;

class BytesTest {

    @Test
    void findsTheFirstMatchAtEveryPositionAndAlignment() {
        Random random = new Random(11);
        for (int round = 0; round < 2_000; round++) {
            byte[] bytes = new byte[random.nextInt(70)];
            for (int i = 0; i < bytes.length; i++) {
                // bytes next to the searched one and bytes with the high bit set, where a word-wide search can err
                bytes[i] = (byte) new int[] {'\n' - 1, '\n' + 1, 0x80, 0x8a, 0xff, 0, 'a'}[random.nextInt(7)];
            }
            if (bytes.length > 0 && random.nextBoolean()) {
                bytes[random.nextInt(bytes.length)] = '\n';
                bytes[random.nextInt(bytes.length)] = '\n';
            }
            int from = bytes.length == 0 ? 0 : random.nextInt(bytes.length);
            int to = from + (bytes.length == from ? 0 : random.nextInt(bytes.length - from + 1));
            assertEquals(naive(bytes, (byte) '\n', from, to), Bytes.indexOf(bytes, (byte) '\n', from, to));
            assertEquals(naive(bytes, (byte) 0x8a, from, to), Bytes.indexOf(bytes, (byte) 0x8a, from, to));
        }
    }

    private static int naive(byte[] bytes, byte b, int from, int to) {
        for (int i = from; i < to; i++) {
            if (bytes[i] == b) {
                return i;
            }
        }
        return -1;
    }
}
