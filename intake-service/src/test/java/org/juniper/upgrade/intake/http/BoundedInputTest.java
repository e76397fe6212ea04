package org.juniper.upgrade.intake.http;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.lessThan;
import static org.juniper.upgrade.intake.Intake.create;
import static org.juniper.upgrade.intake.Intake.registerContract;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.juniper.upgrade.intake.RawHttp;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What a client sends is bounded before it is looked at: no input costs the server more than it costs the sender. */
@QuarkusTest
class BoundedInputTest {
    @TestHTTPResource
    URL intake;

    @BeforeEach
    void contract() {
        registerContract("M2026-0042", "acme-hosting");
    }

    @Test
    void aLongEMailIsRefusedAtOnceWhateverItsShape() {
        // the shapes that made the former pattern backtrack: many dots, and no end to the domain
        for (String email : List.of("a@" + "a.".repeat(5000) + "@", "a@" + ".a".repeat(5000) + " ",
                "@".repeat(10_000))) {
            given().contentType(ContentType.JSON).body(Map.of("contract", "M2026-0042", "email", email,
                    "database", "acme", "targetVersion", "17.0")).post("/api/v1/requests")
                    .then().statusCode(400).time(lessThan(1000L))
                    .body("failures[0].reason", equalTo("EMAIL:INVALID"))
                    .body("failures[0].message.length()", lessThan(300));
        }
        // 32 KB: more than a JSON route takes at all
        given().contentType(ContentType.JSON).body(Map.of("contract", "M2026-0042", "email",
                "a@" + "a.".repeat(16_384), "database", "acme", "targetVersion", "17.0")).post("/api/v1/requests")
                .then().statusCode(413).time(lessThan(1000L)).body("failures[0].reason", equalTo("REQUEST:TOO_LARGE"));
    }

    @Test
    void aTenMegabyteJsonBodyIsRefusedBeforeItIsRead() throws Exception {
        long started = System.nanoTime();
        RawHttp.Answer answer;
        try (RawHttp http = RawHttp.start(intake, "POST", "/api/v1/requests", Map.of("Content-Type",
                "application/json", "Content-Length", String.valueOf(10 << 20)))) {
            byte[] start = ("{\"contract\": \"M2026-0042\", \"email\": \"" + "a".repeat(60_000))
                    .getBytes(StandardCharsets.US_ASCII);
            http.write(start, 0, start.length);
            answer = http.answer();
        }

        assertTrue(System.nanoTime() - started < 1_000_000_000L, "answered in under a second");
        assertEquals(413, answer.status(), answer.body());
        assertTrue(answer.body().contains("\"reason\":\"REQUEST:TOO_LARGE\""), answer.body());
        assertTrue(answer.body().contains("at most 16384 bytes"), answer.body());
    }

    @Test
    void aJsonBodyOfUnannouncedLengthIsRefused() throws Exception {
        try (RawHttp http = RawHttp.start(intake, "POST", "/ops/v1/campaigns", Map.of("Content-Type",
                "application/json", "Transfer-Encoding", "chunked"))) {
            String data = "{\"targetVersion\":";
            byte[] chunk = (Integer.toHexString(data.length()) + "\r\n" + data + "\r\n")
                    .getBytes(StandardCharsets.US_ASCII);
            http.write(chunk, 0, chunk.length);
            RawHttp.Answer answer = http.answer();

            assertEquals(411, answer.status(), answer.body());
            assertTrue(answer.body().contains("REQUEST:LENGTH_REQUIRED"), answer.body());
        }
    }

    @Test
    void databaseNamesThatReadAsAnOptionOrAPathAreRefused() {
        for (String name : List.of("..", "-x", ".hidden", "-", "a b", "a/b")) {
            given().contentType(ContentType.JSON).body(Map.of("contract", "M2026-0042", "email", "it@acme.example",
                    "database", name, "targetVersion", "17.0")).post("/api/v1/requests")
                    .then().statusCode(400).body("failures[0].reason", equalTo("DATABASE:INVALID"))
                    .body("failures[0].expected", containsString("the first a letter, digit or '_'"));
        }
        create("test", "_under.score-" + java.util.UUID.randomUUID().toString().substring(0, 6),
                "it@acme.example");
    }
}
