package org.juniper.upgrade.cli;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.juniper.upgrade.archive.Sha256;

/**
 * Intake's requester API (/api/v1/requests), as documented in its OpenAPI. A connection failure ends as
 * {@link Exit#UNREACHABLE}, a refusal as a {@link PlatformRefusal} with intake's reasons.
 */
final class IntakeClient {
    static final String UPLOAD_OFFSET = "Upload-Offset";
    static final String UPLOAD_LENGTH = "Upload-Length";
    static final String BACKUP_SHA256 = "Backup-Sha256";
    private static final ObjectMapper JSON = new ObjectMapper()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    private static final Duration SHORT_CALL = Duration.ofSeconds(60);
    /** A piece's answer comes once all of it is sent: allow for a slow line. */
    private static final Duration PIECE_CALL = Duration.ofMinutes(30);

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record NewRequest(String contract, String email, String database, String targetVersion, String sourceVersion,
            String purpose) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Created(UUID id, String secret) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    private record Refusal(List<PlatformRefusal.Reason> failures) {
    }

    /** What a piece of the upload achieved: where to continue, or the request once the backup is complete. */
    record Piece(long offset, RequestStatus completed) {
    }

    /** Log text from an offset, and the offset to read from next time. */
    record LogChunk(String text, long next) {
    }

    private final URI base;
    private final HttpClient http;

    IntakeClient(URI base) {
        String url = base.toString();
        this.base = URI.create(url.endsWith("/") ? url : url + "/");
        // redirects are followed by hand: the download link must not receive the request's secret
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(20))
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    URI base() {
        return base;
    }

