package org.juniper.upgrade.intake.request;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.juniper.upgrade.intake.Intake.attemptOf;
import static org.juniper.upgrade.intake.Intake.awaitState;
import static org.juniper.upgrade.intake.Intake.cancel;
import static org.juniper.upgrade.intake.Intake.create;
import static org.juniper.upgrade.intake.Intake.log;
import static org.juniper.upgrade.intake.Intake.ops;
import static org.juniper.upgrade.intake.Intake.queued;
import static org.juniper.upgrade.intake.Intake.sampleBackup;
import static org.juniper.upgrade.intake.Intake.start;
import static org.juniper.upgrade.intake.Intake.status;
import static org.juniper.upgrade.intake.Intake.upload;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.juniper.upgrade.archive.Sha256;
import org.juniper.upgrade.bindings.objectstore.ArtifactStore;
import org.juniper.upgrade.bindings.testing.PlatformEvents;
import org.juniper.upgrade.events.ArtifactKeys;
import org.juniper.upgrade.events.CloudEvents;
import org.juniper.upgrade.events.Topics;
import org.juniper.upgrade.events.UpgradeProgress;
import org.juniper.upgrade.events.UpgradeRequested;
import org.juniper.upgrade.intake.Intake.Created;
import org.juniper.upgrade.intake.PlaysTheParts;
import org.junit.jupiter.api.Test;

/** The requester's API on real PostgreSQL, Kafka and S3: creating, starting, cancelling and reading a request. */
@QuarkusTest
class RequestTest extends PlaysTheParts {
    private static final Duration WAIT = Duration.ofSeconds(30);

    @Inject
    ArtifactStore store;

    @Test
    void aCheckedBackupIsQueuedThroughTheOutboxAsACloudEvent() throws IOException {
        byte[] backup = sampleBackup();
        Created r = create("test");
        upload(r, backup).then().statusCode(200).body("sourceVersion", equalTo("14.0"))
                .body("backup.sha256", equalTo(Sha256.hex(backup)));

        start(r).then().statusCode(200).body("state", equalTo("pending"));

        List<PlatformEvents.Received> events = platform.read(Topics.REQUESTED, r.id(), WAIT, l -> !l.isEmpty());
        assertEquals(1, events.size());
        PlatformEvents.Received record = events.get(0);
        assertEquals("1.0", record.headers().get("ce_specversion"));
        assertEquals("juniper.upgrade.requested.v1", record.headers().get("ce_type"));
        assertEquals("application/json", record.headers().get("content-type"));
        UpgradeRequested data = CloudEvents.data(record.event(), UpgradeRequested.class);
        assertEquals(Sha256.hex(backup), data.backup().sha256());
        assertTrue(data.backup().key().startsWith(ArtifactKeys.of(r.id()).backup()), data.backup().key());
        assertEquals(data.backup(), store.find(data.backup().key()).orElseThrow());
        assertEquals("it@acme.example", data.requesterEmail());
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
    void anUnknownContractIsRefusedAndNothingIsCreated() {
        given().contentType(ContentType.JSON).body(Map.of("contract", "NO-SUCH", "email", "it@acme.example",
                "database", "acme", "targetVersion", "17.0")).post("/api/v1/requests")
                .then().statusCode(400).body("failures.reason", hasItems("CONTRACT:NOT_FOUND"));
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
    void aWrongSecretGetsTheAnswerOfAnUnknownRequest() {
        Created r = create("test");
        Response wrongSecret = given().header("Authorization", "Bearer not-the-secret").get("/api/v1/requests/" + r.id());
        Response unknown = given().header("Authorization", "Bearer " + r.secret())
                .get("/api/v1/requests/00000000-0000-0000-0000-000000000000");

        assertEquals(404, wrongSecret.statusCode());
        assertEquals(unknown.statusCode(), wrongSecret.statusCode());
        assertEquals(unknown.body().asString(), wrongSecret.body().asString());
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
    void aRequesterCancelsAPendingRequestAndARunningTestButNotARunningProductionUpgrade() throws IOException {
        Created pending = queued("test");
        cancel(pending).then().statusCode(200).body("state", equalTo("cancelled")).body("stopped.by",
                equalTo("requester"));

        Created runningTest = queued("test");
        platform.publish(new UpgradeProgress(runningTest.id(), "restore", "restoring", Instant.now(),
                attemptOf(runningTest.id())));
        awaitState(runningTest, "progress");
        cancel(runningTest).then().statusCode(200).body("state", equalTo("cancelled"));

        Created runningProduction = queued("production");
        platform.publish(new UpgradeProgress(runningProduction.id(), "restore", "restoring", Instant.now(),
                attemptOf(runningProduction.id())));
        awaitState(runningProduction, "progress");
        cancel(runningProduction).then().statusCode(409).body("failures[0].reason",
                equalTo("REQUEST:NOT_CANCELLABLE"));
        status(runningProduction).then().body("state", equalTo("progress"));
    }

    @Test
    void theLogIsReadFromAByteOffsetAsTheUpgradeClientDoes() throws IOException {
        Created r = queued("test");
        platform.publish(new UpgradeProgress(r.id(), "restore", "first line", Instant.now(), attemptOf(r.id())));
        await().atMost(WAIT).until(() -> log(r).contains("first line"));
        int offset = log(r).getBytes(StandardCharsets.UTF_8).length;
        platform.publish(new UpgradeProgress(r.id(), "upgrade", "second line", Instant.now(), attemptOf(r.id())));
        await().atMost(WAIT).until(() -> log(r).contains("second line"));

        Response tail = given().header("Authorization", "Bearer " + r.secret()).header("Range", "bytes=" + offset + "-")
                .get("/api/v1/requests/" + r.id() + "/log");

        assertEquals(206, tail.statusCode());
        assertTrue(tail.body().asString().contains("second line") && !tail.body().asString().contains("first line"),
                tail.body().asString());
    }

    @Test
    void aRequesterListsTheRequestsCreatedWithTheirSecretAndNoOneElsesWithTheSameAddress() {
        String email = "list-" + UUID.randomUUID() + "@acme.example";
        Created mine = create("test", "one-" + UUID.randomUUID().toString().substring(0, 6), email);
        Response second = given().header("Authorization", "Bearer " + mine.secret()).contentType(ContentType.JSON)
                .body(Map.of("contract", "M2026-0042", "email", email, "database", "two-" + UUID.randomUUID()
                        .toString().substring(0, 6), "targetVersion", "17.0", "purpose", "production"))
                .post("/api/v1/requests");
        second.then().statusCode(201).body("secret", equalTo(mine.secret()));
        // someone who knows the address and the contract creates a request with them
        Created other = create("test", "three-" + UUID.randomUUID().toString().substring(0, 6), email);

        List<String> ids = given().header("Authorization", "Bearer " + mine.secret()).get("/api/v1/requests")
                .then().statusCode(200).extract().path("id");
        List<String> theirs = given().header("Authorization", "Bearer " + other.secret()).get("/api/v1/requests")
                .then().statusCode(200).extract().path("id");

        assertEquals(List.of(second.path("id"), mine.id()), ids);
        assertEquals(List.of(other.id()), theirs);
        given().header("Authorization", "Bearer not-a-secret").contentType(ContentType.JSON).body(Map.of(
                "contract", "M2026-0042", "email", email, "database", "four", "targetVersion", "17.0"))
                .post("/api/v1/requests").then().statusCode(401).header("WWW-Authenticate", "Bearer")
                .body("failures[0].reason", equalTo("REQUEST:UNAUTHORIZED"));
    }
}
