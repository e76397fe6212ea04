package org.juniper.upgrade.intake;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.juniper.upgrade.cli.FakeIntake;
import org.junit.jupiter.api.Test;

/**
 * The CLI's fast tests run against a fake intake; this holds the fake to the real API, so that what they prove of
 * the CLI holds against intake: every route the fake serves and every status it answers there are in intake's
 * OpenAPI document.
 */
@QuarkusTest
class FakeIntakeContractTest {

    @Test
    void everyRouteAndStatusOfTheCliFakeIntakeIsInIntakesOpenApiDocument() throws Exception {
        JsonNode paths = new ObjectMapper().readTree(given().queryParam("format", "json").get("/q/openapi").then()
                .statusCode(200).extract().asString()).get("paths");

        List<String> missing = new ArrayList<>();
        for (FakeIntake.Route route : FakeIntake.ROUTES) {
            String name = route.method() + " " + route.path();
            JsonNode responses = paths.path(route.path()).path(route.method().toLowerCase(Locale.ROOT))
                    .get("responses");
            if (responses == null) {
                missing.add(name + ": no such route");
                continue;
            }
            for (int status : route.statuses()) {
                // a platform that cannot answer is documented once for every route, as 5XX
                if (!responses.has(String.valueOf(status)) && !(status >= 500 && responses.has("5XX"))) {
                    missing.add(name + ": no status " + status);
                }
            }
        }
        assertEquals(List.of(), missing, "FakeIntake.ROUTES serves what intake's OpenAPI document does not list");
    }
}
