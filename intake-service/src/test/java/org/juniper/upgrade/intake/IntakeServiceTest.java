package org.juniper.upgrade.intake;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.juniper.upgrade.archive.BackupArchiveWriter;
import org.juniper.upgrade.archive.Manifest;
import org.juniper.upgrade.archive.Sha256;
import org.juniper.upgrade.bindings.testing.PlatformEvents;
import org.juniper.upgrade.events.ArtifactKeys;
import org.juniper.upgrade.events.CloudEvent;
import org.juniper.upgrade.events.CloudEvents;
import org.juniper.upgrade.events.DumpUpgraded;
import org.juniper.upgrade.events.Neutralized;
import org.juniper.upgrade.events.Purpose;
import org.juniper.upgrade.events.ReportReady;
import org.juniper.upgrade.events.StoredObject;
import org.juniper.upgrade.events.Topics;
import org.juniper.upgrade.events.UpgradeProgress;
import org.juniper.upgrade.events.UpgradeRequested;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Intake against the real PostgreSQL, Kafka and S3 server; the other parts are played by the test. */
@QuarkusTest
class IntakeServiceTest {
    private static final Duration WAIT = Duration.ofSeconds(30);

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    PlatformEvents platform;

    @jakarta.inject.Inject
    org.juniper.upgrade.bindings.objectstore.ArtifactStore store;

    @BeforeEach
    void connect() {
        platform = new PlatformEvents(bootstrapServers);
        registerContract("M2026-0042", "acme-hosting");
    }

    @AfterEach
    void disconnect() {
        platform.close();
    }

    @Test
    void aCheckedBackupIsQueuedThroughTheOutboxAsACloudEvent() throws IOException {
        byte[] backup = sampleBackup();
        Created r = create("test");
        upload(r, backup).then().statusCode(200).body("sourceVersion", equalTo("14.0"))
                .body("backup.sha256", equalTo(Sha256.hex(backup)));

        start(r).then().statusCode(200).body("state", equalTo("pending"));

        List<PlatformEvents.Received> events = platform.read(Topics.REQUESTED, r.id, WAIT, l -> !l.isEmpty());
        assertEquals(1, events.size());
        PlatformEvents.Received record = events.get(0);
        assertEquals("1.0", record.headers().get("ce_specversion"));
        assertEquals("juniper.upgrade.requested.v1", record.headers().get("ce_type"));
        assertEquals("application/json", record.headers().get("content-type"));
        UpgradeRequested data = CloudEvents.data(record.event(), UpgradeRequested.class);
        assertEquals(Sha256.hex(backup), data.backup().sha256());
        assertTrue(data.backup().key().startsWith(ArtifactKeys.of(r.id).backup()), data.backup().key());
        assertEquals(data.backup(), store.find(data.backup().key()).orElseThrow());
        assertEquals("it@acme.example", data.requesterEmail());
    }

    @Test
    void aTestRequestIsDoneOnlyOnceItsCopyIsNeutralizedAndReported() throws Exception {
        Created r = queued("test");
        platform.publish(new UpgradeProgress(r.id, "restore", "restoring", Instant.now(), attemptOf(r.id)));
        awaitState(r, "progress");

        platform.publish(new DumpUpgraded(r.id, Purpose.TEST, "14.0", "17.0", artifact(r, "upgraded.zip"),
                ArtifactKeys.of(r.id).attempt(attemptOf(r.id)).facts(), ArtifactKeys.of(r.id).attempt(attemptOf(r.id)).log(), Map.of("restore", 5L), attemptOf(r.id)));
        platform.publish(new ReportReady(r.id, ArtifactKeys.of(r.id).attempt(attemptOf(r.id)).reportHtml(), ArtifactKeys.of(r.id).attempt(attemptOf(r.id)).reportJson(),
                new ReportReady.Summary(1, 1, 0, 0), attemptOf(r.id)));
        await().atMost(WAIT).until(() -> status(r).<List<String>>path("produced").containsAll(List.of("upgraded",
                "report")));
        status(r).then().body("state", equalTo("progress"));
        download(r).then().statusCode(409).body("failures.reason", hasItems("REQUEST:NOT_DONE"));

        byte[] archive = "the neutralized test copy".getBytes(StandardCharsets.UTF_8);
        StoredObject neutralized = store.put(ArtifactKeys.of(r.id).attempt(attemptOf(r.id)).neutralized(), archive, "application/zip");
        platform.publish(new Neutralized(r.id, neutralized, List.of(new Neutralized.Action("base", "crons-off")), attemptOf(r.id)));
        awaitState(r, "done");

        status(r).then().body("result.sha256", equalTo(Sha256.hex(archive))).body("result.size",
                equalTo(archive.length));
        assertArrayEquals(archive, download(r).then().statusCode(200).header("Content-Disposition",
                containsString("-17.0-test.zip")).header("ETag", "\"" + Sha256.hex(archive) + "\"").extract()
                .asByteArray(), "intake streams the archive itself: no link names the object store");
        // a client continues a cut download with a Range request
        assertArrayEquals(Arrays.copyOfRange(archive, 4, archive.length), given().header("Authorization", "Bearer "
                + r.secret).header("Range", "bytes=4-").get("/api/v1/requests/" + r.id + "/download").then()
                .statusCode(206).header("Content-Range", "bytes 4-" + (archive.length - 1) + "/" + archive.length)
                .extract().asByteArray());
        List<PlatformEvents.Received> completed = platform.read(Topics.COMPLETED, r.id, WAIT, l -> !l.isEmpty());
        assertEquals(1, completed.size());
        assertEquals("juniper.upgrade.completed.v1", completed.get(0).headers().get("ce_type"));
    }

