package org.juniper.upgrade.client;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The client against a small HTTP server that answers each route as intake's OpenAPI document says. */
class IntakeClientTest {
    private static final UUID ID = UUID.fromString("6f1c2a44-8a43-4c50-9d4b-2f3c1e0a7b11");
    private static final Token TOKEN = new Token(ID, "s3cret");
    private static final String PATH = "/api/v1/requests/" + ID;
    private static final byte[] ARCHIVE = "0123456789abcdefghij".getBytes(StandardCharsets.US_ASCII);

    /** What the server was sent: method, path with query, Authorization, and the named request headers. */
    record Seen(String method, String path, String authorization, String range, String uploadOffset,
            String checksum, String body) {
    }

    private final List<Seen> seen = new CopyOnWriteArrayList<>();
    private volatile boolean ignoreRange;
    private volatile boolean storePublished;
    private HttpServer server;
    private IntakeClient client;
    @TempDir
    Path work;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::answer);
        server.start();
        client = new IntakeClient(URI.create("http://127.0.0.1:" + server.getAddress().getPort()));
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void createSendsOnlyTheGivenFieldsAndGivesTheTokenOfTheNewRequest() {
        IntakeClient.Created created = client.create(new IntakeClient.NewRequest("M2026-0042", "it@acme.example",
                "acme", "17.0", null, "test"));

        assertEquals(TOKEN, created.token());
        Seen post = seen.get(0);
        assertEquals("POST /api/v1/requests", post.method() + " " + post.path());
        assertEquals("{\"contract\":\"M2026-0042\",\"email\":\"it@acme.example\",\"database\":\"acme\","
                + "\"targetVersion\":\"17.0\",\"purpose\":\"test\"}", post.body());
        assertNull(post.authorization(), "a new request has no secret yet");
    }

    @Test
    void theSecretTravelsOnlyInTheAuthorizationHeader() {
        client.start(TOKEN);
        client.status(TOKEN);
        client.log(TOKEN, 0);

        for (Seen call : seen) {
            assertEquals("Bearer s3cret", call.authorization(), call.toString());
            assertFalse(call.path().contains("s3cret"), call.toString());
        }
    }

    @Test
    void aRefusalCarriesEveryReasonIntakeGaveAndItsStatus() {
        IntakeRefusal refusal = assertThrows(IntakeRefusal.class, () -> client.cancel(TOKEN));

        assertEquals(409, refusal.status());
        assertTrue(refusal.has("REQUEST:FINISHED") && refusal.has("REQUEST:OTHER"), refusal.getMessage());
        assertTrue(refusal.getMessage().contains("REQUEST:FINISHED: it has ended (expected: a running request)"),
                refusal.getMessage());
    }

    @Test
    void aServerErrorAndAClosedPortAreUnreachableAndNameTheUrl() {
        IntakeUnreachable error = assertThrows(IntakeUnreachable.class, () -> client.uploadScripts(TOKEN,
                new byte[1]));
        IntakeUnreachable closed = assertThrows(IntakeUnreachable.class, () -> new IntakeClient(
                URI.create("http://127.0.0.1:9")).status(TOKEN));

        assertTrue(error.getMessage().contains("HTTP 503"), error.getMessage());
        assertTrue(closed.getMessage().contains("cannot reach the platform at http://127.0.0.1:9/"),
                closed.getMessage());
    }

    @Test
    void theStatusIsReadTypedOrWhole() {
        RequestStatus status = client.status(TOKEN);
        JsonNode whole = client.status(TOKEN, JsonNode.class);

        assertEquals("progress", status.state());
        assertEquals("a1", whole.at("/attempt/id").asText(), "fields the typed status leaves out are still there");
    }

    @Test
    void theLogIsReadFromAnOffsetWhateverTheServerDoesWithTheRange() {
        IntakeClient.LogChunk tail = client.log(TOKEN, 4);
        IntakeClient.LogChunk none = client.log(TOKEN, 100);
        ignoreRange = true;
        IntakeClient.LogChunk whole = client.log(TOKEN, 4);

        assertEquals(new IntakeClient.LogChunk("two\nthree\n", 14), tail);
        assertEquals(new IntakeClient.LogChunk("", 100), none, "416: nothing new");
        assertEquals(tail, whole, "a Range dropped on the way: only what is new is kept");
        assertEquals("bytes=4-", seen.get(0).range());
    }

    @Test
    void aDownloadContinuesFromAByteOrSaysItStartedOver() throws IOException {
        IntakeClient.Download rest = client.download(TOKEN, 5);
        IntakeClient.Download whole = client.download(TOKEN, 0);

        assertTrue(rest.resumed());
        assertArrayEquals(slice(ARCHIVE, 5), readAll(rest.body()));
        assertFalse(whole.resumed());
        assertArrayEquals(ARCHIVE, readAll(whole.body()));
        assertNull(seen.get(1).range(), "from 0 asks for everything");
    }

    @Test
    void aDownloadRedirectedToTheObjectStoreIsFetchedThereWithItsRangeAndWithoutTheSecret() throws IOException {
        storePublished = true;

        IntakeClient.Download rest = client.download(TOKEN, 5);

        assertTrue(rest.resumed());
        assertArrayEquals(slice(ARCHIVE, 5), readAll(rest.body()));
        Seen atStore = seen.get(1);
        assertEquals("GET /store/archive.zip?X-Amz-Signature=x", atStore.method() + " " + atStore.path());
        assertEquals("bytes=5-", atStore.range());
        assertNull(atStore.authorization(), "the store never sees the request's secret");
    }

    @Test
    void onlyTheLastPieceOfAnUploadCarriesTheChecksum() throws IOException {
        Path backup = Files.write(work.resolve("backup.zip"), ARCHIVE);
        List<Integer> counted = new ArrayList<>();

        IntakeClient.Piece first = client.uploadPiece(TOKEN, backup, 0, 8, ARCHIVE.length, "abc", in -> {
            counted.add(8);
            return in;
        });
        IntakeClient.Piece last = client.uploadPiece(TOKEN, backup, 8, ARCHIVE.length - 8, ARCHIVE.length, "abc",
                in -> in);

        assertEquals(new IntakeClient.Piece(8, null), first);
        assertEquals("pending", last.completed().state());
        assertEquals("01234567", seen.get(0).body(), "the piece is its bytes of the file");
        assertNull(seen.get(0).checksum());
        assertEquals("abc", seen.get(1).checksum());
        assertEquals("8", seen.get(1).uploadOffset());
        assertEquals(List.of(8), counted, "the piece's bytes are read through the caller's stream");
    }

    /** Answers each route of intake's requester API with what intake answers in the case each test needs. */
    private void answer(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        String path = exchange.getRequestURI().toString();
        var headers = exchange.getRequestHeaders();
        seen.add(new Seen(exchange.getRequestMethod(), path, headers.getFirst("Authorization"),
                headers.getFirst("Range"), headers.getFirst("Upload-Offset"), headers.getFirst("Backup-Sha256"),
                body));
        String range = ignoreRange ? null : headers.getFirst("Range");
        long from = range == null ? 0 : Long.parseLong(range.replaceAll("\\D", ""));
        String route = path.startsWith(PATH) ? path.substring(PATH.length()) : path;
        switch (exchange.getRequestMethod() + " " + route) {
            case "POST /api/v1/requests" -> send(exchange, 201, "{\"id\":\"" + ID + "\",\"secret\":\"s3cret\","
                    + "\"state\":\"new\"}");
            case "POST /start" -> send(exchange, 200, status("pending"));
            case "POST /cancel" -> send(exchange, 409, "{\"failures\":[{\"reason\":\"REQUEST:FINISHED\","
                    + "\"message\":\"it has ended\",\"expected\":\"a running request\"},{\"reason\":"
                    + "\"REQUEST:OTHER\",\"message\":\"and more\"}]}");
            case "PUT /scripts" -> send(exchange, 503, "");
            case "GET " -> send(exchange, 200, status("progress"));
            case "GET /log" -> {
                byte[] log = "one\ntwo\nthree\n".getBytes(StandardCharsets.UTF_8);
                if (from >= log.length) {
                    send(exchange, 416, "");
                } else {
                    send(exchange, range == null ? 200 : 206, slice(log, from));
                }
            }
            case "GET /download" -> {
                if (storePublished) {
                    exchange.getResponseHeaders().add("Location", "/store/archive.zip?X-Amz-Signature=x");
                    send(exchange, 307, "");
                } else {
                    send(exchange, range == null ? 200 : 206, slice(ARCHIVE, from));
                }
            }
            case "GET /store/archive.zip?X-Amz-Signature=x" -> send(exchange, range == null ? 200 : 206,
                    slice(ARCHIVE, from));
            case "PATCH /backup" -> {
                long end = Long.parseLong(headers.getFirst("Upload-Offset")) + body.length();
                if (end < ARCHIVE.length) {
                    exchange.getResponseHeaders().add("Upload-Offset", String.valueOf(end));
                    exchange.sendResponseHeaders(204, -1);
                    exchange.close();
                } else {
                    send(exchange, 200, status("pending"));
                }
            }
            default -> send(exchange, 404, "{\"failures\":[{\"reason\":\"ROUTE:NOT_FOUND\",\"message\":\"no\"}]}");
        }
    }

    private static String status(String state) {
        return "{\"id\":\"" + ID + "\",\"database\":\"acme\",\"state\":\"" + state + "\",\"attempt\":{\"id\":\"a1\","
                + "\"number\":1}}";
    }

    private static void send(HttpExchange exchange, int status, String body) throws IOException {
        send(exchange, status, body.getBytes(StandardCharsets.UTF_8));
    }

    private static void send(HttpExchange exchange, int status, byte[] body) throws IOException {
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            exchange.getResponseBody().write(body);
        }
        exchange.close();
    }

    private static byte[] slice(byte[] bytes, long from) {
        return Arrays.copyOfRange(bytes, (int) from, bytes.length);
    }

    private static byte[] readAll(InputStream in) throws IOException {
        try (in) {
            return in.readAllBytes();
        }
    }
}
