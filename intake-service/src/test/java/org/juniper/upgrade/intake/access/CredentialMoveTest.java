package org.juniper.upgrade.intake.access;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.juniper.upgrade.intake.Intake.ops;
import static org.juniper.upgrade.intake.Intake.registerContract;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.Map;
import java.util.UUID;
import org.juniper.upgrade.intake.Intake.Created;
import org.junit.jupiter.api.Test;

/** A contract or a branch credential moves to another project only when operations ask for it by name. */
@QuarkusTest
class CredentialMoveTest {

    @Test
    void aContractPutAgainForAnotherProjectIsRefusedUnlessMovedAndItsBranchesKeepReading() {
        String contract = "C-" + UUID.randomUUID().toString().substring(0, 8);
        String project = "p-" + UUID.randomUUID().toString().substring(0, 8);
        registerContract(contract, project);
        String branch = issue("b-" + UUID.randomUUID().toString().substring(0, 8), project, false)
                .then().statusCode(200).extract().path("credential");

        putContract(contract, "elsewhere", false).then().statusCode(409)
                .body("failures[0].reason", equalTo("CONTRACT:OTHER_PROJECT"))
                .body("failures[0].expected", equalTo("the same project, or ?move=true to move contract "
                        + contract + " to 'elsewhere'"));
        putContract(contract, project, false).then().statusCode(200);

        Created r = create(contract);
        given().header("Authorization", "Bearer " + branch).get("/api/v1/requests/" + r.id()).then().statusCode(200);

        putContract(contract, "elsewhere", true).then().statusCode(200).body("project", equalTo("elsewhere"));
        given().header("Authorization", "Bearer " + branch).get("/api/v1/requests/" + create(contract).id())
                .then().statusCode(404);
    }

    @Test
    void aBranchIssuedAgainForAnotherProjectIsRefusedAndKeepsItsCredentialUnlessMoved() {
        String name = "b-" + UUID.randomUUID().toString().substring(0, 8);
        String contract = "C-" + UUID.randomUUID().toString().substring(0, 8);
        registerContract(contract, "p-one");
        Created r = create(contract);
        String credential = issue(name, "p-one", false).then().statusCode(200).extract().path("credential");

        issue(name, "p-two", false).then().statusCode(409).body("failures[0].reason", equalTo("BRANCH:OTHER_PROJECT"));
        given().header("Authorization", "Bearer " + credential).get("/api/v1/requests/" + r.id()).then()
                .statusCode(200);

        String renewed = issue(name, "p-one", false).then().statusCode(200).extract().path("credential");
        given().header("Authorization", "Bearer " + credential).get("/api/v1/requests/" + r.id()).then()
                .statusCode(404);
        given().header("Authorization", "Bearer " + renewed).get("/api/v1/requests/" + r.id()).then()
                .statusCode(200);

        issue(name, "p-two", true).then().statusCode(200).body("project", equalTo("p-two"));
    }

    private static io.restassured.response.Response putContract(String code, String project, boolean move) {
        return ops().contentType(ContentType.JSON).body(Map.of("project", project))
                .queryParam("move", move).put("/ops/v1/contracts/" + code);
    }

    private static io.restassured.response.Response issue(String name, String project, boolean move) {
        return ops().contentType(ContentType.JSON).body(Map.of("name", name, "project", project))
                .queryParam("move", move).post("/ops/v1/branches");
    }

    private static Created create(String contract) {
        io.restassured.response.Response created = given().contentType(ContentType.JSON).body(Map.of("contract",
                contract, "email", "it@acme.example", "database", "m-" + UUID.randomUUID().toString()
                        .substring(0, 8), "targetVersion", "17.0")).post("/api/v1/requests");
        created.then().statusCode(201);
        return new Created(created.path("id"), created.path("secret"));
    }
}