    @Test
    void aTestArchiveIsNeverDownloadableBeforeItIsNeutralizedEvenWhenEventsArriveTwiceOrLate() throws IOException {
        Created r = queued("test");
        ArtifactKeys.AttemptKeys keys = ArtifactKeys.of(r.id).attempt(attemptOf(r.id));
        CloudEvent upgraded = platform.publish(new DumpUpgraded(r.id, Purpose.TEST, "14.0", "17.0",
                artifact(r, "upgraded.zip"), keys.facts(), keys.log(), Map.of("restore", 5L), attemptOf(r.id)));
        CloudEvent report = platform.publish(new ReportReady(r.id, keys.reportHtml(), keys.reportJson(),
                new ReportReady.Summary(1, 1, 0, 0), attemptOf(r.id)));
        platform.publish(upgraded);
        platform.publish(report);
        // the same facts announced again by a redelivered run, under a new event id
        platform.publish(new DumpUpgraded(r.id, Purpose.TEST, "14.0", "17.0", artifact(r, "upgraded.zip"),
                keys.facts(), keys.log(), Map.of("restore", 5L), attemptOf(r.id)));
        platform.publish(new UpgradeProgress(r.id, "report", "marker", Instant.now(), attemptOf(r.id)));
        await().atMost(WAIT).until(() -> log(r).contains("marker"));
        status(r).then().body("state", equalTo("progress"));
        download(r).then().statusCode(409).body("failures.reason", hasItems("REQUEST:NOT_DONE"));

        byte[] archive = "the neutralized test copy".getBytes(StandardCharsets.UTF_8);
        platform.publish(new Neutralized(r.id, store.put(keys.neutralized(), archive, "application/zip"),
                List.of(new Neutralized.Action("base", "crons-off", 3L)), attemptOf(r.id)));
        awaitState(r, "done");
        platform.publish(upgraded);
        platform.publish(new UpgradeProgress(r.id, "report", "late marker", Instant.now(), attemptOf(r.id)));
        await().atMost(WAIT).until(() -> log(r).contains("late marker"));

        status(r).then().body("state", equalTo("done")).body("result.sha256", equalTo(Sha256.hex(archive)));
        assertArrayEquals(archive, download(r).then().statusCode(200).extract().asByteArray());
    }

    @Test
    void aRedeliveredEventChangesNothing() throws IOException {
        Created r = queued("test");
        CloudEvent progress = platform.publish(new UpgradeProgress(r.id, "restore", "only once", Instant.now(), attemptOf(r.id)));
        platform.publish(progress);
        platform.publish(new UpgradeProgress(r.id, "restore", "marker", Instant.now(), attemptOf(r.id)));

        await().atMost(WAIT).until(() -> log(r).contains("marker"));
        assertEquals(1, log(r).split("only once", -1).length - 1, log(r));
    }

    @Test
    void everyProblemOfANewRequestIsListedWithItsReason() {
        given().contentType(ContentType.JSON).body(Map.of("contract", "", "email", "nobody", "database", "a b",
                "targetVersion", "13.0", "purpose", "prod")).post("/api/v1/requests")
                .then().statusCode(400).body("failures.reason", hasItems("CONTRACT:MISSING", "EMAIL:INVALID",
                        "DATABASE:INVALID", "PURPOSE:INVALID", "TARGET:INVALID"));
        given().contentType(ContentType.JSON).body(Map.of("contract", "M1", "email", "it@acme.example",
                "database", "acme", "targetVersion", "16.0", "sourceVersion", "17.0")).post("/api/v1/requests")
                .then().statusCode(400).body("failures.reason", hasItems("TARGET:DOWNGRADE"));
    }

