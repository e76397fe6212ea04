package org.juniper.upgrade.intake;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.Map;
import java.util.UUID;
import org.juniper.upgrade.intake.IntakeServiceTest.Created;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What someone who knows a requester's contract, address and database can do to them: nothing. */
@QuarkusTest
class RequestAccessTest {

    @BeforeEach
    void contract() {
        IntakeServiceTest.registerContract("M2026-0042", "acme-hosting");
    }

    @Test
    void aRequestLeftNewBySomeoneElseBlocksNobodysTest() throws Exception {
        String database = "victim-" + UUID.randomUUID().toString().substring(0, 8);
        Created squatter = IntakeServiceTest.create("test", database, "it@acme.example");

        Created own = IntakeServiceTest.create("test", database, "it@acme.example");
        IntakeServiceTest.upload(own, IntakeServiceTest.sampleBackup()).then().statusCode(200);
        IntakeServiceTest.start(own).then().statusCode(200).body("state", equalTo("pending"));

        IntakeServiceTest.status(squatter).then().body("state", equalTo("new"));
    }

    @Test
    void theOwnersSecretDoesNotOpenSomeoneElsesRequestWithTheSameAddress() {
        Created mine = IntakeServiceTest.create("test", "mine-" + UUID.randomUUID().toString().substring(0, 8),
                "shared@acme.example");
        Created theirs = IntakeServiceTest.create("test", "theirs-" + UUID.randomUUID().toString().substring(0, 8),
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
}
