package org.juniper.upgrade.intake.campaign;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.startsWith;
import static org.juniper.upgrade.intake.Intake.attemptOf;
import static org.juniper.upgrade.intake.Intake.ops;
import static org.juniper.upgrade.intake.Intake.sampleBackup;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.juniper.upgrade.archive.Sha256;
import org.juniper.upgrade.bindings.objectstore.ArtifactStore;
import org.juniper.upgrade.events.ArtifactKeys;
import org.juniper.upgrade.events.CloudEvents;
import org.juniper.upgrade.events.DumpUpgraded;
import org.juniper.upgrade.events.Neutralized;
import org.juniper.upgrade.events.Purpose;
import org.juniper.upgrade.events.ReportReady;
import org.juniper.upgrade.events.StoredObject;
import org.juniper.upgrade.events.Topics;
import org.juniper.upgrade.events.UpgradeFailed;
import org.juniper.upgrade.events.UpgradeProgress;
import org.juniper.upgrade.events.UpgradeRequested;
import org.juniper.upgrade.intake.Intake.Created;
import org.juniper.upgrade.intake.PlaysTheParts;
import org.junit.jupiter.api.Test;

/** Rolling-release campaigns through the ops API; the worker and the other parts are played by the test. */
@QuarkusTest
class CampaignTest extends PlaysTheParts {
    private static final Duration WAIT = Duration.ofSeconds(30);
    /** Many release rounds: a campaign request that was to be released would have been by then. */
    private static final Duration ROUNDS = Duration.ofSeconds(2);

    @Inject
    ArtifactStore store;

    @Inject
    EntityManager entityManager;

    @Test
    void aCampaignIsRefusedWithEveryProblemListedAndNothingIsCreated() throws IOException {
        String stored = storeBackup(sampleBackup());
        int before = ops().get("/ops/v1/campaigns").then().statusCode(200).extract().path("size()");
        ops().delete("/ops/v1/targets/18.0").then().statusCode(200);
        try {
            ops().contentType(ContentType.JSON).body(Map.of("targetVersion", "18.0", "databases", List.of(
                    database("NO-SUCH", "it@acme.example", "acme", stored),
                    database("M2026-0042", "nobody", "globex", "hosting/no-such-backup.zip"),
                    database("M2026-0042", "it@initech.example", "initech", ""),
                    database("M2026-0042", "it@initech.example", "initech", stored))))
                    .post("/ops/v1/campaigns")
                    .then().statusCode(400)
                    .body("failures.reason", hasItems("TARGET:NOT_OPEN", "CONTRACT:NOT_FOUND", "EMAIL:INVALID",
                            "BACKUP:NOT_FOUND", "BACKUP:KEY_MISSING", "CAMPAIGN:DUPLICATE_DATABASE"))
                    .body("failures.find { it.reason == 'BACKUP:NOT_FOUND' }.message",
                            startsWith("databases[1] (globex): "))
                    .body("failures.find { it.reason == 'BACKUP:NOT_FOUND' }.expected", equalTo(
                            "the object-store key of the database's latest backup, as the hosting platform stored it"));
        } finally {
            ops().put("/ops/v1/targets/18.0").then().statusCode(200);
        }
        ops().contentType(ContentType.JSON).body(Map.of("targetVersion", "17.0", "databases", List.of()))
                .post("/ops/v1/campaigns").then().statusCode(400).body("failures.reason", hasItem("CAMPAIGN:EMPTY"));
        given().contentType(ContentType.JSON).body(Map.of("targetVersion", "17.0", "databases", List.of(
                database("M2026-0042", "it@acme.example", "acme", stored)))).post("/ops/v1/campaigns")
                .then().statusCode(401).body("failures[0].reason", equalTo("OPS:UNAUTHORIZED"));

        ops().get("/ops/v1/campaigns").then().body("size()", equalTo(before));
    }