    @Test
    void aBackupEscapingTheArchiveFailsTheRequestAndQueuesNothing() throws IOException {
        Created r = create("test");
        ByteArrayOutputStream zip = new ByteArrayOutputStream();
        try (ZipOutputStream out = new ZipOutputStream(zip)) {
            out.putNextEntry(new ZipEntry("../../etc/passwd"));
            out.write("root".getBytes(StandardCharsets.UTF_8));
        }

        upload(r, zip.toByteArray()).then().statusCode(422).body("failures[0].reason", equalTo("BACKUP:PATH_ESCAPE"));

        status(r).then().body("state", equalTo("failed")).body("failure.reason", equalTo("BACKUP:PATH_ESCAPE"));
        start(r).then().statusCode(409);
    }

    @Test
    void aWrongSecretGetsTheAnswerOfAnUnknownRequest() {
        Created r = create("test");
        Response wrongSecret = given().header("Authorization", "Bearer not-the-secret").get("/api/v1/requests/" + r.id);
        Response unknown = given().header("Authorization", "Bearer " + r.secret)
                .get("/api/v1/requests/00000000-0000-0000-0000-000000000000");

        assertEquals(404, wrongSecret.statusCode());
        assertEquals(unknown.statusCode(), wrongSecret.statusCode());
        assertEquals(unknown.body().asString(), wrongSecret.body().asString());
    }

    @Test
    void anUnknownContractIsRefusedAndNothingIsCreated() {
        given().contentType(ContentType.JSON).body(Map.of("contract", "NO-SUCH", "email", "it@acme.example",
                "database", "acme", "targetVersion", "17.0")).post("/api/v1/requests")
                .then().statusCode(400).body("failures.reason", hasItems("CONTRACT:NOT_FOUND"));
    }

    @Test
    void aSecondTestRunOfTheSameDatabaseWaitsForTheFirstOnceItIsQueued() throws IOException {
        String database = "globex-" + UUID.randomUUID().toString().substring(0, 8);
        Created first = create("test", database, "it@globex.example");
        upload(first, sampleBackup()).then().statusCode(200);
        start(first).then().statusCode(200);
        Created second = create("test", database, "it@globex.example");
        upload(second, sampleBackup()).then().statusCode(200);

        start(second).then().statusCode(409).body("failures[0].reason", equalTo("REQUEST:TEST_IN_PROGRESS"));
        status(second).then().body("state", equalTo("new"));

        cancel(first).then().statusCode(200).body("state", equalTo("cancelled"));
        start(second).then().statusCode(200).body("state", equalTo("pending"));
    }

    @Test
    void aTargetClosedByOperationsIsRefusedUntilReopened() {
        ops().delete("/ops/v1/targets/18.0").then().statusCode(200);
        try {
            given().contentType(ContentType.JSON).body(Map.of("contract", "M2026-0042", "email", "it@acme.example",
                    "database", "initech", "targetVersion", "18.0")).post("/api/v1/requests")
                    .then().statusCode(400).body("failures.reason", hasItems("TARGET:NOT_OPEN"));
        } finally {
            ops().put("/ops/v1/targets/18.0").then().statusCode(200);
        }
    }

    @Test
    void theOpsApiWantsItsOwnToken() {
        given().get("/ops/v1/queue").then().statusCode(401).body("failures[0].reason", equalTo("OPS:UNAUTHORIZED"));
        ops().get("/ops/v1/queue").then().statusCode(200).body("lanes.test.pending", org.hamcrest.Matchers
                .greaterThanOrEqualTo(0));
    }

    @Test
    void aRequesterCancelsAPendingRequestAndARunningTestButNotARunningProductionUpgrade() throws IOException {
        Created pending = queued("test");
        cancel(pending).then().statusCode(200).body("state", equalTo("cancelled")).body("stopped.by",
                equalTo("requester"));

        Created runningTest = queued("test");
        platform.publish(new UpgradeProgress(runningTest.id, "restore", "restoring", Instant.now(),
                attemptOf(runningTest.id)));
        awaitState(runningTest, "progress");
        cancel(runningTest).then().statusCode(200).body("state", equalTo("cancelled"));

        Created runningProduction = queued("production");
        platform.publish(new UpgradeProgress(runningProduction.id, "restore", "restoring", Instant.now(),
                attemptOf(runningProduction.id)));
        awaitState(runningProduction, "progress");
        cancel(runningProduction).then().statusCode(409).body("failures[0].reason",
                equalTo("REQUEST:NOT_CANCELLABLE"));
        status(runningProduction).then().body("state", equalTo("progress"));
    }

    @Test
    void theLogIsReadFromAByteOffsetAsTheUpgradeClientDoes() throws IOException {
        Created r = queued("test");
        platform.publish(new UpgradeProgress(r.id, "restore", "first line", Instant.now(), attemptOf(r.id)));
        await().atMost(WAIT).until(() -> log(r).contains("first line"));
        int offset = log(r).getBytes(StandardCharsets.UTF_8).length;
        platform.publish(new UpgradeProgress(r.id, "upgrade", "second line", Instant.now(), attemptOf(r.id)));
        await().atMost(WAIT).until(() -> log(r).contains("second line"));

        Response tail = given().header("Authorization", "Bearer " + r.secret).header("Range", "bytes=" + offset + "-")
                .get("/api/v1/requests/" + r.id + "/log");

        assertEquals(206, tail.statusCode());
        assertTrue(tail.body().asString().contains("second line") && !tail.body().asString().contains("first line"),
                tail.body().asString());
    }

