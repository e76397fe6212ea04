package org.juniper.upgrade.e2e;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.juniper.upgrade.e2e.TestInstance.sample;
import static org.juniper.upgrade.e2e.TestInstance.terminal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.juniper.upgrade.archive.ArchiveLayout;
import org.juniper.upgrade.archive.Sha1;
import org.juniper.upgrade.archive.Sha256;
import org.juniper.upgrade.bindings.testing.PlatformEvents;
import org.juniper.upgrade.client.IntakeClient;
import org.juniper.upgrade.client.Token;
import org.juniper.upgrade.events.Topics;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/** A requester's whole journey through the five running services, on the real infrastructure. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class UpgradeJourneyIT extends RunningPlatform {
    private static final Duration RUN = Duration.ofMinutes(4);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String CUSTOM_VIEW = "stock.move.line.tree.reserved";
    private static final Pattern UUID_PATTERN = Pattern.compile(
            "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}", Pattern.CASE_INSENSITIVE);
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final IntakeClient intake = TestInstance.intake();
    private final Mailbox mailbox = new Mailbox();
    private final ScratchPostgres postgres = new ScratchPostgres();

    @Test
    @Order(1)
    void aTestRequestTravelsFromCreationToTheMailInTheMailboxInOneTraceAcrossTheFiveServices() throws Exception {
        String email = "e2e-" + UUID.randomUUID() + "@acme.example";
        Token request = TestInstance.newRequest(email, "acme", "test");
        intake.upload(request, sample("acme", 0.01));
        intake.start(request);

        await().atMost(RUN).pollInterval(Duration.ofMillis(500))
                .until(() -> terminal(intake.status(request).state()));
        assertEquals("done", intake.status(request).state(), intake.status(request, JsonNode.class).toString());

        String log = intake.log(request, 0).text();
        for (String stage : List.of("[restore]", "[upgrade]", "[dump]", "[neutralize]", "[report]")) {
            assertTrue(log.contains(stage), "the live log shows " + stage + ":\n" + log);
        }
        String dump = entry(intake.download(request, 0).body().readAllBytes(), "dump.sql");
        assertTrue(dump.contains("\tdatabase.is_neutralized\ttrue\t"), "the delivered test copy is neutralized");

        await().atMost(Duration.ofMinutes(2)).until(() -> !mailbox.messages(email).isEmpty());
        List<Mailbox.Mail> mails = mailbox.messages(email);
        assertEquals(1, mails.size());
        Mailbox.Mail mail = mails.get(0);
        assertTrue(mail.subject().contains("acme") && mail.subject().contains("14.0")
                && mail.subject().contains("17.0"), mail.subject());
        assertTrue(mail.raw().contains("upgrade-report.html"), "the report is attached");

        // every link that leaves the platform names its public address, which is not the one intake binds
        String publicUrl = ServiceProcesses.publicUrl();
        List<String> addresses = mail.addresses();
        assertTrue(!addresses.isEmpty() && addresses.stream().allMatch(a -> a.startsWith(publicUrl + "/")),
                "the mail's links: " + addresses);
        IntakeClient.Links links = intake.links(request);
        String launcher = get("http://127.0.0.1:" + ServiceProcesses.port("intake-service") + "/upgrade").body();
        for (String answer : List.of(intake.status(request, JsonNode.class).toString(), links.toString(), launcher)) {
            assertTrue(!answer.contains("127.0.0.1") && !answer.contains(ServiceProcesses.env(
                    "JUNIPER_OBJECT_STORE_ENDPOINT")), "no internal address in " + answer);
        }
        assertTrue(launcher.contains(publicUrl) && links.download().startsWith(publicUrl), launcher);

        // the mail's link downloads with plain curl and no header, until the requester revokes it
        String download = addresses.stream().filter(a -> a.contains("/links/") && !a.endsWith("/report"))
                .findFirst().orElseThrow();
        Path saved = Files.createTempFile("mailed-link", ".zip");
        try {
            Fetched fetched = curl(download, saved);
            assertEquals("200", fetched.status());
            assertTrue(fetched.address().startsWith(ServiceProcesses.publicObjectStore() + "/"),
                    "the archive comes from the object store's public address: " + fetched.address());
            assertArrayEquals(intake.download(request, 0).body().readAllBytes(), Files.readAllBytes(saved),
                    "the archive, byte for byte");
            intake.revokeLinks(request);
            assertEquals("404", curl(download, saved).status(), "a revoked link answers as an unknown request");
        } finally {
            Files.deleteIfExists(saved);
        }

        // the spans of the last parts may wait for their exporter's next batch
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofSeconds(1))
                .untilAsserted(() -> assertOneTraceFollowsTheRequestThroughTheFive(request.id().toString()));
    }

    /** The last answer's status and the address it came from, after redirects. */
    private record Fetched(String status, String address) {
    }

    /** Fetches {@code url} as a person would from a terminal, following redirects. */
    private static Fetched curl(String url, Path into) throws Exception {
        Process curl = new ProcessBuilder("curl", "-sL", "-o", into.toString(), "-w", "%{http_code} %{url_effective}",
                url).redirectErrorStream(true).start();
        String[] answer = new String(curl.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim().split(" ");
        assertEquals(0, curl.waitFor(), "curl " + url + ": " + String.join(" ", answer));
        return new Fetched(answer[0], answer[1]);
    }

    /**
     * Some trace of the request holds spans of all five services, and each of them entered it from a span of another
     * part: the trace context rode on the events (and on intake's outbox rows) from one part to the next.
     */
    private static void assertOneTraceFollowsTheRequestThroughTheFive(String requestId) {
        List<String> seen = new ArrayList<>();
        for (String traceId : traces.tracesOf(requestId)) {
            List<TraceReceiver.ReceivedSpan> spans = traces.spansOf(traceId);
            Map<String, String> partOfSpan = spans.stream().collect(Collectors.toMap(
                    TraceReceiver.ReceivedSpan::spanId, TraceReceiver.ReceivedSpan::service, (first, second) -> first));
            Set<String> parts = spans.stream().map(TraceReceiver.ReceivedSpan::service).collect(Collectors.toSet());
            Set<String> enteredFromAnother = spans.stream().filter(span -> {
                String parent = partOfSpan.get(span.parentSpanId());
                return parent != null && !parent.equals(span.service());
            }).map(TraceReceiver.ReceivedSpan::service).collect(Collectors.toSet());
            if (parts.containsAll(ServiceProcesses.SERVICES)
                    && enteredFromAnother.containsAll(ServiceProcesses.SERVICES)) {
                return;
            }
            seen.add(traceId + " has spans of " + parts + ", entered from another part: " + enteredFromAnother);
        }
        fail("no trace of request " + requestId + " follows it through the five services: " + seen);
    }

    @Test
    @Order(2)
    void aWorkerKilledMidRunLeavesTheRequestToTheNextWorkerAndTheRequesterGetsOneMail() throws Exception {
        String email = "e2e-" + UUID.randomUUID() + "@acme.example";
        Token request = TestInstance.newRequest(email, "globex", "test");
        intake.upload(request, sample("globex", 0.3));
        intake.start(request);

        await().atMost(RUN).pollInterval(Duration.ofMillis(100))
                .until(() -> "progress".equals(intake.status(request).state()));
        services.kill("upgrade-worker");
        services.start("upgrade-worker");

        await().atMost(RUN).pollInterval(Duration.ofMillis(500))
                .until(() -> terminal(intake.status(request).state()));
        assertEquals("done", intake.status(request).state(), intake.status(request, JsonNode.class).toString());
        await().atMost(Duration.ofMinutes(2)).until(() -> !mailbox.messages(email).isEmpty());
        // give a second mail, if the platform were to send one, the time to arrive
        Thread.sleep(3000);
        assertEquals(1, mailbox.messages(email).size(), "exactly one mail");
        try (PlatformEvents events = new PlatformEvents(ServiceProcesses.env("KAFKA_BOOTSTRAP_SERVERS"))) {
            assertEquals(1, events.read(Topics.COMPLETED, request.id().toString(), Duration.ofSeconds(5), l -> false).size(),
                    "exactly one upgrade.completed");
        }
    }

    @Test
    @Order(3)
    void aDatabaseThatIsNoJuniperDatabaseFailsWithAReportAndAMailThatSayWhy() throws Exception {
        String email = "e2e-" + UUID.randomUUID() + "@acme.example";
        Token request = TestInstance.newRequest(email, "shop", "test");
        intake.upload(request, TestInstance.notJuniper("shop"));
        intake.start(request);

        await().atMost(RUN).pollInterval(Duration.ofMillis(500))
                .until(() -> terminal(intake.status(request).state()));
        JsonNode status = intake.status(request, JsonNode.class);
        assertEquals("failed", status.path("state").asText(), status.toString());
        assertEquals("BACKUP:NOT_JUNIPER", status.path("failure").path("reason").asText(), status.toString());
        await().atMost(Duration.ofMinutes(1)).ignoreExceptions()
                .until(() -> intake.report(request, "html").contains("The upgrade failed"));
        assertTrue(intake.report(request, "html").contains("module registry"), "the report says why");

        await().atMost(Duration.ofMinutes(2)).until(() -> !mailbox.messages(email).isEmpty());
        Mailbox.Mail mail = mailbox.messages(email).get(0);
        assertTrue(mail.subject().contains("the upgrade failed"), mail.subject());
        String report = mail.addresses().stream().filter(a -> a.endsWith("/report")).findFirst().orElseThrow();
        Path saved = Files.createTempFile("mailed-report", ".html");
        try {
            assertEquals("200", curl(report, saved).status());
            assertTrue(Files.readString(saved).contains("module registry"), "the mail's link opens the report");
        } finally {
            Files.deleteIfExists(saved);
        }
    }

    @Test
    @Order(4)
    void theReportOfA14To17UpgradeNamesTheBrokenCustomViewAndCountsWhatTheDatabasesHold() throws Exception {
        String email = "e2e-" + UUID.randomUUID() + "@initech.example";
        byte[] backup = withCustomView(sample("initech", 0.01));
        Token request = TestInstance.newRequest(email, "initech", "production");
        intake.upload(request, backup);
        intake.start(request);
        await().atMost(RUN).pollInterval(Duration.ofMillis(500))
                .until(() -> terminal(intake.status(request).state()));
        assertEquals("done", intake.status(request).state(), intake.status(request, JsonNode.class).toString());

        JsonNode report = JSON.readTree(intake.report(request, "json"));
        JsonNode disabled = null;
        for (JsonNode note : report.path("facts").path("notes")) {
            if ("view_deactivated".equals(note.path("kind").asText()) && CUSTOM_VIEW.equals(note.path("name").asText())) {
                disabled = note;
            }
        }
        assertTrue(disabled != null && disabled.path("reason").asText().contains("stock.move.line.product_qty"),
                "the custom view is listed as disabled, with the field it uses: " + report.path("facts").path("notes"));
        String html = intake.report(request, "html");
        assertTrue(html.contains(CUSTOM_VIEW) && html.contains("stock.move.line.product_qty"), "and so says the HTML");

        String prefix = "e2e_" + request.id().toString().substring(0, 8);
        try {
            postgres.restore(prefix + "_before", backup, null);
            postgres.restore(prefix + "_after", intake.download(request, 0).body().readAllBytes(), null);
            Map<String, Long> before = postgres.rowCounts(prefix + "_before");
            Map<String, Long> after = postgres.rowCounts(prefix + "_after");
            assertEquals(before.size() + after.size() - common(before, after), report.path("integrity").size()
                    + renamed(report), "one row per table of either database, a renamed one once");
            for (JsonNode row : report.path("integrity")) {
                String table = row.path("table").asText();
                String former = row.path("formerName").isNull() ? table : row.path("formerName").asText();
                assertEquals(before.getOrDefault(former, 0L), row.path("rowsBefore").asLong(), "before: " + row);
                assertEquals(after.getOrDefault(table, -1L), row.path("rowsAfter").asLong(), "after: " + row);
            }
            assertEquals("f", postgres.sql(prefix + "_after", "select active from ir_ui_view where name = '"
                    + CUSTOM_VIEW + "'"), "the view is disabled in the upgraded database");
        } finally {
            postgres.dropAll(prefix);
        }
    }

    @Test
    @Order(5)
    void everyServiceAnswersHealthAndMetricsOnItsManagementPortOnlyAndNoMetricLabelHoldsARequestId()
            throws Exception {
        // a request of this test's own, so that every service has handled one, and refusals naming its id
        String email = "e2e-" + UUID.randomUUID() + "@acme.example";
        Token request = TestInstance.newRequest(email, "umbrella", "test");
        intake.upload(request, sample("umbrella", 0.01));
        intake.start(request);
        await().atMost(RUN).pollInterval(Duration.ofMillis(500))
                .until(() -> terminal(intake.status(request).state()));
        await().atMost(Duration.ofMinutes(2)).until(() -> !mailbox.messages(email).isEmpty());
        URI requestUrl = URI.create("http://127.0.0.1:" + ServiceProcesses.port("intake-service") + "/api/v1/requests/"
                + request.id());
        for (HttpRequest.Builder refused : List.of(HttpRequest.newBuilder(requestUrl),
                HttpRequest.newBuilder(requestUrl.resolve(request.id() + "/log")).DELETE(),
                HttpRequest.newBuilder(requestUrl.resolve(request.id() + "/start")).header("Content-Type",
                        "application/json").POST(HttpRequest.BodyPublishers.ofString("x".repeat(20_000))))) {
            assertEquals(4, HTTP.send(refused.build(), HttpResponse.BodyHandlers.discarding()).statusCode() / 100);
        }

        for (String service : ServiceProcesses.SERVICES) {
            String own = "http://127.0.0.1:" + ServiceProcesses.port(service);
            String management = "http://127.0.0.1:" + ServiceProcesses.managementPort(service);
            for (String path : List.of("/q/health", "/q/health/ready", "/q/health/live", "/q/metrics")) {
                HttpResponse<String> refused = get(own + path);
                assertEquals(404, refused.statusCode(), service + " answers " + path + " on its own port");
                if (service.equals("intake-service")) {
                    assertTrue(refused.body().contains("ROUTE:NOT_FOUND"), refused.body());
                }
                assertEquals(200, get(management + path).statusCode(), service + " " + path);
            }
            List<String> withIds = get(management + "/q/metrics").body().lines()
                    .filter(line -> !line.startsWith("#") && UUID_PATTERN.matcher(line).find()).toList();
            assertEquals(List.of(), withIds, service + ": series labelled with a request id");
        }
    }

    @Test
    @Order(6)
    void aStockTusClientKilledMidwayThroughA200MbBackupFinishesWhenStartedAgainAndTheRequestIsDone()
            throws Exception {
        long began = System.nanoTime();
        Path work = Files.createTempDirectory(Path.of(System.getProperty("java.io.tmpdir")), "tus-");
        Path backup = work.resolve("backup.zip");
        String sha256 = withLargeFilestore(sample("tus", 0.01), 200 * 1024 * 1024, backup);
        long size = Files.size(backup);
        Token request = TestInstance.newRequest("e2e-" + UUID.randomUUID() + "@acme.example",
                "tus-" + UUID.randomUUID().toString().substring(0, 6), "test");

        Process first = tusClient(request, backup, work, "first");
        await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(100))
                .until(() -> intake.uploadOffset(request) > size / 2 || !first.isAlive());
        assertTrue(first.isAlive(), "the client is killed midway, not after the end: "
                + Files.readString(work.resolve("first.log")));
        first.destroyForcibly().waitFor();
        long kept = intake.uploadOffset(request);
        assertTrue(kept > size / 2 && kept < size, kept + " of " + size + " bytes kept");

        Process second = tusClient(request, backup, work, "second");
        assertTrue(second.waitFor(3, TimeUnit.MINUTES), "the second client ends");
        String said = Files.readString(work.resolve("second.log"));
        assertEquals(0, second.exitValue(), said);
        Matcher resumed = Pattern.compile("starting at (\\d+)").matcher(said);
        assertTrue(resumed.find() && Long.parseLong(resumed.group(1)) >= kept, "it resumes from the upload's "
                + "offset, not from the start: " + said);
        long uploaded = System.nanoTime();

        intake.start(request);
        await().atMost(RUN).pollInterval(Duration.ofSeconds(1))
                .until(() -> terminal(intake.status(request).state()));
        JsonNode status = intake.status(request, JsonNode.class);
        assertEquals("done", status.path("state").asText(), status.toString());
        assertEquals(sha256, status.at("/backup/sha256").asText());
        assertEquals(size, status.at("/backup/size").asLong());
        System.out.printf("tus upload of %d bytes killed at %d and resumed: %d s; to done: %d s%n", size, kept,
                (uploaded - began) / 1_000_000_000L, (System.nanoTime() - uploaded) / 1_000_000_000L);
        try (var files = Files.list(work)) {
            for (Path file : files.toList()) {
                Files.delete(file);
            }
        }
        Files.delete(work);
    }

    /** The stock tus client, a process of its own that remembers its upload's URL in {@code work}. */
    private Process tusClient(Token request, Path backup, Path work, String name)
            throws Exception {
        return new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m",
                "-cp", System.getProperty("java.class.path"), TusUploadClient.class.getName(),
                intake.base().resolve("api/v1/requests/" + request.id() + "/backup").toString(), request.secret(), backup.toString(), work.resolve("urls").toString())
                .redirectErrorStream(true).redirectOutput(work.resolve(name + ".log").toFile()).start();
    }

    /**
     * The backup with an incompressible filestore file of {@code bytes} added, written to {@code target}, stored
     * without compression; returns its sha256.
     */
    private static String withLargeFilestore(byte[] backup, int bytes, Path target) throws Exception {
        byte[] attachment = new byte[bytes];
        new Random(7).nextBytes(attachment);
        Sha256 sha = new Sha256();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(backup));
                ZipOutputStream zip = new ZipOutputStream(sha.wrap(Files.newOutputStream(target)))) {
            zip.setLevel(Deflater.NO_COMPRESSION);
            for (ZipEntry entry; (entry = in.getNextEntry()) != null;) {
                zip.putNextEntry(new ZipEntry(entry.getName()));
                in.transferTo(zip);
                zip.closeEntry();
            }
            zip.putNextEntry(new ZipEntry(ArchiveLayout.filestorePath(Sha1.of(attachment))));
            zip.write(attachment);
            zip.closeEntry();
        }
        return sha.hex();
    }

    private static HttpResponse<String> get(String url) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /**
     * The sample as a customer who made a view in the interface has it: a list of stock move lines showing the
     * reserved quantity, a field Juniper 17.0 removes.
     */
    private static byte[] withCustomView(byte[] backup) throws Exception {
        String view = "\nINSERT INTO public.ir_ui_view (id, name, model, priority, type, arch_db, mode, active)\n"
                + "SELECT max(id) + 1, '" + CUSTOM_VIEW + "', 'stock.move.line', 16, 'tree',\n"
                + "       '<tree><field name=\"reference\"/><field name=\"product_qty\"/></tree>', 'primary', true\n"
                + "FROM public.ir_ui_view;\n";
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(backup));
                ZipOutputStream zip = new ZipOutputStream(out)) {
            for (ZipEntry entry; (entry = in.getNextEntry()) != null;) {
                zip.putNextEntry(new ZipEntry(entry.getName()));
                in.transferTo(zip);
                if (entry.getName().equals("dump.sql")) {
                    zip.write(view.getBytes(StandardCharsets.UTF_8));
                }
                zip.closeEntry();
            }
        }
        return out.toByteArray();
    }

    private static long common(Map<String, Long> before, Map<String, Long> after) {
        return before.keySet().stream().filter(after::containsKey).count();
    }

    private static long renamed(JsonNode report) {
        long count = 0;
        for (JsonNode row : report.path("integrity")) {
            count += row.path("formerName").isNull() ? 0 : 1;
        }
        return count;
    }

    private static String entry(byte[] zip, String name) throws Exception {
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            ZipEntry entry;
            while ((entry = in.getNextEntry()) != null) {
                if (entry.getName().equals(name)) {
                    return new String(in.readAllBytes(), StandardCharsets.UTF_8);
                }
            }
        }
        throw new AssertionError(name + " is not in the archive");
    }
}
