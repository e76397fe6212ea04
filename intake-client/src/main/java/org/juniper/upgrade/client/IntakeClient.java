package org.juniper.upgrade.client;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.UnaryOperator;

/**
 * Intake's requester API (/api/v1/requests), as documented in its OpenAPI, and the one call of the ops API a
 * requester's flow needs (registering a contract). A connection failure or a server error ends as
 * {@link IntakeUnreachable}, a refusal as an {@link IntakeRefusal} with intake's reasons.
 */
public final class IntakeClient {
    public static final String UPLOAD_OFFSET = "Upload-Offset";
    public static final String UPLOAD_LENGTH = "Upload-Length";
    public static final String BACKUP_SHA256 = "Backup-Sha256";
    private static final ObjectMapper JSON = new ObjectMapper()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    private static final Duration SHORT_CALL = Duration.ofSeconds(60);
    /** A piece's or a whole backup's answer comes once all of it is sent: allow for a slow line. */
    private static final Duration LONG_CALL = Duration.ofMinutes(30);

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record NewRequest(String contract, String email, String database, String targetVersion,
            String sourceVersion, String purpose) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Created(UUID id, String secret) {
        public Token token() {
            return new Token(id, secret);
        }
    }

    /** Links that open the result in a browser, with no header. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Links(String download, String report, String expiresAt) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    private record Refusal(List<IntakeRefusal.Reason> failures) {
    }

    /** What a piece of the upload achieved: where to continue, or the request once the backup is complete. */
    public record Piece(long offset, RequestStatus completed) {
    }

    /** Log text from an offset, and the offset to read from next time. */
    public record LogChunk(String text, long next) {
    }

    /** The result's bytes from {@code from} on ({@code resumed}), or whole when intake ignored the Range. */
    public record Download(boolean resumed, InputStream body) {
    }

    private final URI base;
    private final HttpClient http;

    public IntakeClient(URI base) {
        String url = base.toString();
        this.base = URI.create(url.endsWith("/") ? url : url + "/");
        // redirects are never followed: a redirected request must not carry the request's secret elsewhere
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(20))
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    public URI base() {
        return base;
    }

