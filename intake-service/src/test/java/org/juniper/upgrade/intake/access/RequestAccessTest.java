package org.juniper.upgrade.intake.access;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.juniper.upgrade.intake.Intake.create;
import static org.juniper.upgrade.intake.Intake.ops;
import static org.juniper.upgrade.intake.Intake.registerContract;
import static org.juniper.upgrade.intake.Intake.sampleBackup;
import static org.juniper.upgrade.intake.Intake.start;
import static org.juniper.upgrade.intake.Intake.status;
import static org.juniper.upgrade.intake.Intake.upload;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.Map;
import java.util.UUID;
import org.juniper.upgrade.intake.Intake.Created;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What someone who knows a requester's contract, address and database can do to them: nothing. */
@QuarkusTest
class RequestAccessTest {

    @BeforeEach
    void contract() {
        registerContract("M2026-0042", "acme-hosting");
    }

    @Test
    void aRequestLeftNewBySomeoneElseBlocksNobodysTest() throws Exception {
        String database = "victim-" + UUID.randomUUID().toString().substring(0, 8);
        Created squatter = create("test", database, "it@acme.example");

        Created own = create("test", database, "it@acme.example");
        upload(own, sampleBackup()).then().statusCode(200);
        start(own).then().statusCode(200).body("state", equalTo("pending"));

        status(squatter).then().body("state", equalTo("new"));
    }

    @Test
    void theOwnersSecretDoesNotOpenSomeoneElsesRequestWithTheSameAddress() {
        Created mine = create("test", "mine-" + UUID.randomUUID().toString().substring(0, 8),
                "shared@acme.example");
        Created theirs = create("test", "theirs-" + UUID.randomUUID().toString().substring(0, 8),
                "shared@acme.example");

        given().header("Authorization", "Bearer " + mine.secret()).get("/api/v1/requests/" + theirs.id())
                .then().statusCode(404).body("failures[0].reason", equalTo("REQUEST:NOT_FOUND"));
        given().header("Authorization", "Bearer " + mine.secret()).get("/api/v1/requests")
                .then().statusCode(200).body("id", equalTo(java.util.List.of(mine.id())));
        given().get("/api/v1/requests").then().statusCode(401).header("WWW-Authenticate", "Bearer");
        given().contentType(ContentType.JSON).header("Authorization", "Bearer " + theirs.id())
                .body(Map.of("contract", "M2026-0042", "email", "x@acme.example", "database", "x",
                        "targetVersion", "17.0")).post("/api/v1/requests").then().statusCode(401);
    }

    @Test
    void aBranchReadsItsOwnProjectsRequestsAndNoOneElses() {
        Created r = create("test");
        String own = ops().contentType(ContentType.JSON).body(Map.of("name", "eu-hosting", "project", "acme-hosting"))
                .post("/ops/v1/branches").then().statusCode(200).extract().path("credential");
        String other = ops().contentType(ContentType.JSON).body(Map.of("name", "us-hosting", "project", "globex"))
                .post("/ops/v1/branches").then().statusCode(200).extract().path("credential");

        given().header("Authorization", "Bearer " + own).get("/api/v1/requests/" + r.id()).then().statusCode(200);
        given().header("Authorization", "Bearer " + other).get("/api/v1/requests/" + r.id()).then().statusCode(404);
        given().header("Authorization", "Bearer " + own).post("/api/v1/requests/" + r.id() + "/cancel")
                .then().statusCode(404);
    }
}