    @Test
    void aBranchReadsItsOwnProjectsRequestsAndNoOneElses() {
        Created r = create("test");
        String own = ops().contentType(ContentType.JSON).body(Map.of("name", "eu-hosting", "project", "acme-hosting"))
                .post("/ops/v1/branches").then().statusCode(200).extract().path("credential");
        String other = ops().contentType(ContentType.JSON).body(Map.of("name", "us-hosting", "project", "globex"))
                .post("/ops/v1/branches").then().statusCode(200).extract().path("credential");

        given().header("Authorization", "Bearer " + own).get("/api/v1/requests/" + r.id).then().statusCode(200);
        given().header("Authorization", "Bearer " + other).get("/api/v1/requests/" + r.id).then().statusCode(404);
        given().header("Authorization", "Bearer " + own).post("/api/v1/requests/" + r.id + "/cancel")
                .then().statusCode(404);
    }

    @Test
    void aRequesterListsTheRequestsCreatedWithTheirSecretAndNoOneElsesWithTheSameAddress() {
        String email = "list-" + UUID.randomUUID() + "@acme.example";
        Created mine = create("test", "one-" + UUID.randomUUID().toString().substring(0, 6), email);
        Response second = given().header("Authorization", "Bearer " + mine.secret).contentType(ContentType.JSON)
                .body(Map.of("contract", "M2026-0042", "email", email, "database", "two-" + UUID.randomUUID()
                        .toString().substring(0, 6), "targetVersion", "17.0", "purpose", "production"))
                .post("/api/v1/requests");
        second.then().statusCode(201).body("secret", equalTo(mine.secret));
        // someone who knows the address and the contract creates a request with them
        Created other = create("test", "three-" + UUID.randomUUID().toString().substring(0, 6), email);

        List<String> ids = given().header("Authorization", "Bearer " + mine.secret).get("/api/v1/requests")
                .then().statusCode(200).extract().path("id");
        List<String> theirs = given().header("Authorization", "Bearer " + other.secret).get("/api/v1/requests")
                .then().statusCode(200).extract().path("id");

        assertEquals(List.of(second.path("id"), mine.id), ids);
        assertEquals(List.of(other.id), theirs);
        given().header("Authorization", "Bearer not-a-secret").contentType(ContentType.JSON).body(Map.of(
                "contract", "M2026-0042", "email", email, "database", "four", "targetVersion", "17.0"))
                .post("/api/v1/requests").then().statusCode(401).header("WWW-Authenticate", "Bearer")
                .body("failures[0].reason", equalTo("REQUEST:UNAUTHORIZED"));
    }

    @Test
    void aFailedRequestIsQueuedAgainByOperations() throws IOException {
        Created r = queued("test");
        platform.publish(new org.juniper.upgrade.events.UpgradeFailed(r.id, "upgrade", "RESTORE:FAILED", "broken",
                Instant.now(), attemptOf(r.id)));
        awaitState(r, "failed");

        ops().post("/ops/v1/requests/" + r.id + "/retry").then().statusCode(200).body("state", equalTo("pending"));

        assertEquals(2, platform.read(Topics.REQUESTED, r.id, WAIT, l -> l.size() == 2).size());
    }

    @Test
    void aFailedRequestShowsItsFailureReportOnceTheReportServiceHasWrittenIt() throws IOException {
        Created r = queued("test");
        platform.publish(new org.juniper.upgrade.events.UpgradeFailed(r.id, "upgrade", "SCRIPT:FAILED", "broken",
                Instant.now(), attemptOf(r.id)));
        awaitState(r, "failed");
        report(r, null).then().statusCode(409).body("failures.reason", hasItems("REQUEST:NOT_DONE"));

        // what the report service writes for a failed run: the JSON, then the HTML that marks the report complete
        store.put(ArtifactKeys.of(r.id).attempt(attemptOf(r.id)).reportJson(), "{\"outcome\":\"failed\"}".getBytes(StandardCharsets.UTF_8),
                "application/json");
        store.put(ArtifactKeys.of(r.id).attempt(attemptOf(r.id)).reportHtml(), "<h1>failed</h1>".getBytes(StandardCharsets.UTF_8),
                "text/html");

        report(r, null).then().statusCode(200).contentType(containsString("text/html")).body(equalTo(
                "<h1>failed</h1>"));
        report(r, "json").then().statusCode(200).body("outcome", equalTo("failed"));
        report(r, "pdf").then().statusCode(400).body("failures.reason", hasItems("REPORT:FORMAT"));
    }

