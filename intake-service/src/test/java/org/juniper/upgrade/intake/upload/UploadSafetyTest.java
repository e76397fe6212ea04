package org.juniper.upgrade.intake.upload;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.lessThan;
import static org.juniper.upgrade.intake.Intake.backupKey;
import static org.juniper.upgrade.intake.Intake.create;
import static org.juniper.upgrade.intake.Intake.registerContract;
import static org.juniper.upgrade.intake.Intake.sampleBackup;
import static org.juniper.upgrade.intake.Intake.start;
import static org.juniper.upgrade.intake.Intake.status;
import static org.juniper.upgrade.intake.Intake.upload;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.juniper.upgrade.archive.Sha256;
import org.juniper.upgrade.bindings.objectstore.ArtifactStore;
import org.juniper.upgrade.bindings.testing.PlatformEvents;
import org.juniper.upgrade.events.CloudEvents;
import org.juniper.upgrade.events.Topics;
import org.juniper.upgrade.events.UpgradeRequested;
import org.juniper.upgrade.intake.Intake.Created;
import org.juniper.upgrade.intake.RawHttp;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A backup upload never loses an accepted backup, and races with another upload or with the start. */
@QuarkusTest
class UploadSafetyTest {
    private static final Duration WAIT = Duration.ofSeconds(30);

    @TestHTTPResource
    URL intake;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Inject
    ArtifactStore store;

    @BeforeEach
    void contract() {
        registerContract("M2026-0042", "acme-hosting");
    }

    @Test
    void aRefusedSecondBackupLeavesTheAcceptedOneAndTheRequestStartsWithIt() throws Exception {
        byte[] good = sampleBackup();
        Created r = create("test");
        upload(r, good).then().statusCode(200);
        String accepted = backupKey(r);

        upload(r, "just some text".getBytes(StandardCharsets.UTF_8)).then().statusCode(422)
                .body("failures[0].reason", equalTo("BACKUP:UNKNOWN_FORMAT"))
                .body("failures[0].message", containsString("the request keeps its backup (sha256 "
                        + Sha256.hex(good) + ")"));
        given().header("Authorization", "Bearer " + r.secret()).header("Backup-Sha256", "0".repeat(64))
                .contentType("application/zip").body(sampleBackup("other"))
                .put("/api/v1/requests/" + r.id() + "/backup")
                .then().statusCode(422).body("failures[0].reason", equalTo("BACKUP:CHECKSUM_MISMATCH"));

        status(r).then().body("state", equalTo("new"))
                .body("backup.sha256", equalTo(Sha256.hex(good)));
        assertEquals(accepted, backupKey(r));
        assertArrayEquals(good, store.readAllBytes(accepted));
        start(r).then().statusCode(200).body("state", equalTo("pending"));
        assertEquals(Sha256.hex(good), queued(r).backup().sha256());
    }

    @Test
    void aSecondGoodBackupReplacesTheFirstWhichIsDeleted() throws Exception {
        Created r = create("test");
        upload(r, sampleBackup()).then().statusCode(200);
        String first = backupKey(r);
        byte[] second = sampleBackup("second");

        upload(r, second).then().statusCode(200).body("backup.sha256", equalTo(Sha256.hex(second)));

        assertNotEquals(first, backupKey(r));
        assertFalse(store.exists(first), "the replaced backup is deleted");
        assertArrayEquals(second, store.readAllBytes(backupKey(r)));
    }

    @Test
    void startAndASecondUploadWaitForTheUploadInFlightAndTheRequestStartsWithWhatItBrought() throws Exception {
        byte[] backup = sampleBackup("inflight");
        Created r = create("test");

        try (RawHttp slow = RawHttp.start(intake, "PUT", "/api/v1/requests/" + r.id() + "/backup", Map.of(
                "Authorization", "Bearer " + r.secret(), "Content-Type", "application/zip",
                "Content-Length", String.valueOf(backup.length)))) {
            slow.write(backup, 0, backup.length / 2);

            await().atMost(WAIT).until(() -> inFlight(r));
            start(r).then().statusCode(409).time(lessThan(1000L))
                    .body("failures[0].reason", equalTo("UPLOAD:IN_PROGRESS"))
                    .body("failures[0].expected", containsString("once the upload has been answered"));
            upload(r, sampleBackup("intruder")).then().statusCode(409)
                    .time(lessThan(1000L)).body("failures[0].reason", equalTo("UPLOAD:IN_PROGRESS"));

            slow.write(backup, backup.length / 2, backup.length);
            RawHttp.Answer answer = slow.answer();
            assertEquals(200, answer.status(), answer.body());
        }

        start(r).then().statusCode(200).body("state", equalTo("pending"));
        UpgradeRequested queued = queued(r);
        assertEquals(Sha256.hex(backup), queued.backup().sha256());
        assertArrayEquals(backup, store.readAllBytes(queued.backup().key()));
    }

    @Test
    void uploadsBeyondTheBoundAreRefusedWith503AndRetryAfterAndTakenAgainOnceOthersEnd() throws Exception {
        byte[] backup = sampleBackup("bound");
        List<RawHttp> held = new ArrayList<>();
        List<Created> holding = new ArrayList<>();
        try {
            for (int i = 0; i < 8; i++) {
                Created r = create("test");
                holding.add(r);
                RawHttp upload = RawHttp.start(intake, "PUT", "/api/v1/requests/" + r.id() + "/backup", Map.of(
                        "Authorization", "Bearer " + r.secret(), "Content-Type", "application/zip",
                        "Content-Length", String.valueOf(backup.length)));
                held.add(upload);
                upload.write(backup, 0, backup.length - 10);
            }
            Created late = create("test");
            await().atMost(WAIT).until(() -> inFlight(holding.get(7)));

            Response refused = upload(late, backup);
            refused.then().statusCode(503).time(lessThan(1000L)).header("Retry-After", "30")
                    .body("failures[0].reason", equalTo("UPLOAD:BUSY"));
            status(late).then().body("state", equalTo("new"));
            // a second upload of a request that holds one is refused for that, not for the others
            upload(holding.get(0), backup).then().statusCode(409)
                    .body("failures[0].reason", equalTo("UPLOAD:IN_PROGRESS"));

            for (RawHttp upload : held) {
                upload.write(backup, backup.length - 10, backup.length);
                assertEquals(200, upload.answer().status());
            }
            upload(late, backup).then().statusCode(200);
        } finally {
            for (RawHttp upload : held) {
                upload.close();
            }
        }
    }

    /** True once an upload holds the request: its start is refused for it. */
    static boolean inFlight(Created r) {
        return "UPLOAD:IN_PROGRESS".equals(start(r).path("failures[0].reason"));
    }

    private UpgradeRequested queued(Created r) {
        try (PlatformEvents platform = new PlatformEvents(bootstrapServers)) {
            List<PlatformEvents.Received> events = platform.read(Topics.REQUESTED, r.id(), WAIT, l -> !l.isEmpty());
            assertTrue(events.size() == 1, events.toString());
            return CloudEvents.data(events.get(0).event(), UpgradeRequested.class);
        }
    }
}