    @Test
    void aCampaignWaitsForTheTestLaneThenInvitesThePassedAndFlagsTheFailedWithTheirReasons() throws Exception {
        emptyTheTestLane();
        Created interactive = interactiveTestRequest();
        byte[] good = sampleBackup();
        String a = "acme-" + suffix();
        String b = "globex-" + suffix();
        String c = "initech-" + suffix();
        JsonPath started = ops().contentType(ContentType.JSON).body(Map.of("targetVersion", "17.0", "databases",
                List.of(database("M2026-0042", "it@acme.example", a, storeBackup(good)),
                        database("M2026-0042", "it@globex.example", b, storeBackup(good)),
                        database("M2026-0042", "it@initech.example", c, storeBackup(pathEscape())))))
                .post("/ops/v1/campaigns").then().statusCode(201).extract().jsonPath();
        String campaign = started.getString("id");
        String first = started.getString("databases[0].requestId");
        String second = started.getString("databases[1].requestId");
        String broken = started.getString("databases[2].requestId");

        await().atMost(WAIT).until(() -> counts(campaign).equals(Map.of("pending", 2, "running", 0, "invited", 0,
                "flagged", 1, "cancelled", 0)));
        JsonPath progress = progress(campaign);
        assertEquals("BACKUP:PATH_ESCAPE", progress.getString("databases[2].failure.reason"),
                "a backup that fails the upload checks is flagged at once, with the reason");
        assertEquals(List.of("pending", "pending"), List.of(progress.getString("databases[0].requestState"),
                progress.getString("databases[1].requestState")), "checked and held by intake");

        assertTrue(platform.read(Topics.REQUESTED, first, ROUNDS, l -> !l.isEmpty()).isEmpty(),
                "nothing is let into the test lane while a requester's own test request waits there");

        platform.publish(new UpgradeProgress(interactive.id(), "restore", "restoring", Instant.now(), attemptOf(interactive.id())));
        UpgradeRequested released = CloudEvents.data(platform.read(Topics.REQUESTED, first, WAIT,
                l -> !l.isEmpty()).get(0).event(), UpgradeRequested.class);
        assertEquals(campaign, released.campaign());
        assertEquals(Purpose.TEST, released.purpose());
        assertTrue(released.priority() < 0, "below a requester's own test requests");
        assertTrue(released.backup().key().startsWith(ArtifactKeys.of(first).backup()), "copied under the request's "
                + "own key");
        assertEquals(Sha256.hex(good), released.backup().sha256());
        assertEquals("running", progress(campaign).getString("databases[0].state"));
        assertTrue(platform.read(Topics.REQUESTED, second, ROUNDS, l -> !l.isEmpty()).isEmpty(),
                "one at a time: the next waits until a worker took the first");

        platform.publish(new UpgradeProgress(first, "restore", "restoring", Instant.now(), attemptOf(first)));
        assertEquals(1, platform.read(Topics.REQUESTED, second, WAIT, l -> !l.isEmpty()).size());
        pass(first);
        platform.publish(new UpgradeFailed(second, "upgrade", "MODULE:CUSTOM", "module customer_loyalty is "
                + "unknown to the pack", Instant.now(), attemptOf(second)));

        await().atMost(WAIT).until(() -> counts(campaign).equals(Map.of("pending", 0, "running", 0, "invited", 1,
                "flagged", 2, "cancelled", 0)));
        progress = progress(campaign);
        assertEquals("invited", progress.getString("databases[0].state"));
        assertEquals("MODULE:CUSTOM", progress.getString("databases[1].failure.reason"));
        assertEquals(broken, progress.getString("databases[2].requestId"));
        ops().get("/ops/v1/campaigns").then().body("find { it.id == '" + campaign + "' }.counts.invited",
                equalTo(1));
        given().header("Authorization", "Bearer " + started.getString("databases[0].secret"))
                .get("/api/v1/requests/" + first).then().statusCode(200).body("state", equalTo("done"));
    }

    /** Requests other tests left pending would hold any campaign back, as a busy lane does. */
    private void emptyTheTestLane() {
        QuarkusTransaction.requiringNew().run(() -> entityManager.createNativeQuery("""
                update upgrade_request set state = 'CANCELLED'
                where state in ('NEW', 'PENDING') and purpose = 'TEST'""").executeUpdate());
    }

    /** A requester's own test request, queued: it waits in the test lane until a worker takes it. */
    private Created interactiveTestRequest() throws IOException {
        JsonPath created = given().contentType(ContentType.JSON).body(Map.of("contract", "M2026-0042", "email",
                "it@acme.example", "database", "own-" + suffix(), "targetVersion", "17.0", "purpose", "test"))
                .post("/api/v1/requests").then().statusCode(201).extract().jsonPath();
        Created r = new Created(created.getString("id"),
                created.getString("secret"));
        given().header("Authorization", "Bearer " + r.secret()).contentType("application/zip")
                .body(sampleBackup()).put("/api/v1/requests/" + r.id() + "/backup")
                .then().statusCode(200);
        given().header("Authorization", "Bearer " + r.secret()).post("/api/v1/requests/" + r.id() + "/start")
                .then().statusCode(200).body("state", equalTo("pending"));
        return r;
    }

    /** The worker, neutralizer and report service all did their part. */
    private void pass(String id) {
        ArtifactKeys.AttemptKeys keys = ArtifactKeys.of(id).attempt(attemptOf(id));
        platform.publish(new DumpUpgraded(id, Purpose.TEST, "14.0", "17.0",
                new StoredObject(keys.upgraded(), "c".repeat(64), 10), keys.facts(), keys.log(), Map.of(), attemptOf(id)));
        platform.publish(new ReportReady(id, keys.reportHtml(), keys.reportJson(), new ReportReady.Summary(1, 1, 0,
                0), attemptOf(id)));
        platform.publish(new Neutralized(id, new StoredObject(keys.neutralized(), "d".repeat(64), 10), List.of(), attemptOf(id)));
    }

    private String storeBackup(byte[] backup) {
        String key = "hosting/" + UUID.randomUUID() + "/latest.zip";
        store.put(key, backup, "application/zip");
        return key;
    }

    private static byte[] pathEscape() throws IOException {
        ByteArrayOutputStream zip = new ByteArrayOutputStream();
        try (ZipOutputStream out = new ZipOutputStream(zip)) {
            out.putNextEntry(new ZipEntry("../../etc/passwd"));
            out.write("root".getBytes(StandardCharsets.UTF_8));
        }
        return zip.toByteArray();
    }

    private static Map<String, String> database(String contract, String email, String database, String backupKey) {
        return Map.of("contract", contract, "email", email, "database", database, "backupKey", backupKey);
    }

    private static JsonPath progress(String campaign) {
        return ops().get("/ops/v1/campaigns/" + campaign).then().statusCode(200).extract().jsonPath();
    }

    private static Map<String, Integer> counts(String campaign) {
        return progress(campaign).getMap("counts", String.class, Integer.class);
    }

    private static String suffix() {
        return UUID.randomUUID().toString().substring(0, 8);
    }
}
