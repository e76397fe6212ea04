package org.juniper.upgrade.archive;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class StreamForkTest {

    @Test
    void everyReaderReadsEveryByteInOrder() throws IOException {
        byte[] data = new byte[(9 << 20) + 12345];
        new Random(7).nextBytes(data);
        ByteArrayOutputStream first = new ByteArrayOutputStream();
        ByteArrayOutputStream second = new ByteArrayOutputStream();
        try (StreamFork fork = new StreamFork("test", 1 << 20, 8, in -> in.transferTo(first),
                in -> in.transferTo(second))) {
            for (int offset = 0; offset < data.length; offset += 70_001) {
                fork.write(data, offset, Math.min(70_001, data.length - offset));
            }
        }
        assertArrayEquals(data, first.toByteArray());
        assertArrayEquals(data, second.toByteArray());
    }

    @Test
    void chunksFilledAgainOnceEveryReaderLeftThemCarryEveryByteInOrder() throws IOException {
        byte[] data = new byte[1 << 20];
        new Random(11).nextBytes(data);
        ByteArrayOutputStream fast = new ByteArrayOutputStream();
        ByteArrayOutputStream slow = new ByteArrayOutputStream();
        try (StreamFork fork = new StreamFork("test", 1000, 2, in -> in.transferTo(fast), in -> {
            byte[] small = new byte[333];
            for (int n; (n = in.read(small)) > 0;) {
                slow.write(small, 0, n);
            }
        })) {
            for (int offset = 0; offset < data.length; offset += 777) {
                fork.write(data, offset, Math.min(777, data.length - offset));
            }
        }
        assertArrayEquals(data, fast.toByteArray());
        assertArrayEquals(data, slow.toByteArray());
    }

    @Test
    @Timeout(60)
    void aFailingReaderFailsTheWriterWithoutBlockingIt() {
        ByteArrayOutputStream other = new ByteArrayOutputStream();
        IOException thrown = assertThrows(IOException.class, () -> {
            try (StreamFork fork = new StreamFork("test", 1 << 20, 8, in -> {
                in.readNBytes(100);
                throw new IOException("the reader gave up");
            }, in -> in.transferTo(other))) {
                // far more than the queues hold: a reader that stopped reading must not make this wait forever
                byte[] chunk = new byte[1 << 20];
                for (int i = 0; i < 64; i++) {
                    fork.write(chunk);
                }
            }
        });
        assertEquals("the reader gave up", thrown.getMessage());
    }

    @Test
    @Timeout(60)
    void aReaderDyingOfAnErrorStillLeavesTheWriterFreeAndFailsIt() {
        AssertionError thrown = assertThrows(AssertionError.class, () -> {
            try (StreamFork fork = new StreamFork("test", 1 << 10, 2, in -> {
                throw new AssertionError("the reader died");
            })) {
                fork.write(new byte[1 << 20]);
            }
        });
        assertEquals("the reader died", thrown.getMessage());
    }

    @Test
    @Timeout(60)
    void aReaderThatStopsEarlyLeavesTheOthersTheWholeStream() throws IOException {
        byte[] data = new byte[20 << 20];
        ByteArrayOutputStream whole = new ByteArrayOutputStream();
        try (StreamFork fork = new StreamFork("test", 1 << 20, 8, in -> in.readNBytes(10),
                in -> in.transferTo(whole))) {
            fork.write(data);
        }
        assertEquals(data.length, whole.size());
    }
}