    @Test
    void expiredRequestsLoseTheirArtifactsAndBecomeArchived() throws IOException {
        Created r = queued("production");
        platform.publish(new org.juniper.upgrade.events.UpgradeFailed(r.id, "upgrade", "RESTORE:FAILED", "broken",
                Instant.now(), attemptOf(r.id)));
        awaitState(r, "failed");
        String backup = backupKey(r);
        assertTrue(store.find(backup).isPresent());

        // a call archives a bounded number, the oldest first, and says whether more are left
        boolean more = true;
        while (more) {
            io.restassured.path.json.JsonPath answer = ops().post("/ops/v1/purge?olderThan=PT0S").then()
                    .statusCode(200).body("archived", org.hamcrest.Matchers.lessThanOrEqualTo(10)).extract().jsonPath();
            more = answer.getBoolean("more");
        }

        status(r).then().body("state", equalTo("archived"));
        assertTrue(store.find(backup).isEmpty(), "the backup is gone");
    }

    @Test
    void aBackupOfAnotherVersionThanDeclaredFailsTheRequest() throws IOException {
        Response response = given().contentType(ContentType.JSON).body(Map.of("contract", "M2026-0042",
                "email", "it@acme.example", "database", "v-" + UUID.randomUUID().toString().substring(0, 8),
                "targetVersion", "17.0", "sourceVersion", "15.0")).post("/api/v1/requests");
        Created r = new Created(response.path("id"), response.path("secret"));

        upload(r, sampleBackup()).then().statusCode(422)
                .body("failures[0].reason", equalTo("BACKUP:VERSION_MISMATCH"));
        start(r).then().statusCode(409);
    }

    @Test
    void aManifestThatDoesNotDescribeItsDumpIsRefusedAndNothingIsQueued() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (BackupArchiveWriter writer = new BackupArchiveWriter(bytes)) {
            writer.manifest(Manifest.of("acme", "14.0", "15", Map.of("base", "14.0.1.3")));
            try (OutputStream dump = writer.dump()) {
                dump.write(("CREATE TABLE ir_module_module (name varchar, latest_version varchar, state varchar);\n"
                        + "COPY ir_module_module (name, latest_version, state) FROM stdin;\n"
                        + "base\t16.0.1.3\tinstalled\n\\.\n").getBytes(StandardCharsets.UTF_8));
            }
            writer.finish();
        }
        Created r = create("test");

