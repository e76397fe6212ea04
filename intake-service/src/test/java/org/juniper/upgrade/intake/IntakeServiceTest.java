package org.juniper.upgrade.intake;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
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

    @BeforeEach
    void connect() {
        platform = new PlatformEvents(bootstrapServers);
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
        assertEquals(ArtifactKeys.of(r.id).backup(), data.backup().key());
        assertEquals("it@acme.example", data.requesterEmail());
    }

    @Test
    void aTestRequestIsDoneOnlyOnceItsCopyIsNeutralizedAndReported() throws IOException {
        Created r = queued("test");
        platform.publish(new UpgradeProgress(r.id, "restore", "restoring", Instant.now()));
        awaitState(r, "progress");

        platform.publish(new DumpUpgraded(r.id, Purpose.TEST, "14.0", "17.0", artifact(r, "upgraded.zip"),
                ArtifactKeys.of(r.id).facts(), ArtifactKeys.of(r.id).log(), Map.of("restore", 5L)));
        platform.publish(new ReportReady(r.id, ArtifactKeys.of(r.id).reportHtml(), ArtifactKeys.of(r.id).reportJson(),
                new ReportReady.Summary(1, 1, 0, 0)));
        await().atMost(WAIT).until(() -> status(r).<List<String>>path("produced").containsAll(List.of("upgraded",
                "report")));
        status(r).then().body("state", equalTo("progress"));
        download(r).then().statusCode(409).body("failures.reason", hasItems("REQUEST:NOT_DONE"));

        platform.publish(new Neutralized(r.id, artifact(r, "test.zip"), List.of(new Neutralized.Action("base",
                "crons-off"))));
        awaitState(r, "done");

        download(r).then().statusCode(303).header("Location", containsString("test.zip"));
        List<PlatformEvents.Received> completed = platform.read(Topics.COMPLETED, r.id, WAIT, l -> !l.isEmpty());
        assertEquals(1, completed.size());
        assertEquals("juniper.upgrade.completed.v1", completed.get(0).headers().get("ce_type"));
    }

    @Test
    void aRedeliveredEventChangesNothing() throws IOException {
        Created r = queued("test");
        CloudEvent progress = platform.publish(new UpgradeProgress(r.id, "restore", "only once", Instant.now()));
        platform.publish(progress);
        platform.publish(new UpgradeProgress(r.id, "restore", "marker", Instant.now()));

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

    record Created(String id, String secret) {
    }

    private Created create(String purpose) {
        Response response = given().contentType(ContentType.JSON).body(Map.of("contract", "M2026-0042",
                "email", "it@acme.example", "database", "acme", "targetVersion", "17.0", "purpose", purpose))
                .post("/api/v1/requests");
        response.then().statusCode(201).body("state", equalTo("new"));
        return new Created(response.path("id"), response.path("secret"));
    }

    private Created queued(String purpose) throws IOException {
        Created r = create(purpose);
        upload(r, sampleBackup()).then().statusCode(200);
        start(r).then().statusCode(200);
        return r;
    }

    private static Response upload(Created r, byte[] backup) {
        return given().header("Authorization", "Bearer " + r.secret).contentType("application/zip").body(backup)
                .put("/api/v1/requests/" + r.id + "/backup");
    }

    private static Response start(Created r) {
        return given().header("Authorization", "Bearer " + r.secret).post("/api/v1/requests/" + r.id + "/start");
    }

    private static Response status(Created r) {
        return given().header("Authorization", "Bearer " + r.secret).get("/api/v1/requests/" + r.id);
    }

    private static Response download(Created r) {
        return given().redirects().follow(false).header("Authorization", "Bearer " + r.secret)
                .get("/api/v1/requests/" + r.id + "/download");
    }

    private static String log(Created r) {
        return given().header("Authorization", "Bearer " + r.secret).get("/api/v1/requests/" + r.id + "/log")
                .body().asString();
    }

    private static void awaitState(Created r, String state) {
        await().atMost(WAIT).until(() -> state.equals(status(r).path("state")));
    }

    private static StoredObject artifact(Created r, String name) {
        return new StoredObject(ArtifactKeys.of(r.id).prefix() + name, "c".repeat(64), 10);
    }

    static byte[] sampleBackup() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (BackupArchiveWriter writer = new BackupArchiveWriter(bytes)) {
            writer.manifest(Manifest.of("acme", "14.0", "15", Map.of("base", "14.0.1.3")));
            try (OutputStream dump = writer.dump()) {
                dump.write("CREATE TABLE res_partner (id integer);\n".getBytes(StandardCharsets.UTF_8));
            }
            writer.finish();
        }
        return bytes.toByteArray();
    }
}
