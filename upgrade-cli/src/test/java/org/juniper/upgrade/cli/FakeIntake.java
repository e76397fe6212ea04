package org.juniper.upgrade.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.juniper.erp.JuniperPack;
import org.juniper.upgrade.archive.ArchiveLayout;
import org.juniper.upgrade.archive.BackupArchiveReader;
import org.juniper.upgrade.archive.BackupArchiveWriter;
import org.juniper.upgrade.archive.BackupValidator;
import org.juniper.upgrade.archive.InvalidBackupException;
import org.juniper.upgrade.archive.Manifest;
import org.juniper.upgrade.archive.Sha1;
import org.juniper.upgrade.archive.Sha256;

/**
 * Intake's requester API as the CLI sees it, on a JDK HTTP server: the same paths, status codes, headers and refusal
 * bodies as intake's RequestResource (resumable upload in whole parts with offsets, Range reads of the log, a
 * redirect to a download link that refuses the secret as an object store would). The run itself advances one step
 * per status read and "upgrades" the backup by appending SQL to its dump: enough to prove what the CLI does with the
 * result, without Kafka, S3 or the workers.
 */
public final class FakeIntake implements AutoCloseable {
    static final String CONTRACT = "M2026-0042";
    static final String NEW_STANDARD_FILE = "a standard file of the new version\n";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ID = "{id}";
    private static final Pattern RANGE = Pattern.compile("bytes=(\\d+)-");
    private static final Set<String> OPEN_TARGETS = Set.of("15.0", "16.0", "17.0", "18.0");

    /**
     * Every route served, as intake's OpenAPI document names it, with every status answered there: the dispatch
     * goes through this table and refuses to answer a status it does not list, and intake's contract test holds the
     * table to the document.
     */
    public static final List<Route> ROUTES = List.of(
            new Route("POST", "/api/v1/requests", Set.of(201, 400),
                    (fake, exchange, none) -> fake.create(exchange)),
            new Route("GET", "/api/v1/requests/{id}", Set.of(200, 404, 503), FakeIntake::status),
            new Route("HEAD", "/api/v1/requests/{id}/backup", Set.of(204, 404, 409), FakeIntake::offset),
            new Route("PATCH", "/api/v1/requests/{id}/backup", Set.of(200, 204, 400, 404, 409, 422),
                    FakeIntake::piece),
            new Route("PUT", "/api/v1/requests/{id}/scripts", Set.of(200, 404, 409, 422), FakeIntake::scripts),
            new Route("POST", "/api/v1/requests/{id}/start", Set.of(200, 404, 409), FakeIntake::start),
            new Route("POST", "/api/v1/requests/{id}/cancel", Set.of(200, 404, 409), FakeIntake::cancel),
            new Route("GET", "/api/v1/requests/{id}/log", Set.of(200, 206, 404, 416), FakeIntake::log),
            new Route("GET", "/api/v1/requests/{id}/download", Set.of(200, 206, 404, 409), FakeIntake::download));

    /** A method and path template of intake's API, the statuses the fake answers there, and how it answers. */
    public record Route(String method, String path, Set<Integer> statuses, Handler handler) {
        /** The request id in {@code uri} if this route serves it ("" for a route without one), else null. */
        String id(String requestMethod, String uri) {
            Matcher m = Pattern.compile(Pattern.quote(path).replace(ID, "\\E([0-9a-f-]{36})\\Q")).matcher(uri);
            if (!method.equals(requestMethod) || !m.matches()) {
                return null;
            }
            return m.groupCount() == 0 ? "" : m.group(1);
        }
    }

    /** Answers on one route; {@code request} is the one its path names, with the right secret (null on create). */
    interface Handler {
        void answer(FakeIntake fake, HttpExchange exchange, Request request) throws IOException;
    }