        upload(r, bytes.toByteArray()).then().statusCode(422)
                .body("failures[0].reason", equalTo("BACKUP:MANIFEST_MISMATCH"))
                .body("failures[0].message", containsString("says version 14.0 but the dump's modules are at 16.0"));
        start(r).then().statusCode(409);
        assertTrue(platform.read(Topics.REQUESTED, r.id, Duration.ofSeconds(2), l -> false).isEmpty(),
                "nothing queued");
    }

    @Test
    void aDamagedOrForeignFileIsRefusedWithItsReason() throws IOException {
        byte[] backup = sampleBackup();
        upload(create("test"), java.util.Arrays.copyOf(backup, backup.length - 40)).then().statusCode(422)
                .body("failures[0].reason", org.hamcrest.Matchers.oneOf("BACKUP:CORRUPT", "BACKUP:NO_DUMP",
                        "BACKUP:NO_MANIFEST"));
        upload(create("test"), "just some text".getBytes(StandardCharsets.UTF_8)).then().statusCode(422)
                .body("failures[0].reason", equalTo("BACKUP:UNKNOWN_FORMAT"));
    }

    @Test
    void aCustomFormatDumpNeedsItsSourceVersion() {
        byte[] custom = "PGDMP\u0001\u000e\u0000 not really a dump".getBytes(StandardCharsets.ISO_8859_1);

        upload(create("test"), custom).then().statusCode(422)
                .body("failures[0].reason", equalTo("BACKUP:VERSION_UNKNOWN"));
    }

    @Test
    void aBackupWhoseChecksumDiffersFromTheAnnouncedOneIsRefused() throws IOException {
        Created r = create("test");

        given().header("Authorization", "Bearer " + r.secret).header("Backup-Sha256", "0".repeat(64))
                .contentType("application/zip").body(sampleBackup()).put("/api/v1/requests/" + r.id + "/backup")
                .then().statusCode(422).body("failures[0].reason", equalTo("BACKUP:CHECKSUM_MISMATCH"));
    }

    @Test
    void aBackupAboveTheSizeCapIsRefusedBeforeAnyByteIsStored() {
        Created r = create("test");

        given().header("Authorization", "Bearer " + r.secret).header("Upload-Offset", 0)
                .header("Upload-Length", Long.MAX_VALUE / 2).contentType("application/offset+octet-stream")
                .body(new byte[16]).patch("/api/v1/requests/" + r.id + "/backup")
                .then().statusCode(413).body("failures[0].reason", equalTo("BACKUP:TOO_LARGE"));
        status(r).then().body("state", equalTo("new"));
    }

    @Test
    void aPoisonEventGoesToTheDeadLetterTopicAndItsRequestFailsWithTheReason() throws Exception {
        Created r = queued("test");
        java.util.Properties props = new java.util.Properties();
        props.put("bootstrap.servers", bootstrapServers);
        props.put("key.serializer", org.apache.kafka.common.serialization.StringSerializer.class.getName());
        props.put("value.serializer", org.apache.kafka.common.serialization.StringSerializer.class.getName());
        try (org.apache.kafka.clients.producer.KafkaProducer<String, String> producer =
                new org.apache.kafka.clients.producer.KafkaProducer<>(props)) {
            org.apache.kafka.clients.producer.ProducerRecord<String, String> poison =
                    new org.apache.kafka.clients.producer.ProducerRecord<>(Topics.PROGRESS, r.id, "{not json");
            CloudEvents.kafkaHeaders(CloudEvents.create("/juniper/test", new UpgradeProgress(r.id, "restore", "x",
                    Instant.now(), attemptOf(r.id)))).forEach((k, v) -> poison.headers().add(k, v.getBytes(StandardCharsets.UTF_8)));
            producer.send(poison).get();
        }

        awaitState(r, "failed");
        status(r).then().body("failure.reason", equalTo("EVENT:MALFORMED"));
        assertEquals(1, platform.read(Topics.DEAD_LETTER, r.id, WAIT, l -> !l.isEmpty()).size());
    }

    @Test
    void customScriptsAreCheckedStoredAndCarriedByTheQueuedEventASecondUploadReplacingTheFirst() throws IOException {
        Created r = create("test");
        upload(r, sampleBackup()).then().statusCode(200);
        byte[] first = scriptsZip(Map.of("15.0/customer_loyalty/post-10-rename.sql", "SELECT 1;",
                "0.0.0/customer_loyalty/end-10-record.sql", "SELECT 2;"));
        byte[] second = scriptsZip(Map.of("16.0/customer_loyalty/post-10-rename.sql", "SELECT 3;",
                "16.0/x_fleet/pre-10-vehicles.sql", "SELECT 4;", "0.0.0/x_fleet/end-10-record.sql", "SELECT 5;"));

        uploadScripts(r, first).then().statusCode(200).body("scripts.count", equalTo(2))
                .body("scripts.modules", equalTo(List.of("customer_loyalty")));
        uploadScripts(r, second).then().statusCode(200).body("scripts.sha256", equalTo(Sha256.hex(second)))
                .body("scripts.size", equalTo(second.length)).body("scripts.count", equalTo(3))
                .body("scripts.modules", equalTo(List.of("customer_loyalty", "x_fleet")));
        start(r).then().statusCode(200).body("state", equalTo("pending")).body("scripts.count", equalTo(3));

        UpgradeRequested data = CloudEvents.data(platform.read(Topics.REQUESTED, r.id, WAIT, l -> !l.isEmpty())
                .get(0).event(), UpgradeRequested.class);
        assertEquals(new StoredObject(ArtifactKeys.of(r.id).customScripts(), Sha256.hex(second), second.length),
                data.scripts());
        assertArrayEquals(second, store.readAllBytes(data.scripts().key()));
        assertEquals(data.scripts(), store.find(data.scripts().key()).orElseThrow());
    }

    @Test
    void aRequestWithoutScriptsQueuesAnEventWithoutThem() throws IOException {
        Created r = queued("test");

        PlatformEvents.Received record = platform.read(Topics.REQUESTED, r.id, WAIT, l -> !l.isEmpty()).get(0);
        assertEquals(null, CloudEvents.data(record.event(), UpgradeRequested.class).scripts());
        assertTrue(!record.value().contains("scripts"), record.value());
    }

    @Test
    void eachBadScriptsZipIsRefusedWithItsReasonAndNothingIsStoredOrChanged() throws IOException {
        ByteArrayOutputStream notUtf8 = new ByteArrayOutputStream();
        try (ZipOutputStream out = new ZipOutputStream(notUtf8)) {
            out.putNextEntry(new ZipEntry("16.0/customer_loyalty/post-10-a.sql"));
            out.write("SELECT 'caf\u00e9';".getBytes(StandardCharsets.ISO_8859_1));
        }
        Map<String, byte[]> bad = new java.util.LinkedHashMap<>();
        bad.put("SCRIPTS:INVALID 'customer_loyalty/post-10-a.sql' is not where a script goes",
                scriptsZip(Map.of("customer_loyalty/post-10-a.sql", "SELECT 1;")));
        bad.put("SCRIPTS:INVALID '13.0/customer_loyalty/post-10-a.sql' is a script of version 13.0",
                scriptsZip(Map.of("13.0/customer_loyalty/post-10-a.sql", "SELECT 1;")));
        bad.put("SCRIPTS:INVALID '0.0.0/customer_loyalty/end-10-a.sql' holds no SQL",
                scriptsZip(Map.of("0.0.0/customer_loyalty/end-10-a.sql", "-- later\n")));
        bad.put("SCRIPTS:INVALID the zip holds no script", scriptsZip(Map.of()));
        bad.put("SCRIPTS:INVALID '16.0/customer_loyalty/post-10-a.sql' holds COMMIT on line 2, which would end the "
                + "hop's transaction", scriptsZip(Map.of("16.0/customer_loyalty/post-10-a.sql",
                "UPDATE x SET a = 'rollback'; -- then commit\nCOMMIT;")));
        bad.put("SCRIPTS:INVALID the scripts are not a zip archive", "SELECT 1;".getBytes(StandardCharsets.UTF_8));
        // the backup says 14.0 and the request 17.0: 18.0 is no hop of it
        bad.put("SCRIPTS:OUTSIDE_HOPS '18.0/customer_loyalty/post-10-a.sql' is a script of 18.0",
                scriptsZip(Map.of("18.0/customer_loyalty/post-10-a.sql", "SELECT 1;")));
        bad.put("SCRIPTS:TOO_LARGE the scripts are larger than 16777216 bytes",
                new byte[(int) org.juniper.erp.CustomScripts.MAX_BYTES + 1]);
        Created fresh = create("test");
        upload(fresh, sampleBackup()).then().statusCode(200);
        Created withScripts = create("test");
        upload(withScripts, sampleBackup()).then().statusCode(200);
        byte[] good = scriptsZip(Map.of("16.0/customer_loyalty/post-10-a.sql", "SELECT 1;"));
        uploadScripts(withScripts, good).then().statusCode(200);
        bad.put("SCRIPTS:INVALID '16.0/customer_loyalty/post-10-a.sql' is not UTF-8 text", notUtf8.toByteArray());

        for (Map.Entry<String, byte[]> zip : bad.entrySet()) {
            String reason = zip.getKey().substring(0, zip.getKey().indexOf(' '));
            String message = zip.getKey().substring(reason.length() + 1);
            for (Created r : List.of(fresh, withScripts)) {
                uploadScripts(r, zip.getValue()).then()
                        .statusCode(reason.equals("SCRIPTS:TOO_LARGE") ? 413 : 422)
                        .body("failures[0].reason", equalTo(reason))
                        .body("failures[0].message", containsString(message))
                        .body("failures[0].expected", org.hamcrest.Matchers.not(org.hamcrest.Matchers.emptyString()));
            }
        }

        status(fresh).then().body("state", equalTo("new")).body("scripts", org.hamcrest.Matchers.nullValue());
        assertTrue(!store.exists(ArtifactKeys.of(fresh.id).customScripts()), "nothing stored");
        status(withScripts).then().body("state", equalTo("new")).body("scripts.sha256", equalTo(Sha256.hex(good)));
        assertArrayEquals(good, store.readAllBytes(ArtifactKeys.of(withScripts.id).customScripts()));
    }

    @Test
    void scriptsAfterTheStartAreRefusedAndChangeNothing() throws IOException {
        Created r = create("test");
        upload(r, sampleBackup()).then().statusCode(200);
        byte[] sent = scriptsZip(Map.of("16.0/customer_loyalty/post-10-a.sql", "SELECT 1;"));
        uploadScripts(r, sent).then().statusCode(200);
        start(r).then().statusCode(200);

        uploadScripts(r, scriptsZip(Map.of("17.0/customer_loyalty/post-10-b.sql", "SELECT 2;"))).then()
                .statusCode(409).body("failures[0].reason", equalTo("REQUEST:NOT_NEW"))
                .body("failures[0].message", containsString("only while it is new"));

        status(r).then().body("state", equalTo("pending")).body("scripts.sha256", equalTo(Sha256.hex(sent)));
        assertArrayEquals(sent, store.readAllBytes(ArtifactKeys.of(r.id).customScripts()));
    }

    @Test
    void scriptsFromSomeoneWithoutTheSecretGetTheAnswerOfAnUnknownRequest() throws IOException {
        Created r = create("test");
        byte[] zip = scriptsZip(Map.of("16.0/customer_loyalty/post-10-a.sql", "SELECT 1;"));

        Response wrongSecret = uploadScripts(new Created(r.id, "not-the-secret"), zip);
        Response unknown = uploadScripts(new Created("00000000-0000-0000-0000-000000000000", r.secret), zip);

        assertEquals(404, wrongSecret.statusCode());
        assertEquals(unknown.body().asString(), wrongSecret.body().asString());
        assertTrue(!store.exists(ArtifactKeys.of(r.id).customScripts()), "nothing stored");
        status(r).then().body("scripts", org.hamcrest.Matchers.nullValue());
    }

    static void registerContract(String code, String project) {
        ops().contentType(ContentType.JSON).body(Map.of("project", project)).put("/ops/v1/contracts/" + code)
                .then().statusCode(200);
    }

    static io.restassured.specification.RequestSpecification ops() {
        return given().header("Authorization", "Bearer local-ops-token");
    }

    static Response cancel(Created r) {
        return given().header("Authorization", "Bearer " + r.secret).post("/api/v1/requests/" + r.id + "/cancel");
    }

    record Created(String id, String secret) {
    }

    /** The request as intake stored it, for what only the parts learn (its attempt) or nobody sees (its keys). */
    static org.juniper.upgrade.intake.request.repository.UpgradeRequest stored(String requestId) {
        return io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().call(() -> io.quarkus.arc.Arc.container()
                .instance(org.juniper.upgrade.intake.request.repository.UpgradeRequestRepository.class).get()
                .findById(UUID.fromString(requestId)));
    }

    /** The request's current attempt, as the parts learn it from upgrade.requested. */
    static String attemptOf(String requestId) {
        return stored(requestId).attempt.toString();
    }

    static Created create(String purpose) {
        return create(purpose, "acme-" + UUID.randomUUID().toString().substring(0, 8), "it@acme.example");
    }

    static Created create(String purpose, String database, String email) {
        Response response = given().contentType(ContentType.JSON).body(Map.of("contract", "M2026-0042",
                "email", email, "database", database, "targetVersion", "17.0", "purpose", purpose))
                .post("/api/v1/requests");
        response.then().statusCode(201).body("state", equalTo("new"));
        return new Created(response.path("id"), response.path("secret"));
    }

    static Created queued(String purpose) throws IOException {
        Created r = create(purpose);
        upload(r, sampleBackup()).then().statusCode(200);
        start(r).then().statusCode(200);
        return r;
    }

    static Response upload(Created r, byte[] backup) {
        return given().header("Authorization", "Bearer " + r.secret).contentType("application/zip").body(backup)
                .put("/api/v1/requests/" + r.id + "/backup");
    }

    static Response uploadScripts(Created r, byte[] zip) {
        return given().header("Authorization", "Bearer " + r.secret).contentType("application/zip").body(zip)
                .put("/api/v1/requests/" + r.id + "/scripts");
    }

    static byte[] scriptsZip(Map<String, String> files) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream out = new ZipOutputStream(bytes)) {
            for (Map.Entry<String, String> file : new java.util.TreeMap<>(files).entrySet()) {
                out.putNextEntry(new ZipEntry(file.getKey()));
                out.write(file.getValue().getBytes(StandardCharsets.UTF_8));
            }
        }
        return bytes.toByteArray();
    }

    static Response start(Created r) {
        return given().header("Authorization", "Bearer " + r.secret).post("/api/v1/requests/" + r.id + "/start");
    }

    static Response status(Created r) {
        return given().header("Authorization", "Bearer " + r.secret).get("/api/v1/requests/" + r.id);
    }

    static Response download(Created r) {
        return given().redirects().follow(false).header("Authorization", "Bearer " + r.secret)
                .get("/api/v1/requests/" + r.id + "/download");
    }

    static Response report(Created r, String format) {
        io.restassured.specification.RequestSpecification request = given().redirects().follow(false)
                .header("Authorization", "Bearer " + r.secret);
        if (format != null) {
            request = request.queryParam("format", format);
        }
        return request.get("/api/v1/requests/" + r.id + "/report");
    }

    static String log(Created r) {
        return given().header("Authorization", "Bearer " + r.secret).get("/api/v1/requests/" + r.id + "/log")
                .body().asString();
    }

    /** The key the request's backup is stored under. */
    static String backupKey(Created r) {
        return stored(r.id).backupKey;
    }

    static void awaitState(Created r, String state) {
        await().atMost(WAIT).until(() -> state.equals(status(r).path("state")));
    }

    private static StoredObject artifact(Created r, String name) {
        return new StoredObject(ArtifactKeys.of(r.id).prefix() + name, "c".repeat(64), 10);
    }

    static byte[] sampleBackup() throws IOException {
        return sampleBackup("acme");
    }

    /** A small valid 14.0 backup of {@code database}: backups of different names differ. */
    static byte[] sampleBackup(String database) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (BackupArchiveWriter writer = new BackupArchiveWriter(bytes)) {
            writer.manifest(Manifest.of(database, "14.0", "15", Map.of("base", "14.0.1.3")));
            try (OutputStream dump = writer.dump()) {
                dump.write("CREATE TABLE res_partner (id integer);\n".getBytes(StandardCharsets.UTF_8));
            }
            writer.finish();
        }
        return bytes.toByteArray();
    }
}
