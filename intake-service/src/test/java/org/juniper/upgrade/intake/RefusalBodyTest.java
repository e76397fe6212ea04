package org.juniper.upgrade.intake;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.lessThan;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.emptyOrNullString;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Every answer that is not a success says what is wrong and what would do, the framework's own answers included. */
@QuarkusTest
class RefusalBodyTest {

    @BeforeEach
    void contract() {
        IntakeServiceTest.registerContract("M2026-0042", "acme-hosting");
    }

    @Test
    void theFrameworksOwnRefusalsCarryTheRefusalBody() {
        IntakeServiceTest.Created r = IntakeServiceTest.create("test");
        Map<String, Function<RequestSpecification, Response>> calls = new java.util.LinkedHashMap<>();
        calls.put("400 REQUEST:MALFORMED", s -> s.contentType(ContentType.JSON).body("{\"contract\": ")
                .post("/api/v1/requests"));
        calls.put("400 REQUEST:MALFORMED ", s -> s.contentType(ContentType.JSON).body("[1, 2]")
                .post("/api/v1/requests"));
        calls.put("404 ROUTE:NOT_FOUND", s -> s.get("/api/v1/nothing-here"));
        calls.put("404 ROUTE:NOT_FOUND ", s -> s.get("/no/such/path"));
        calls.put("404 ROUTE:NOT_FOUND  ", s -> s.header("Authorization", "Bearer " + r.secret())
                .get("/api/v1/requests/not-a-uuid"));
        calls.put("405 METHOD:NOT_ALLOWED", s -> s.delete("/api/v1/requests"));
        calls.put("415 CONTENT_TYPE:UNSUPPORTED", s -> s.contentType("text/plain").body("x")
                .post("/api/v1/requests"));
        calls.put("416 LOG:RANGE", s -> s.header("Authorization", "Bearer " + r.secret()).header("Range",
                "bytes=0-").get("/api/v1/requests/" + r.id() + "/log"));
        calls.put("416 LOG:RANGE ", s -> s.header("Authorization", "Bearer " + r.secret()).header("Range",
                "bytes=99999999999999999999999-").get("/api/v1/requests/" + r.id() + "/log"));
        calls.put("401 OPS:UNAUTHORIZED", s -> s.get("/ops/v1/queue"));
        for (Map.Entry<String, Function<RequestSpecification, Response>> call : calls.entrySet()) {
            String[] expected = call.getKey().trim().split(" ");
            call.getValue().apply(given()).then().log().ifValidationFails().statusCode(Integer.parseInt(expected[0]))
                    .time(lessThan(1000L))
                    .contentType(ContentType.JSON)
                    .header("X-Content-Type-Options", "nosniff")
                    .body("failures[0].reason", equalTo(expected[1]))
                    .body("failures[0].message", not(emptyOrNullString()))
                    .body("failures[0].expected", not(emptyOrNullString()));
        }
    }

    @Test
    void inputLongerThanItsColumnIsRefusedAndNeverAnsweredWith500() {
        Map<String, Response> answers = new java.util.LinkedHashMap<>();
        answers.put("400 EMAIL:INVALID", request("M2026-0042", "a".repeat(300) + "@acme.example", "acme"));
        answers.put("400 CONTRACT:NOT_FOUND", request("M".repeat(65), "it@acme.example", "acme"));
        answers.put("400 DATABASE:INVALID", request("M2026-0042", "it@acme.example", "a".repeat(64)));
        answers.put("400 BRANCH:INVALID", IntakeServiceTest.ops().contentType(ContentType.JSON)
                .post("/ops/v1/branches"));
        answers.put("400 BRANCH:INVALID ", IntakeServiceTest.ops().contentType(ContentType.JSON).body(Map.of(
                "name", "eu-hosting", "project", "p".repeat(100))).post("/ops/v1/branches"));
        answers.put("400 CONTRACT:INVALID", IntakeServiceTest.ops().contentType(ContentType.JSON).body(Map.of("project",
                "p".repeat(100))).put("/ops/v1/contracts/M2026-LONG-PROJECT"));
        answers.put("400 CONTRACT:INVALID ", IntakeServiceTest.ops().contentType(ContentType.JSON)
                .body(Map.of("project", "p")).put("/ops/v1/contracts/" + "C".repeat(65)));
        answers.put("400 TARGET:INVALID", IntakeServiceTest.ops().put("/ops/v1/targets/" + "9".repeat(50)));
        for (Map.Entry<String, Response> answer : answers.entrySet()) {
            String[] expected = answer.getKey().trim().split(" ");
            answer.getValue().then().statusCode(Integer.parseInt(expected[0])).time(lessThan(1000L))
                    .body("failures[0].reason", equalTo(expected[1]));
        }
    }