    /** One request, as intake keeps it. */
    static final class Request {
        final UUID id = UUID.randomUUID();
        final String secret = UUID.randomUUID().toString().replace("-", "");
        String database;
        String source;
        String target;
        String purpose;
        String state = "new";
        String stage;
        long uploadLength = -1;
        final ByteArrayOutputStream stored = new ByteArrayOutputStream();
        String backupSha256;
        String backupFormat;
        final StringBuilder log = new StringBuilder();
        int step;
        String failureReason;
        String failureMessage;
        byte[] result;
        /** The last upgrade scripts sent, and what they held when the request started. */
        byte[] scripts;
        byte[] scriptsAtStart;
    }

    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final Map<UUID, Request> requests = new ConcurrentHashMap<>();
    /** Upload-Offset of every PATCH, in order: shows where each piece started. */
    final List<Long> patchOffsets = new CopyOnWriteArrayList<>();
    /** The Range header of every fetch of a download link, "" for none. */
    final List<String> downloadRanges = new CopyOnWriteArrayList<>();
    private volatile int partSize = 64 * 1024;
    private volatile long stallAfter = -1;
    private volatile long dropAfter = -1;
    private final CountDownLatch stalled = new CountDownLatch(1);
    private final CountDownLatch release = new CountDownLatch(1);
    private volatile String failRunWith;
    private final AtomicInteger unavailableReads = new AtomicInteger();
    private volatile boolean brokenResult;
    private volatile long cutDownloadAfter = -1;
    private volatile int restoreSeconds;
    private volatile boolean damagedDownload;
    /** Answers given with a status their route in {@link #ROUTES} does not list: close() fails on any. */
    private final List<String> unlisted = new CopyOnWriteArrayList<>();

