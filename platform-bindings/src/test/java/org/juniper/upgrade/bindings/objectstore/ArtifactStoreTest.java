package org.juniper.upgrade.bindings.objectstore;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
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
    void aPublicDownloadFetchesTheObjectFromThePublicAddressWithoutCredentialsAsTheNamedFileAndResumes()
            throws Exception {
        String publicEndpoint = new InstanceObjectStore(PART).endpoint().replace("127.0.0.1", "localhost");
        ArtifactStore published = new ArtifactStore(new InstanceObjectStore(PART, Optional.of(publicEndpoint)));
        byte[] content = new byte[300_000];
        new Random(7).nextBytes(content);
        String key = PREFIX + "published";
        STORE.put(key, new ByteArrayInputStream(content), "application/zip");

        URI url = published.publicDownload(key, "acme-17.0.zip", "application/zip").orElseThrow();
        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<byte[]> whole = http.send(HttpRequest.newBuilder(url).build(), BodyHandlers.ofByteArray());
        HttpResponse<byte[]> tail = http.send(HttpRequest.newBuilder(url).header("Range", "bytes=200000-").build(),
                BodyHandlers.ofByteArray());

        assertTrue(url.toString().startsWith(publicEndpoint + "/"), url.toString());
        assertEquals(200, whole.statusCode());
        assertArrayEquals(content, whole.body());
        assertEquals("attachment; filename=\"acme-17.0.zip\"",
                whole.headers().firstValue("Content-Disposition").orElse(null));
        assertEquals(206, tail.statusCode());
        assertArrayEquals(Arrays.copyOfRange(content, 200_000, content.length), tail.body());
        assertTrue(STORE.publicDownload(key, "acme-17.0.zip", "application/zip").isEmpty(),
                "without a public address, nothing of the store is handed out");
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

    @Test
    void aReadWhoseConnectionDropsMidwayResumesWhereItStoppedAndGetsEveryByte() throws Exception {
        byte[] content = new byte[3 * 1024 * 1024 + 17];
        new Random(3).nextBytes(content);
        String key = PREFIX + "dropped";
        STORE.put(key, new ByteArrayInputStream(content), "application/octet-stream");

        // every connection to the store is cut after 700 KB of its answers, as an idle timeout or a proxy would
        try (CuttingProxy proxy = new CuttingProxy(URI.create(new InstanceObjectStore(PART).endpoint()), 700 * 1024)) {
            ArtifactStore throughProxy = new ArtifactStore(new Endpoint(proxy.url()));
            assertArrayEquals(content, throughProxy.readAllBytes(key));
            assertTrue(proxy.cuts() >= 4, "the read went over " + proxy.cuts() + " cut connections");

            try (InputStream in = throughProxy.open(key)) {
                in.readNBytes(600 * 1024);
                STORE.put(key, new ByteArrayInputStream(new byte[content.length]), "application/octet-stream");
                assertThrows(IOException.class, in::readAllBytes, "an object replaced meanwhile is not resumed");
            }
        }
    }

    /** The test instance's store, reached at another address. */
    private record Endpoint(String endpoint) implements ObjectStoreConfig {
        private static final InstanceObjectStore INSTANCE = new InstanceObjectStore(PART);

        @Override
        public String accessKey() {
            return INSTANCE.accessKey();
        }

        @Override
        public String secretKey() {
            return INSTANCE.secretKey();
        }

        @Override
        public String bucket() {
            return INSTANCE.bucket();
        }

        @Override
        public String region() {
            return INSTANCE.region();
        }

        @Override
        public int partSize() {
            return PART;
        }

        @Override
        public int parallelUploads() {
            return 1;
        }

        @Override
        public Optional<String> publicEndpoint() {
            return Optional.empty();
        }

        @Override
        public Duration publicUrlValidity() {
            return INSTANCE.publicUrlValidity();
        }
    }

    /** A TCP proxy to the store that closes each connection once it has passed {@code limit} bytes of answers. */
    private static final class CuttingProxy implements AutoCloseable {
        private final ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        private final AtomicInteger cuts = new AtomicInteger();

        CuttingProxy(URI upstream, int limit) throws IOException {
            Thread acceptor = new Thread(() -> {
                while (!server.isClosed()) {
                    try {
                        Socket client = server.accept();
                        Socket store = new Socket(upstream.getHost(), upstream.getPort());
                        pump(client.getInputStream(), store.getOutputStream(), Long.MAX_VALUE, client, store);
                        pump(store.getInputStream(), client.getOutputStream(), limit, client, store);
                    } catch (IOException closed) {
                        return;
                    }
                }
            });
            acceptor.setDaemon(true);
            acceptor.start();
        }

        private void pump(InputStream from, OutputStream to, long limit, Socket a, Socket b) {
            Thread pump = new Thread(() -> {
                byte[] buffer = new byte[8192];
                long passed = 0;
                try {
                    for (int n; (n = from.read(buffer, 0, (int) Math.min(buffer.length, limit - passed))) > 0;) {
                        to.write(buffer, 0, n);
                        passed += n;
                        if (passed == limit) {
                            cuts.incrementAndGet();
                            break;
                        }
                    }
                } catch (IOException gone) {
                    // the other side closed
                }
                closeBoth(a, b);
            });
            pump.setDaemon(true);
            pump.start();
        }

        private static void closeBoth(Socket a, Socket b) {
            try {
                a.close();
                b.close();
            } catch (IOException ignored) {
                // closing is all that is left
            }
        }

        String url() {
            return "http://127.0.0.1:" + server.getLocalPort();
        }

        int cuts() {
            return cuts.get();
        }

        @Override
        public void close() throws IOException {
            server.close();
        }
    }
}
