package org.juniper.upgrade.intake.refusal;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.emptyOrNullString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.lessThan;
import static org.hamcrest.Matchers.not;
import static org.juniper.upgrade.intake.Intake.create;
import static org.juniper.upgrade.intake.Intake.ops;
import static org.juniper.upgrade.intake.Intake.registerContract;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.juniper.upgrade.intake.Intake.Created;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Every answer that is not a success says what is wrong and what would do, the framework's own answers included. */
@QuarkusTest
class RefusalBodyTest {

    @BeforeEach
    void contract() {
        registerContract("M2026-0042", "acme-hosting");
    }

    @Test
    void theFrameworksOwnRefusalsCarryTheRefusalBody() {
        Created r = create("test");
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
        answers.put("400 BRANCH:INVALID", ops().contentType(ContentType.JSON)
                .post("/ops/v1/branches"));
        answers.put("400 BRANCH:INVALID ", ops().contentType(ContentType.JSON).body(Map.of(
                "name", "eu-hosting", "project", "p".repeat(100))).post("/ops/v1/branches"));
        answers.put("400 CONTRACT:INVALID", ops().contentType(ContentType.JSON).body(Map.of("project",
                "p".repeat(100))).put("/ops/v1/contracts/M2026-LONG-PROJECT"));
        answers.put("400 CONTRACT:INVALID ", ops().contentType(ContentType.JSON)
                .body(Map.of("project", "p")).put("/ops/v1/contracts/" + "C".repeat(65)));
        answers.put("400 TARGET:INVALID", ops().put("/ops/v1/targets/" + "9".repeat(50)));
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
        Created r = create("test");

        for (String path : new String[] {"/download", "/report"}) {
            given().redirects().follow(false).queryParam("token", r.secret()).get("/api/v1/requests/" + r.id() + path)
                    .then().statusCode(404).body("failures[0].reason", equalTo("REQUEST:NOT_FOUND"));
        }
        given().header("Authorization", "Bearer " + r.secret()).get("/api/v1/requests/" + r.id() + "/download")
                .then().statusCode(409).body("failures[0].message", containsString("is new"));
    }

    @Test
    void theOpenApiDocumentListsEveryStatusOfEveryRouteWithTheRefusalBodyAndABearerScheme() throws Exception {
        // one parse and a walk of the tree: a GPath lookup per status compiles a script each and takes minutes
        JsonNode doc = new ObjectMapper().readTree(given().queryParam("format", "json").get("/q/openapi").then()
                .statusCode(200).extract().asString());

        assertEquals("bearer", doc.at("/components/securitySchemes/bearer/scheme").asText());
        int operations = 0;
        for (Map.Entry<String, JsonNode> path : doc.get("paths").properties()) {
            for (String method : List.of("get", "put", "post", "patch", "delete", "head", "options")) {
                JsonNode operation = path.getValue().get(method);
                if (operation == null) {
                    continue;
                }
                operations++;
                String route = method + " " + path.getKey();
                Set<String> listed = statuses(operation);
                assertTrue(listed.containsAll(List.of("400", "404", "405", "406", "414", "431", "500", "4XX",
                        "5XX")), route + " " + listed);
                for (String status : listed) {
                    JsonNode body = operation.get("responses").get(status)
                            .at("/content/application~1json/schema/$ref");
                    if (status.equals("414") || status.equals("431")) {
                        // the HTTP layer's own, before any route: documented as answered without a body
                        assertTrue(body.isMissingNode(), route + " " + status);
                    } else if (status.startsWith("4") || status.startsWith("5")) {
                        assertEquals("#/components/schemas/Refusal", body.asText(), route + " " + status);
                    }
                }
            }
        }
        assertTrue(operations > 20, operations + " operations");
        JsonNode paths = doc.get("paths");
        Set<String> creation = statuses(paths.at("/~1api~1v1~1requests/post"));
        assertTrue(creation.contains("201") && !creation.contains("200"), creation.toString());
        assertTrue(statuses(paths.at("/~1api~1v1~1requests~1{id}~1download/get")).containsAll(Set.of("200", "206",
                "409", "416", "503")));
        assertTrue(statuses(paths.at("/~1api~1v1~1requests~1{id}~1backup/patch")).containsAll(Set.of("200", "204",
                "409", "413", "415", "422", "503")));
        String backup = "/~1api~1v1~1requests~1{id}~1backup/";
        assertTrue(statuses(paths.at(backup + "patch")).containsAll(Set.of("412", "460")));
        Set<String> tusCreation = statuses(paths.at(backup + "post"));
        assertTrue(tusCreation.containsAll(Set.of("201", "409", "412", "413")) && !tusCreation.contains("200"),
                tusCreation.toString());
        assertTrue(statuses(paths.at(backup + "delete")).containsAll(Set.of("204", "409", "412")));
        assertTrue(statuses(paths.at(backup + "options")).contains("204"));
        assertEquals(Set.of(), names(paths.at(backup + "options/security/0")), "tus discovery needs no secret");
        assertFalse(paths.at("/~1api~1v1~1requests~1{id}~1scripts/put/responses/422/content/application~1json"
                + "/examples").isMissingNode());
        assertTrue(statuses(paths.at("/~1ops~1v1~1branches/post")).contains("413"));
        assertTrue(statuses(paths.at("/~1api~1v1~1requests/post")).contains("429"));
        assertTrue(statuses(paths.at("/~1ops~1v1~1queue/get")).contains("401"));
        JsonNode security = paths.at("/~1api~1v1~1requests~1{id}/get/security/0");
        assertEquals(Set.of("bearer"), names(security));
    }

    private static Set<String> statuses(JsonNode operation) {
        return names(operation.get("responses"));
    }

    private static Set<String> names(JsonNode object) {
        Set<String> names = new java.util.TreeSet<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static Response request(String contract, String email, String database) {
        return given().contentType(ContentType.JSON).body(Map.of("contract", contract, "email", email,
                "database", database, "targetVersion", "17.0")).post("/api/v1/requests");
    }
}
