package org.juniper.upgrade.bindings.objectstore;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Random;
import java.util.UUID;
import org.juniper.upgrade.archive.Sha256;
import org.juniper.upgrade.bindings.testing.InstanceObjectStore;
import org.juniper.upgrade.events.StoredObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The store against the real S3 server of the test instance, with small parts so that sizes cross their edges. */
class ArtifactStoreTest {
    private static final int PART = 5 * 1024 * 1024;
    private static final ArtifactStore STORE = new ArtifactStore(new InstanceObjectStore(PART));
    private static final String PREFIX = "artifact-store-test/" + UUID.randomUUID() + "/";

    @AfterAll
    static void cleanUp() {
        STORE.deleteAll(PREFIX);
    }

    @ParameterizedTest(name = "{0} bytes")
    @ValueSource(ints = {0, 1024, PART - 1, PART, 2 * PART, 4 * PART + 12_345})
    void whatIsStoredIsReadBackWholeWithTheChecksumOfItsBytes(int size) {
        byte[] content = new byte[size];
        new Random(size).nextBytes(content);
        String key = PREFIX + size;

        StoredObject stored = STORE.put(key, new ByteArrayInputStream(content), "application/octet-stream");

        assertEquals(Sha256.hex(content), stored.sha256());
        assertEquals(size, stored.size());
        assertEquals(stored, STORE.find(key).orElseThrow(), "the checksum record is written");
        assertArrayEquals(content, STORE.readAllBytes(key));
    }

    @Test
    void anUploadWhoseSourceFailsMidwayLeavesNoArtifact() {
        String key = PREFIX + "broken";
        InputStream failing = new InputStream() {
            private long served;

            @Override
            public int read() throws IOException {
                if (served++ > 3L * PART) {
                    throw new IOException("connection reset by the client");
                }
                return 7;
            }
        };

        assertThrows(ObjectStoreException.class, () -> STORE.put(key, failing, "application/octet-stream"));
        assertTrue(STORE.find(key).isEmpty(), "no checksum record, so no artifact");
    }
}