    Created create(NewRequest request) {
        HttpRequest post = HttpRequest.newBuilder(base.resolve("api/v1/requests")).timeout(SHORT_CALL)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(json(request))).build();
        return read(expect(send(post), 201), Created.class);
    }

    RequestStatus status(Token token) {
        return read(expect(send(authorized(token, "").GET().build()), 200), RequestStatus.class);
    }

    RequestStatus start(Token token) {
        return read(expect(send(authorized(token, "/start").POST(HttpRequest.BodyPublishers.noBody()).build()), 200),
                RequestStatus.class);
    }

    RequestStatus cancel(Token token) {
        return read(expect(send(authorized(token, "/cancel").POST(HttpRequest.BodyPublishers.noBody()).build()),
                200), RequestStatus.class);
    }

    /** Sends the zipped upgrade scripts of a new request; a second call replaces the first. */
    RequestStatus uploadScripts(Token token, byte[] zip) {
        HttpRequest put = authorized(token, "/scripts").timeout(PIECE_CALL).header("Content-Type", "application/zip")
                .PUT(HttpRequest.BodyPublishers.ofByteArray(zip)).build();
        return read(expect(send(put), 200), RequestStatus.class);
    }

    /** How many bytes of the backup the platform has stored: where the upload continues. */
    long uploadOffset(Token token) {
        HttpResponse<byte[]> answer = expect(send(authorized(token, "/backup")
                .method("HEAD", HttpRequest.BodyPublishers.noBody()).build()), 204);
        return answer.headers().firstValueAsLong(UPLOAD_OFFSET).orElse(0);
    }

    /**
     * Sends {@code length} bytes of {@code file} from {@code offset}. The platform stores whole parts as they
     * arrive and answers where to continue; the last piece carries the checksum of the whole backup.
     */
    Piece uploadPiece(Token token, Path file, long offset, long length, long total, String sha256, Progress progress) {
        HttpRequest.Builder patch = authorized(token, "/backup").timeout(PIECE_CALL)
                .header("Content-Type", "application/offset+octet-stream")
                .header(UPLOAD_OFFSET, String.valueOf(offset))
                .header(UPLOAD_LENGTH, String.valueOf(total))
                .method("PATCH", HttpRequest.BodyPublishers.fromPublisher(HttpRequest.BodyPublishers.ofInputStream(
                        () -> progress.counting(piece(file, offset, length))), length));
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
    LogChunk log(Token token, long offset) {
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
     * Downloads the result to {@code target} and checks it against the platform's record of it. The bytes go to
     * {@code target}.part first; a run that finds one continues it with a Range request, so a cut download of a
     * large archive does not start over. Intake sends it, or redirects to a short-lived link at the object store's
     * public address, fetched without the secret (the store refuses a request with two kinds of credentials, and
     * should never see it).
     */
    void download(Token token, RequestStatus.Result expected, Path target, Ui ui) {
        Path partial = target.resolveSibling(target.getFileName() + ".part");
        long have = sizeOf(partial);
        if (have > expected.size()) {
            deleteQuietly(partial);
            have = 0;
        }
        if (have < expected.size()) {
            fetch(token, partial, have, expected.size(), ui);
        }
        String sha256 = sha256Of(partial, expected.size(), ui);
        if (!sha256.equals(expected.sha256())) {
            deleteQuietly(partial);
            throw new CliFailure(Exit.CORRUPT_DOWNLOAD, "the downloaded result's sha256 is " + sha256 + ", not "
                    + expected.sha256() + " as the platform recorded: it was damaged on the way and was not "
                    + "restored; run the command again to download it again");
        }
        try {
            Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new CliFailure(Exit.FAILED, "cannot move the download to " + target + ": " + e.getMessage(), e);
        }
    }

    /** Appends the result from byte {@code from} on to {@code partial}; writes it whole if the server ignores Range. */
    private void fetch(Token token, Path partial, long from, long total, Ui ui) {
        HttpResponse<InputStream> answer = sendStreaming(ranged(authorized(token, "/download"), from));
        Optional<String> location = answer.headers().firstValue("Location");
        if (answer.statusCode() / 100 == 3 && location.isPresent()) {
            close(answer);
            answer = sendStreaming(ranged(HttpRequest.newBuilder(base.resolve(location.get())), from));
        }
        boolean resumed = answer.statusCode() == 206;
        if (answer.statusCode() != 200 && !resumed) {
            byte[] body = readAll(answer);
            throw refusal(answer.statusCode(), body);
        }
        if (resumed) {
            ui.say("An earlier run downloaded " + Progress.bytes(from) + " of the result: continuing from there.");
        }
        Progress progress = new Progress(ui, "download", total);
        progress.resumedAt(resumed ? from : 0);
        try (InputStream in = answer.body(); progress; OutputStream out = Files.newOutputStream(partial,
                StandardOpenOption.CREATE, StandardOpenOption.WRITE, resumed ? StandardOpenOption.APPEND
                        : StandardOpenOption.TRUNCATE_EXISTING)) {
            progress.counting(in).transferTo(out);
        } catch (IOException e) {
            throw new CliFailure(Exit.UNREACHABLE, "the download stopped at " + Progress.bytes(sizeOf(partial))
                    + " of " + Progress.bytes(total) + " (" + e.getMessage() + "); run the same command again to "
                    + "continue it", e);
        }
    }

    private static long sizeOf(Path file) {
        try {
            return Files.exists(file) ? Files.size(file) : 0;
        } catch (IOException e) {
            return 0;
        }
    }

    private static String sha256Of(Path file, long size, Ui ui) {
        Sha256 sha256 = new Sha256();
        try (Progress progress = new Progress(ui, "checksum", size);
                InputStream in = progress.counting(sha256.wrap(Files.newInputStream(file)))) {
            in.transferTo(OutputStream.nullOutputStream());
        } catch (IOException e) {
            throw new CliFailure(Exit.FAILED, "cannot read the download " + file + ": " + e.getMessage(), e);
        }
        return sha256.hex();
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
            throw new CliFailure(Exit.FAILED, "cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    private HttpResponse<byte[]> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw unreachable(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CliFailure(Exit.FAILED, "interrupted while waiting for the platform", e);
        }
    }

    private static HttpRequest ranged(HttpRequest.Builder download, long from) {
        return (from > 0 ? download.header("Range", "bytes=" + from + "-") : download).GET().build();
    }

    private HttpResponse<InputStream> sendStreaming(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofInputStream());
        } catch (IOException e) {
            throw unreachable(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CliFailure(Exit.FAILED, "interrupted while waiting for the platform", e);
        }
    }

    private CliFailure unreachable(IOException e) {
        String cause = e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
        return new CliFailure(Exit.UNREACHABLE, "cannot reach the platform at " + base + " (" + cause + "); check "
                + "--url and the network, then run the command again", e);
    }

    private HttpResponse<byte[]> expect(HttpResponse<byte[]> answer, int status) {
        if (answer.statusCode() != status) {
            throw refusal(answer.statusCode(), answer.body());
        }
        return answer;
    }

    /** A refusal with every reason intake gave; server errors count as unreachable, since a retry may work. */
    private CliFailure refusal(int status, byte[] body) {
        if (status >= 500) {
            return new CliFailure(Exit.UNREACHABLE, "the platform at " + base + " had an error (HTTP " + status
                    + "); try again later");
        }
        List<PlatformRefusal.Reason> reasons = new ArrayList<>();
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
        for (PlatformRefusal.Reason r : reasons) {
            message.append("\n  ").append(r.reason()).append(": ").append(r.message());
            if (r.expected() != null) {
                message.append(" (expected: ").append(r.expected()).append(")");
            }
        }
        return new PlatformRefusal(status, reasons, message.toString());
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
            throw new CliFailure(Exit.FAILED, "the platform at " + base + " answered something that is not "
                    + type.getSimpleName() + " JSON (" + e.getMessage() + "); is --url the intake service?", e);
        }
    }

    private static byte[] readAll(HttpResponse<InputStream> answer) {
        try (InputStream in = answer.body()) {
            return in.readAllBytes();
        } catch (IOException e) {
            return new byte[0];
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // the next run finds it, checks it and starts over
        }
    }

    private static void close(HttpResponse<InputStream> answer) {
        try {
            answer.body().close();
        } catch (IOException e) {
            // a redirect's body is not needed
        }
    }
}