    /** Operations register a customer's contract (ops API, with the operations token); again is harmless. */
    public void registerContract(String opsToken, String contract, String project) {
        HttpRequest put = HttpRequest.newBuilder(base.resolve("ops/v1/contracts/" + contract)).timeout(SHORT_CALL)
                .header("Authorization", "Bearer " + opsToken).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofByteArray(json(Map.of("project", project)))).build();
        expect(send(put), 200);
    }

    public Created create(NewRequest request) {
        HttpRequest post = HttpRequest.newBuilder(base.resolve("api/v1/requests")).timeout(SHORT_CALL)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(json(request))).build();
        return read(expect(send(post), 201), Created.class);
    }

    public RequestStatus status(Token token) {
        return status(token, RequestStatus.class);
    }

    /** The request's whole document read as {@code type}: a JsonNode shows every field intake gives. */
    public <T> T status(Token token, Class<T> type) {
        return read(expect(send(authorized(token, "").GET().build()), 200), type);
    }

    public RequestStatus start(Token token) {
        return read(expect(send(authorized(token, "/start").POST(HttpRequest.BodyPublishers.noBody()).build()), 200),
                RequestStatus.class);
    }

    public RequestStatus cancel(Token token) {
        return read(expect(send(authorized(token, "/cancel").POST(HttpRequest.BodyPublishers.noBody()).build()),
                200), RequestStatus.class);
    }

    /** Sends the zipped upgrade scripts of a new request; a second call replaces the first. */
    public RequestStatus uploadScripts(Token token, byte[] zip) {
        HttpRequest put = authorized(token, "/scripts").timeout(LONG_CALL).header("Content-Type", "application/zip")
                .PUT(HttpRequest.BodyPublishers.ofByteArray(zip)).build();
        return read(expect(send(put), 200), RequestStatus.class);
    }

    /** Sends the whole backup in one request; intake checks it as it streams and answers with the request. */
    public RequestStatus upload(Token token, byte[] backup) {
        return upload(token, HttpRequest.BodyPublishers.ofByteArray(backup));
    }

    public RequestStatus upload(Token token, Path backup) {
        try {
            return upload(token, HttpRequest.BodyPublishers.ofFile(backup));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + backup, e);
        }
    }

    private RequestStatus upload(Token token, HttpRequest.BodyPublisher backup) {
        HttpRequest put = authorized(token, "/backup").timeout(LONG_CALL).header("Content-Type", "application/zip")
                .PUT(backup).build();
        return read(expect(send(put), 200), RequestStatus.class);
    }

    /** How many bytes of the backup the platform has stored: where the upload continues. */
    public long uploadOffset(Token token) {
        HttpResponse<byte[]> answer = expect(send(authorized(token, "/backup")
                .method("HEAD", HttpRequest.BodyPublishers.noBody()).build()), 204);
        return answer.headers().firstValueAsLong(UPLOAD_OFFSET).orElse(0);
    }

    /**
     * Sends {@code length} bytes of {@code file} from {@code offset}, read through {@code counting} (to show
     * progress). The platform stores whole parts as they arrive and answers where to continue; the last piece
     * carries the checksum of the whole backup.
     */
    public Piece uploadPiece(Token token, Path file, long offset, long length, long total, String sha256,
            UnaryOperator<InputStream> counting) {
        HttpRequest.Builder patch = authorized(token, "/backup").timeout(LONG_CALL)
                .header("Content-Type", "application/offset+octet-stream")
                .header(UPLOAD_OFFSET, String.valueOf(offset))
                .header(UPLOAD_LENGTH, String.valueOf(total))
                .method("PATCH", HttpRequest.BodyPublishers.fromPublisher(HttpRequest.BodyPublishers.ofInputStream(
                        () -> counting.apply(piece(file, offset, length))), length));
        if (offset + length == total) {
            patch.header(BACKUP_SHA256, sha256);
        }
        HttpResponse<byte[]> answer = send(patch.build());
        if (answer.statusCode() == 204) {
            return new Piece(answer.headers().firstValueAsLong(UPLOAD_OFFSET).orElse(offset), null);
        }
        return new Piece(total, read(expect(answer, 200), RequestStatus.class));
    }

    /** The log from {@code offset} on ({@code Range: bytes=<offset>-}); empty when nothing was added. */
    public LogChunk log(Token token, long offset) {
        HttpResponse<byte[]> answer = send(authorized(token, "/log").header("Range", "bytes=" + offset + "-")
                .GET().build());
        if (answer.statusCode() == 416) {
            return new LogChunk("", offset);
        }
        if (answer.statusCode() == 206) {
            return new LogChunk(new String(answer.body(), StandardCharsets.UTF_8), offset + answer.body().length);
        }
        // a proxy that drops the Range header returns the whole log: keep only what is new
        byte[] whole = expect(answer, 200).body();
        int from = (int) Math.min(offset, whole.length);
        return new LogChunk(new String(whole, from, whole.length - from, StandardCharsets.UTF_8), whole.length);
    }

    /**
     * The result archive from byte {@code from} on ({@code Range: bytes=<from>-} when {@code from > 0}), as a stream
     * the caller closes; {@link Download#resumed()} is false when it came whole. Intake streams it, or redirects to a
     * short-lived URL at the object store's public address, followed here without the secret (the store refuses a
     * request with two kinds of credentials, and should never see it).
     */
    public Download download(Token token, long from) {
        HttpResponse<InputStream> answer = sendStreaming(ranged(authorized(token, "/download"), from));
        Optional<String> location = answer.headers().firstValue("Location");
        if (answer.statusCode() / 100 == 3 && location.isPresent()) {
            close(answer);
            answer = sendStreaming(ranged(HttpRequest.newBuilder(base.resolve(location.get())), from));
        }
        if (answer.statusCode() != 200 && answer.statusCode() != 206) {
            try (InputStream body = answer.body()) {
                throw refusal(answer.statusCode(), body.readAllBytes());
            } catch (IOException e) {
                throw refusal(answer.statusCode(), new byte[0]);
            }
        }
        return new Download(answer.statusCode() == 206, answer.body());
    }

    /** The upgrade report, {@code html} for people or {@code json} for programs. */
    public String report(Token token, String format) {
        return new String(expect(send(authorized(token, "/report?format=" + format).GET().build()), 200).body(),
                StandardCharsets.UTF_8);
    }

    /** Links that open the result in a browser, as the upgrade page asks for them. */
    public Links links(Token token) {
        return read(expect(send(authorized(token, "/links").POST(HttpRequest.BodyPublishers.noBody()).build()), 201),
                Links.class);
    }

    /** Every link issued so far for the request stops working. */
    public void revokeLinks(Token token) {
        expect(send(authorized(token, "/links").DELETE().build()), 204);
    }

    private HttpRequest.Builder authorized(Token token, String path) {
        return HttpRequest.newBuilder(base.resolve("api/v1/requests/" + token.id() + path)).timeout(SHORT_CALL)
                .header("Authorization", "Bearer " + token.secret());
    }

    private static InputStream piece(Path file, long offset, long length) {
        try {
            FileChannel channel = FileChannel.open(file).position(offset);
            return new FilterInputStream(Channels.newInputStream(channel)) {
                private long left = length;

                @Override
                public int read() throws IOException {
                    byte[] one = new byte[1];
                    return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
                }

                @Override
                public int read(byte[] b, int off, int len) throws IOException {
                    if (left <= 0) {
                        return -1;
                    }
                    int n = super.read(b, off, (int) Math.min(len, left));
                    if (n > 0) {
                        left -= n;
                    }
                    return n;
                }
            };
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    private HttpResponse<byte[]> send(HttpRequest request) {
        return send(request, HttpResponse.BodyHandlers.ofByteArray());
    }

    private static HttpRequest ranged(HttpRequest.Builder download, long from) {
        return (from > 0 ? download.header("Range", "bytes=" + from + "-") : download).GET().build();
    }

    private HttpResponse<InputStream> sendStreaming(HttpRequest request) {
        return send(request, HttpResponse.BodyHandlers.ofInputStream());
    }

    private static void close(HttpResponse<InputStream> answer) {
        try {
            answer.body().close();
        } catch (IOException e) {
            // a redirect's body is not needed
        }
    }

    private <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> body) {
        try {
            return http.send(request, body);
        } catch (IOException e) {
            String cause = e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
            throw new IntakeUnreachable("cannot reach the platform at " + base + " (" + cause + ")", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IntakeException("interrupted while waiting for the platform", e);
        }
    }

    private HttpResponse<byte[]> expect(HttpResponse<byte[]> answer, int status) {
        if (answer.statusCode() != status) {
            throw refusal(answer.statusCode(), answer.body());
        }
        return answer;
    }

    /** A refusal with every reason intake gave; server errors count as unreachable, since a retry may work. */
    private IntakeException refusal(int status, byte[] body) {
        if (status >= 500) {
            return new IntakeUnreachable("the platform at " + base + " had an error (HTTP " + status
                    + "); try again later");
        }
        List<IntakeRefusal.Reason> reasons = new ArrayList<>();
        try {
            Refusal refusal = JSON.readValue(body, Refusal.class);
            if (refusal.failures() != null) {
                reasons.addAll(refusal.failures());
            }
        } catch (IOException e) {
            // not one of intake's refusals (a proxy's page, say): the status says enough
        }
        StringBuilder message = new StringBuilder(switch (status) {
            case 401, 404 -> "the platform knows no such request, or the token's secret is wrong (HTTP " + status
                    + "): check the token";
            default -> "the platform refused (HTTP " + status + ")";
        });
        for (IntakeRefusal.Reason r : reasons) {
            message.append("\n  ").append(r.reason()).append(": ").append(r.message());
            if (r.expected() != null) {
                message.append(" (expected: ").append(r.expected()).append(")");
            }
        }
        return new IntakeRefusal(status, reasons, message.toString());
    }

    private static byte[] json(Object value) {
        try {
            return JSON.writeValueAsBytes(value);
        } catch (IOException e) {
            throw new IllegalStateException("cannot write " + value + " as JSON", e);
        }
    }

    private <T> T read(HttpResponse<byte[]> answer, Class<T> type) {
        try {
            return JSON.readValue(answer.body(), type);
        } catch (IOException e) {
            throw new IntakeException("the platform at " + base + " answered something that is not "
                    + type.getSimpleName() + " JSON (" + e.getMessage() + "); is the URL the intake service?", e);
        }
    }
}
