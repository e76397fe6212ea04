package org.juniper.upgrade.intake.operations;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.juniper.upgrade.intake.Intake.attemptOf;
import static org.juniper.upgrade.intake.Intake.awaitState;
import static org.juniper.upgrade.intake.Intake.ops;
import static org.juniper.upgrade.intake.Intake.queued;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import org.juniper.upgrade.events.Topics;
import org.juniper.upgrade.intake.Intake.Created;
import org.juniper.upgrade.intake.PlaysTheParts;
import org.junit.jupiter.api.Test;

/** The operations API, behind its own token. */
@QuarkusTest
class OperationsTest extends PlaysTheParts {
    private static final Duration WAIT = Duration.ofSeconds(30);

    @Test
    void theOpsApiWantsItsOwnToken() {
        given().get("/ops/v1/queue").then().statusCode(401).body("failures[0].reason", equalTo("OPS:UNAUTHORIZED"));
        ops().get("/ops/v1/queue").then().statusCode(200).body("lanes.test.pending", org.hamcrest.Matchers
                .greaterThanOrEqualTo(0));
    }

    @Test
    void aFailedRequestIsQueuedAgainByOperations() throws IOException {
        Created r = queued("test");
        platform.publish(new org.juniper.upgrade.events.UpgradeFailed(r.id(), "upgrade", "RESTORE:FAILED", "broken",
                Instant.now(), attemptOf(r.id())));
        awaitState(r, "failed");

        ops().post("/ops/v1/requests/" + r.id() + "/retry").then().statusCode(200).body("state", equalTo("pending"));

        assertEquals(2, platform.read(Topics.REQUESTED, r.id(), WAIT, l -> l.size() == 2).size());
    }
}