    @Test
    void a401AsksForABearerTokenAndTheAnswerCarryingASecretIsNeverStored() {
        given().get("/ops/v1/queue").then().statusCode(401).header("WWW-Authenticate", "Bearer");

        given().contentType(ContentType.JSON).body(Map.of("contract", "M2026-0042", "email", "it@acme.example",
                "database", "cache-" + java.util.UUID.randomUUID().toString().substring(0, 8), "targetVersion",
                "17.0")).post("/api/v1/requests").then().statusCode(201)
                .header("Cache-Control", "no-store").header("X-Content-Type-Options", "nosniff");
        given().get("/q/openapi").then().header("X-Content-Type-Options", "nosniff");
    }

    @Test
    void theSecretIsNotTakenFromTheUrl() {
        IntakeServiceTest.Created r = IntakeServiceTest.create("test");

        for (String path : new String[] {"/download", "/report"}) {
            given().redirects().follow(false).queryParam("token", r.secret()).get("/api/v1/requests/" + r.id() + path)
                    .then().statusCode(404).body("failures[0].reason", equalTo("REQUEST:NOT_FOUND"));
        }
        given().header("Authorization", "Bearer " + r.secret()).get("/api/v1/requests/" + r.id() + "/download")
                .then().statusCode(409).body("failures[0].message", containsString("is new"));
    }

    @Test
    void theOpenApiDocumentListsEveryStatusOfEveryRouteWithTheRefusalBodyAndABearerScheme() {
        io.restassured.path.json.JsonPath doc = given().queryParam("format", "json").get("/q/openapi").then()
                .statusCode(200).extract().jsonPath();

        org.junit.jupiter.api.Assertions.assertEquals("bearer", doc.getString("components.securitySchemes.bearer"
                + ".scheme"));
        Map<String, Map<String, Object>> paths = doc.getMap("paths");
        int operations = 0;
        for (Map.Entry<String, Map<String, Object>> path : paths.entrySet()) {
            for (String method : java.util.List.of("get", "put", "post", "patch", "delete", "head")) {
                if (path.getValue().get(method) == null) {
                    continue;
                }
                operations++;
                String responses = "paths.'" + path.getKey() + "'." + method + ".responses";
                Map<String, Object> listed = doc.getMap(responses);
                org.junit.jupiter.api.Assertions.assertTrue(listed.keySet().containsAll(java.util.List.of("400",
                        "404", "405", "406", "414", "431", "500", "4XX", "5XX")), method + " " + path.getKey()
                        + " " + listed.keySet());
                for (String status : listed.keySet()) {
                    String body = doc.getString(responses + ".'" + status + "'.content.'application/json'.schema"
                            + ".'$ref'");
                    if (status.equals("414") || status.equals("431")) {
                        // the HTTP layer's own, before any route: documented as answered without a body
                        org.junit.jupiter.api.Assertions.assertNull(body, method + " " + path.getKey() + " " + status);
                    } else if (status.startsWith("4") || status.startsWith("5")) {
                        org.junit.jupiter.api.Assertions.assertEquals("#/components/schemas/Refusal", body,
                                method + " " + path.getKey() + " " + status);
                    }
                }
            }
        }
        org.junit.jupiter.api.Assertions.assertTrue(operations > 20, operations + " operations");
        Map<String, Object> creation = doc.getMap("paths.'/api/v1/requests'.post.responses");
        org.junit.jupiter.api.Assertions.assertTrue(creation.containsKey("201") && !creation.containsKey("200"),
                creation.keySet().toString());
        org.junit.jupiter.api.Assertions.assertTrue(doc.getMap("paths.'/api/v1/requests/{id}/download'.get"
                + ".responses").keySet().containsAll(java.util.Set.of("303", "409", "503")));
        org.junit.jupiter.api.Assertions.assertTrue(doc.getMap("paths.'/api/v1/requests/{id}/backup'.patch"
                + ".responses").keySet().containsAll(java.util.Set.of("200", "204", "409", "413", "415", "422",
                        "503")));
        org.junit.jupiter.api.Assertions.assertNotNull(doc.get("paths.'/api/v1/requests/{id}/scripts'.put"
                + ".responses.'422'.content.'application/json'.examples"));
        org.junit.jupiter.api.Assertions.assertNotNull(doc.get("paths.'/ops/v1/branches'.post.responses.'413'"));
        org.junit.jupiter.api.Assertions.assertNotNull(doc.get("paths.'/api/v1/requests'.post.responses.'429'"));
        org.junit.jupiter.api.Assertions.assertNotNull(doc.get("paths.'/ops/v1/queue'.get.responses.'401'"));
        java.util.List<Map<String, Object>> security = doc.getList("paths.'/api/v1/requests/{id}'.get.security");
        org.junit.jupiter.api.Assertions.assertEquals(java.util.Set.of("bearer"), security.get(0).keySet());
    }

    private static Response request(String contract, String email, String database) {
        return given().contentType(ContentType.JSON).body(Map.of("contract", contract, "email", email,
                "database", database, "targetVersion", "17.0")).post("/api/v1/requests");
    }
}
