package org.juniper.upgrade.intake.http;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.emptyOrNullString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.juniper.upgrade.intake.Intake.ops;
import static org.juniper.upgrade.intake.Intake.registerContract;
import static org.juniper.upgrade.intake.Intake.status;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.juniper.upgrade.intake.Intake;
import org.juniper.upgrade.intake.Intake.Created;
import org.juniper.upgrade.intake.RawHttp;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Requests the fuzz command found answered with 500 or without the refusal body, each with its answer now. */
@QuarkusTest
class HostileRequestTest {
    @TestHTTPResource
    URL intake;

    @BeforeEach
    void contract() {
        registerContract("M2026-0042", "acme-hosting");
    }

    @Test
    void aRequestWithoutAReadableHostIsRefusedWithItsReasonOnEveryRoute() throws Exception {
        for (String head : List.of("GET /api/v1/requests HTTP/1.0\r\n",
                "POST /ops/v1/purge HTTP/1.0\r\nAuthorization: Bearer local-ops-token\r\n",
                "GET /upgrade HTTP/1.0\r\n",
                "GET /api/v1/requests HTTP/1.1\r\nConnection: close\r\n",
                "GET /api/v1/requests HTTP/1.1\r\nHost: a\"; echo fuzz; \"\r\nConnection: close\r\n")) {
            RawHttp.Answer answer = RawHttp.exchange(intake, (head + "\r\n").getBytes(StandardCharsets.US_ASCII));

            assertEquals(400, answer.status(), head);
            assertRefusal("REQUEST:HOST_INVALID", answer.body());
            assertEquals("nosniff", answer.headers().get("x-content-type-options"), head);
        }
    }

    @Test
    void aNulCharacterInTextForTheDatabaseIsRefusedAndNeverAnsweredWith500() {
        ops().urlEncodingEnabled(false).contentType(ContentType.JSON)
                .body(Map.of("project", "acme-hosting")).put("/ops/v1/contracts/M%00").then().statusCode(400)
                .body("failures[0].reason", equalTo("CONTRACT:INVALID"));
        ops().contentType(ContentType.JSON).body(Map.of("project", "acme\u0000hosting"))
                .put("/ops/v1/contracts/M2026-NUL").then().statusCode(400)
                .body("failures[0].reason", equalTo("CONTRACT:INVALID"));
        Created r = Intake.create("test");
        ops().contentType(ContentType.JSON).body(Map.of("reason", "\u0000"))
                .post("/ops/v1/requests/" + r.id() + "/abort").then().statusCode(400)
                .body("failures[0].reason", equalTo("ABORT:REASON_MISSING"));
        create("M2026\u00000042", "it@acme.example").then().statusCode(400)
                .body("failures.reason", equalTo(List.of("CONTRACT:NOT_FOUND")));
        status(r).then().body("state", equalTo("new"));
    }

    @Test
    void aPurgeAgeBeyondTheCalendarOrReachingIntoTheFutureIsRefused() {
        for (String age : List.of("P9999999999999D", "P-1D", "PT-1S", "one week")) {
            ops().queryParam("olderThan", age).post("/ops/v1/purge").then().statusCode(400)
                    .body("failures[0].reason", equalTo("PURGE:INVALID"))
                    .body("failures[0].expected", not(emptyOrNullString()));
        }
    }

    @Test
    void aBodyThatIsNoTextInTheEncodingItsFirstBytesAnnounceIsRefusedAsMalformed() {
        // three NUL bytes first read as UTF-32, whose next character is out of Unicode's range
        byte[] body = "\u0000\u0000\u0000{\"adr\": 1}".getBytes(StandardCharsets.ISO_8859_1);

        given().contentType(ContentType.JSON).body(body).post("/api/v1/requests").then().statusCode(400)
                .body("failures[0].reason", equalTo("REQUEST:MALFORMED"))
                .body("failures[0].expected", not(emptyOrNullString()));
    }

    @Test
    void aCampaignBackupKeyNoStoreCouldHoldIsNotFoundWithoutAskingTheStore() {
        for (String key : List.of("hosting/" + "x".repeat(256) + ".zip", "hosting/" + "é".repeat(200),
                "hosting/a\u0000.zip")) {
            ops().contentType(ContentType.JSON).body(Map.of("targetVersion", "17.0", "databases",
                    List.of(Map.of("contract", "M2026-0042", "email", "it@acme.example", "database",
                            "hostile-" + UUID.randomUUID().toString().substring(0, 8), "backupKey", key)))).post("/ops/v1/campaigns").then().statusCode(400)
                    .body("failures.reason", equalTo(List.of("BACKUP:NOT_FOUND")));
        }
    }

    @Test
    void anUnknownContractAndAKnownOneAreRefusedAlikeWhileAnythingElseIsWrong() {
        Response unknown = create("NO-SUCH-CONTRACT", "not an address");
        Response known = create("M2026-0042", "not an address");

        unknown.then().statusCode(400).body("failures.reason", equalTo(List.of("EMAIL:INVALID")));
        assertEquals(known.statusCode(), unknown.statusCode());
        assertEquals(known.body().asString(), unknown.body().asString());
        // once nothing else is wrong, the requester learns that the contract is not known, and nothing is created
        create("NO-SUCH-CONTRACT", "it@acme.example").then().statusCode(400)
                .body("failures.reason", equalTo(List.of("CONTRACT:NOT_FOUND")))
                .body("failures[0].expected", equalTo("the contract number of your Juniper subscription, at most "
                        + "64 characters"));
    }

    private static Response create(String contract, String email) {
        return given().contentType(ContentType.JSON).body(Map.of("contract", contract, "email", email,
                "database", "acme", "targetVersion", "17.0")).post("/api/v1/requests");
    }

    private static void assertRefusal(String reason, String body) {
        JsonPath refusal = JsonPath.from(body);
        assertEquals(reason, refusal.getString("failures[0].reason"), body);
        assertTrue(!refusal.getString("failures[0].message").isBlank() && !refusal.getString("failures[0]"
                + ".expected").isBlank(), body);
    }
}
