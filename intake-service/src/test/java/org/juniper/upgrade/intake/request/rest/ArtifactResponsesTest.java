package org.juniper.upgrade.intake.request.rest;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.ws.rs.core.Response;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.UUID;
import org.juniper.upgrade.bindings.objectstore.ArtifactStore;
import org.juniper.upgrade.bindings.testing.InstanceObjectStore;
import org.juniper.upgrade.events.StoredObject;
import org.junit.jupiter.api.Test;

/** Where an archive download is sent from, against the test instance's real object store. */
class ArtifactResponsesTest {
    private static final int PART = 8 * 1024 * 1024;

    @Test
    void withAPublicObjectStoreAddressAnArchiveIsRedirectedThereForAFewMinutesAndNeverCached() throws Exception {
        String publicEndpoint = new InstanceObjectStore(PART).endpoint().replace("127.0.0.1", "localhost");
        ArtifactStore store = new ArtifactStore(new InstanceObjectStore(PART, Optional.of(publicEndpoint)));
        byte[] archive = "the upgraded archive".getBytes(StandardCharsets.UTF_8);
        String prefix = "artifact-responses-test/" + UUID.randomUUID() + "/";
        String key = prefix + "upgraded.zip";
        StoredObject stored = store.put(key, archive, "application/zip");
        try {
            Response answer = new ArtifactResponses(store).attachment(stored, "application/zip", "acme-17.0.zip",
                    "bytes=4-");

            assertEquals(307, answer.getStatus(), "the method and the Range go on to the store");
            assertEquals("private, no-store", answer.getHeaderString("Cache-Control"));
            String location = answer.getLocation().toString();
            assertTrue(location.startsWith(publicEndpoint + "/") && location.contains("X-Amz-Expires=900"), location);
            HttpResponse<byte[]> fetched = HttpClient.newHttpClient().send(HttpRequest.newBuilder(answer.getLocation())
                    .header("Range", "bytes=4-").build(), BodyHandlers.ofByteArray());
            assertEquals(206, fetched.statusCode());
            assertArrayEquals("upgraded archive".getBytes(StandardCharsets.UTF_8), fetched.body());
        } finally {
            store.deleteAll(prefix);
        }
    }
}