    FakeIntake() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
    }

    URI url() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** The next upload stops answering once this many bytes are stored: a client cut off mid-upload. */
    void stallAfter(long bytes) {
        stallAfter = bytes;
    }

    boolean awaitStall() throws InterruptedException {
        return stalled.await(30, TimeUnit.SECONDS);
    }

    /** The next upload's connection is closed once this many bytes are stored: a dropped line. */
    void dropConnectionAfter(long bytes) {
        dropAfter = bytes;
    }

    /** The next {@code reads} status reads answer 503, as a platform being restarted does. */
    void unavailableFor(int reads) {
        unavailableReads.set(reads);
    }

    void failRun(String reason) {
        failRunWith = reason;
    }

    /** The result's dump holds a statement PostgreSQL refuses: its restore fails midway. */
    void breakResult() {
        brokenResult = true;
    }

    /** Restoring the result takes this long at least: time for a test to step in during the restore. */
    void slowRestore(int seconds) {
        restoreSeconds = seconds;
    }

    /** The next download's connection is closed once this many bytes are sent. */
    void cutDownloadAfter(long bytes) {
        cutDownloadAfter = bytes;
    }

    /** Downloads deliver the result with one byte changed, as a faulty line or disk would. */
    void damageDownloads() {
        damagedDownload = true;
    }

    int partSize() {
        return partSize;
    }

    List<Request> requests() {
        return new ArrayList<>(requests.values());
    }

    @Override
    public void close() {
        release.countDown();
        server.stop(0);
        executor.shutdownNow();
        if (!unlisted.isEmpty()) {
            throw new IllegalStateException("statuses missing from FakeIntake.ROUTES: " + unlisted);
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            String method = exchange.getRequestMethod();
            for (Route route : ROUTES) {
                String id = route.id(method, path);
                if (id != null) {
                    answer(route, id, exchange);
                    return;
                }
            }
            refuse(exchange, 405, "METHOD:NOT_ALLOWED", method + " " + path, "see /q/openapi");
        }
    }

    private void answer(Route route, String id, HttpExchange exchange) throws IOException {
        try {
            Request request = id.isEmpty() ? null : requests.get(UUID.fromString(id));
            String bearer = exchange.getRequestHeaders().getFirst("Authorization");
            if (!id.isEmpty() && (request == null || !("Bearer " + request.secret).equals(bearer))) {
                refuse(exchange, 404, "REQUEST:NOT_FOUND", "no such request", "the id and secret of a request");
                return;
            }
            route.handler().answer(this, exchange, request);
        } finally {
            int status = exchange.getResponseCode();
            if (status != -1 && !route.statuses().contains(status)) {
                unlisted.add(route.method() + " " + route.path() + " answered " + status);
            }
        }
    }

    private void create(HttpExchange exchange) throws IOException {
        @SuppressWarnings("unchecked")
        Map<String, String> body = JSON.readValue(exchange.getRequestBody(), Map.class);
        List<Map<String, String>> failures = new ArrayList<>();
        if (!CONTRACT.equals(body.get("contract"))) {
            failures.add(failure("CONTRACT:NOT_FOUND", "no contract '" + body.get("contract") + "' is known",
                    "the contract number of your Juniper subscription"));
        }
        if (body.get("email") == null || !body.get("email").matches("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$")) {
            failures.add(failure("EMAIL:INVALID", "'" + body.get("email") + "' is not an e-mail address", "x@y.z"));
        }
        if (!OPEN_TARGETS.contains(body.get("targetVersion"))) {
            failures.add(failure("TARGET:NOT_OPEN", "upgrades to " + body.get("targetVersion") + " are not open",
                    "one of " + OPEN_TARGETS));
        }
        if (!failures.isEmpty()) {
            send(exchange, 400, JSON.writeValueAsBytes(Map.of("failures", failures)));
            return;
        }
        Request request = new Request();
        request.database = body.get("database");
        request.source = body.get("sourceVersion");
        request.target = body.get("targetVersion");
        request.purpose = body.getOrDefault("purpose", "test");
        requests.put(request.id, request);
        Map<String, Object> created = new LinkedHashMap<>();
        created.put("id", request.id);
        created.put("secret", request.secret);
        created.put("state", "new");
        created.put("uploadPath", "/api/v1/requests/" + request.id + "/backup");
        send(exchange, 201, JSON.writeValueAsBytes(created));
    }

    private void offset(HttpExchange exchange, Request request) throws IOException {
        if (!request.state.equals("new")) {
            refuse(exchange, 409, "REQUEST:NOT_NEW", "the request is " + request.state, "a new request");
            return;
        }
        exchange.getResponseHeaders().add("Upload-Offset", String.valueOf(request.stored.size()));
        exchange.getResponseHeaders().add("Upload-Length", String.valueOf(request.uploadLength));
        exchange.sendResponseHeaders(204, -1);
    }

    private void piece(HttpExchange exchange, Request request) throws IOException {
        if (!request.state.equals("new")) {
            refuse(exchange, 409, "REQUEST:NOT_NEW", "the request is " + request.state, "a new request");
            return;
        }
        long offset = Long.parseLong(exchange.getRequestHeaders().getFirst("Upload-Offset"));
        patchOffsets.add(offset);
        if (request.uploadLength < 0) {
            String length = exchange.getRequestHeaders().getFirst("Upload-Length");
            if (length == null) {
                refuse(exchange, 400, "UPLOAD:LENGTH_MISSING", "no Upload-Length", "Upload-Length: <total bytes>");
                return;
            }
            request.uploadLength = Long.parseLong(length);
        }
        if (offset != request.stored.size()) {
            refuse(exchange, 409, "UPLOAD:OFFSET_MISMATCH", "the upload continues at byte " + request.stored.size(),
                    "Upload-Offset: " + request.stored.size() + " (ask with HEAD)");
            return;
        }
        InputStream body = exchange.getRequestBody();
        byte[] part = new byte[partSize];
        while (request.stored.size() < request.uploadLength) {
            int wanted = (int) Math.min(partSize, request.uploadLength - request.stored.size());
            int n = body.readNBytes(part, 0, wanted);
            if (n < wanted) {
                break;
            }
            request.stored.write(part, 0, n);
            cutIfAsked(request.stored.size());
        }
        if (request.stored.size() < request.uploadLength) {
            exchange.getResponseHeaders().add("Upload-Offset", String.valueOf(request.stored.size()));
            exchange.sendResponseHeaders(204, -1);
            return;
        }
        byte[] backup = request.stored.toByteArray();
        request.backupSha256 = Sha256.hex(backup);
        String expected = exchange.getRequestHeaders().getFirst("Backup-Sha256");
        if (expected != null && !expected.equalsIgnoreCase(request.backupSha256)) {
            fail(request, "BACKUP:CHECKSUM_MISMATCH", "the stored backup has another sha256");
        } else {
            try {
                BackupValidator.Summary summary = BackupValidator.validate(new ByteArrayInputStream(backup),
                        JuniperPack.MODULE_REGISTRY);
                request.backupFormat = summary.format().code();
                request.source = summary.manifest().map(Manifest::version).orElse(request.source);
            } catch (InvalidBackupException e) {
                fail(request, e.reason().code(), e.getMessage());
            }
        }
        if (request.state.equals("failed")) {
            refuse(exchange, 422, request.failureReason, request.failureMessage, "a backup made by pg_dump");
            return;
        }
        send(exchange, 200, view(request));
    }

    /** Applies the stall or drop asked for, once, when {@code stored} bytes have arrived. */
    private void cutIfAsked(long stored) {
        if (stallAfter >= 0 && stored >= stallAfter) {
            stallAfter = -1;
            stalled.countDown();
            try {
                release.await(60, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            throw new IllegalStateException("stalled upload released");
        }
        if (dropAfter >= 0 && stored >= dropAfter) {
            dropAfter = -1;
            // the JDK server closes the connection of a handler that throws, without an answer
            throw new IllegalStateException("connection dropped on purpose");
        }
    }

    /** As intake: checked with the platform's parser, taken only while the request is new. */
    private void scripts(HttpExchange exchange, Request request) throws IOException {
        if (!request.state.equals("new")) {
            refuse(exchange, 409, "REQUEST:NOT_NEW", "the request is " + request.state, "a new request");
            return;
        }
        byte[] zip = exchange.getRequestBody().readAllBytes();
        try {
            org.juniper.erp.CustomScripts.read(org.juniper.erp.JuniperPack.load(), zip);
        } catch (org.juniper.erp.InvalidScriptsException e) {
            org.juniper.erp.CustomScripts.Problem first = e.problems().get(0);
            refuse(exchange, 422, first.reason().code(), first.message(), first.expected());
            return;
        }
        request.scripts = zip;
        send(exchange, 200, view(request));
    }

    /** As intake: a test does not start while another test of the same database is queued or running. */
    private void start(HttpExchange exchange, Request request) throws IOException {
        boolean testUnderWay = request.purpose.equals("test") && requests.values().stream().anyMatch(r -> r != request
                && r.database.equals(request.database) && r.purpose.equals("test")
                && Set.of("pending", "progress").contains(r.state));
        if (request.state.equals("new") && testUnderWay) {
            refuse(exchange, 409, "REQUEST:TEST_IN_PROGRESS", "a test upgrade of '" + request.database
                    + "' is already queued or running", "wait until it is done, or cancel it first");
            return;
        }
        if (request.state.equals("new") && request.backupSha256 != null) {
            request.state = "pending";
            request.scriptsAtStart = request.scripts;
        } else if (!request.state.equals("pending") && !request.state.equals("progress")) {
            refuse(exchange, 409, "REQUEST:NO_BACKUP", "the backup has not been uploaded yet", "upload, then start");
            return;
        }
        send(exchange, 200, view(request));
    }

    private void cancel(HttpExchange exchange, Request request) throws IOException {
        if (!Set.of("new", "pending", "cancelled").contains(request.state)) {
            refuse(exchange, 409, "REQUEST:NOT_CANCELLABLE", "the request is " + request.state, "new or pending");
            return;
        }
        request.state = "cancelled";
        send(exchange, 200, view(request));
    }

    /** Each status read moves a started request one step: pending, restore, upgrade, neutralize, done. */
    private void status(HttpExchange exchange, Request request) throws IOException {
        if (unavailableReads.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            send(exchange, 503, new byte[0]);
            return;
        }
        synchronized (request) {
            if (Set.of("pending", "progress").contains(request.state)) {
                advance(request);
            }
        }
        send(exchange, 200, view(request));
    }

    private void advance(Request request) throws IOException {
        switch (request.step++) {
            case 0 -> {
                request.state = "progress";
                request.stage = "restore";
                logLine(request, "restore", "restoring the " + request.backupFormat + " backup ("
                        + request.stored.size() + " bytes) into a scratch database");
            }
            case 1 -> {
                request.stage = "upgrade";
                logLine(request, "upgrade", "hop " + request.source + " -> " + request.target + ": 3 scripts");
                if (failRunWith != null) {
                    fail(request, failRunWith, "the upgrade scripts of " + request.target + " failed");
                    logLine(request, "failed", request.failureMessage);
                }
            }
            default -> {
                request.result = result(request);
                request.state = "done";
                request.stage = request.purpose.equals("test") ? "neutralize" : "report";
                logLine(request, request.stage, "the result is ready");
            }
        }
    }

    /** The "upgraded" archive: the uploaded dump plus statements that move it to the target, and a new file. */
    private byte[] result(Request request) throws IOException {
        ByteArrayOutputStream dump = new ByteArrayOutputStream();
        Map<String, byte[]> files = new LinkedHashMap<>();
        try {
            BackupArchiveReader.read(new ByteArrayInputStream(request.stored.toByteArray()), (name, content) -> {
                if (name.equals(ArchiveLayout.DUMP)) {
                    content.transferTo(dump);
                } else if (ArchiveLayout.isFilestoreFile(name)) {
                    files.put(name, content.readAllBytes());
                }
            });
        } catch (InvalidBackupException e) {
            throw new IOException(e);
        }
        StringBuilder sql = new StringBuilder("\n-- upgraded by the fake intake\n")
                .append("UPDATE public.ir_module_module SET latest_version = '").append(request.target)
                .append(".1.0' WHERE state = 'installed';\n");
        if (request.purpose.equals("test")) {
            sql.append("INSERT INTO public.ir_config_parameter (key, value) VALUES ('database.is_neutralized', "
                    + "'true');\n");
        }
        if (brokenResult) {
            sql.append("THIS IS NOT SQL;\n");
        }
        if (restoreSeconds > 0) {
            sql.append("SELECT pg_sleep(").append(restoreSeconds).append(");\n");
        }
        dump.write(sql.toString().getBytes(StandardCharsets.UTF_8));
        byte[] standard = NEW_STANDARD_FILE.getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (BackupArchiveWriter writer = new BackupArchiveWriter(out)) {
            writer.manifest(Manifest.of(request.database, request.target, "15", Map.of("base", request.target
                    + ".1.0")));
            writer.entry(ArchiveLayout.DUMP, dump.toByteArray());
            for (Map.Entry<String, byte[]> file : files.entrySet()) {
                writer.entry(file.getKey(), file.getValue());
            }
            writer.filestoreFile(Sha1.of(standard), new ByteArrayInputStream(standard));
            writer.finish();
        }
        return out.toByteArray();
    }

    private void log(HttpExchange exchange, Request request) throws IOException {
        byte[] text = request.log.toString().getBytes(StandardCharsets.UTF_8);
        String range = exchange.getRequestHeaders().getFirst("Range");
        if (range == null) {
            send(exchange, 200, text);
            return;
        }
        Matcher m = RANGE.matcher(range);
        if (!m.matches()) {
            refuse(exchange, 416, "LOG:RANGE", "unsupported range '" + range + "'", "'Range: bytes=<offset>-'");
            return;
        }
        int from = Integer.parseInt(m.group(1));
        if (from >= text.length) {
            exchange.getResponseHeaders().add("Content-Range", "bytes */" + text.length);
            exchange.sendResponseHeaders(416, -1);
            return;
        }
        exchange.getResponseHeaders().add("Content-Range", "bytes " + from + "-" + (text.length - 1) + "/"
                + text.length);
        send(exchange, 206, Arrays.copyOfRange(text, from, text.length));
    }

    private void download(HttpExchange exchange, Request request) throws IOException {
        if (!request.state.equals("done")) {
            refuse(exchange, 409, "REQUEST:NOT_DONE", "the request is " + request.state, "wait until it is done");
            return;
        }
        byte[] result = request.result.clone();
        if (damagedDownload) {
            result[result.length / 2] ^= 1;
        }
        String range = exchange.getRequestHeaders().getFirst("Range");
        downloadRanges.add(range == null ? "" : range);
        Matcher m = range == null ? null : RANGE.matcher(range);
        int from = m != null && m.matches() ? Integer.parseInt(m.group(1)) : 0;
        if (from > 0) {
            exchange.getResponseHeaders().add("Content-Range", "bytes " + from + "-" + (result.length - 1) + "/"
                    + result.length);
        }
        byte[] body = Arrays.copyOfRange(result, from, result.length);
        long cut = cutDownloadAfter;
        if (cut < 0) {
            send(exchange, from > 0 ? 206 : 200, body);
            return;
        }
        cutDownloadAfter = -1;
        exchange.sendResponseHeaders(from > 0 ? 206 : 200, body.length);
        OutputStream out = exchange.getResponseBody();
        out.write(body, 0, (int) cut);
        out.flush();
        // the JDK server closes the connection of a handler that throws, before the announced length
        throw new IllegalStateException("download cut on purpose");
    }

    private static void logLine(Request request, String stage, String message) {
        request.log.append(Instant.now()).append(" [").append(stage).append("] ").append(message)
                .append('\n');
    }

    private static void fail(Request request, String reason, String message) {
        request.state = "failed";
        request.failureReason = reason;
        request.failureMessage = message;
    }

    private static byte[] view(Request request) throws IOException {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", request.id);
        view.put("database", request.database);
        view.put("sourceVersion", request.source);
        view.put("targetVersion", request.target);
        view.put("purpose", request.purpose);
        view.put("state", request.state);
        view.put("stage", request.stage);
        if (request.backupSha256 != null && !request.state.equals("failed")) {
            view.put("backup", Map.of("sha256", request.backupSha256, "size", request.stored.size(), "format",
                    request.backupFormat));
        }
        if (request.state.equals("pending")) {
            view.put("queuePosition", 0);
        }
        view.put("produced", request.state.equals("done") ? List.of("upgraded", "report") : List.of());
        if (request.state.equals("done")) {
            view.put("result", Map.of("sha256", Sha256.hex(request.result), "size", request.result.length));
        }
        if (request.failureReason != null) {
            view.put("failure", Map.of("reason", request.failureReason, "message", request.failureMessage));
        }
        return JSON.writeValueAsBytes(view);
    }

    private static Map<String, String> failure(String reason, String message, String expected) {
        return Map.of("reason", reason, "message", message, "expected", expected);
    }

    private static void refuse(HttpExchange exchange, int status, String reason, String message, String expected)
            throws IOException {
        send(exchange, status, JSON.writeValueAsBytes(Map.of("failures", List.of(failure(reason, message,
                expected)))));
    }

    private static void send(HttpExchange exchange, int status, byte[] body) throws IOException {
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }
}
