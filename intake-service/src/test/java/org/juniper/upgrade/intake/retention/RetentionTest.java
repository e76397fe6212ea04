package org.juniper.upgrade.intake.retention;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.juniper.upgrade.intake.Intake.attemptOf;
import static org.juniper.upgrade.intake.Intake.awaitState;
import static org.juniper.upgrade.intake.Intake.backupKey;
import static org.juniper.upgrade.intake.Intake.create;
import static org.juniper.upgrade.intake.Intake.ops;
import static org.juniper.upgrade.intake.Intake.queued;
import static org.juniper.upgrade.intake.Intake.status;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.juniper.upgrade.bindings.objectstore.ArtifactStore;
import org.juniper.upgrade.intake.Intake.Created;
import org.juniper.upgrade.intake.PlaysTheParts;
import org.junit.jupiter.api.Test;

/** Finished requests lose their objects after the retention; abandoned ones expire. */
@QuarkusTest
class RetentionTest extends PlaysTheParts {
    @Inject
    ArtifactStore store;

    @Inject
    RecordPruning pruning;

    @Test
    void expiredRequestsLoseTheirArtifactsAndBecomeArchived() throws IOException {
        Created r = queued("production");
        platform.publish(new org.juniper.upgrade.events.UpgradeFailed(r.id(), "upgrade", "RESTORE:FAILED", "broken",
                Instant.now(), attemptOf(r.id())));
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
    void aRequestAbandonedBeforeItsBackupArrivedExpires() {
        Created r = create("test");

        pruning.prune(Instant.now().plus(Duration.ofDays(30)));

        status(r).then().body("state", equalTo("cancelled")).body("stopped.by", equalTo("platform"));
        given().contentType(ContentType.JSON).body(Map.of("contract", "M2026-0042", "email", "it@acme.example",
                "database", status(r).path("database"), "targetVersion", "17.0", "purpose", "test"))
                .post("/api/v1/requests").then().statusCode(201);
    }
}
