package org.juniper.upgrade.intake.http;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.both;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.lessThan;
import static org.juniper.upgrade.intake.Intake.create;
import static org.juniper.upgrade.intake.Intake.registerContract;
import static org.juniper.upgrade.intake.Intake.start;
import static org.juniper.upgrade.intake.Intake.status;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.net.URL;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.juniper.upgrade.intake.Intake.Created;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Health and metrics answer on the management port only: intake's own port is on the internet. */
@QuarkusTest
class ManagementInterfaceTest {
    private static final Pattern UUID_PATTERN = Pattern.compile(
            "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}", Pattern.CASE_INSENSITIVE);

    @TestHTTPResource(value = "/metrics", management = true)
    URL metrics;

    @TestHTTPResource(value = "/health/live", management = true)
    URL live;

    @BeforeEach
    void contract() {
        registerContract("M2026-0042", "acme-hosting");
    }

    @Test
    void thePublicPortRefusesHealthAndMetricsWithTheRefusalBodyWhileTheManagementPortServesThem() {
        for (String path : List.of("/q/metrics", "/q/health", "/q/health/ready", "/q/health/live",
                "/q/health/started")) {
            given().get(path).then().statusCode(404).contentType(ContentType.JSON)
                    .body("failures[0].reason", equalTo("ROUTE:NOT_FOUND"));
        }

        given().get(live).then().statusCode(200).body("status", equalTo("UP"));
        given().get(metrics).then().statusCode(200).body(containsString("jvm_memory_used_bytes"));
    }

    @Test
    void noMetricLabelHoldsARequestIdOnceRequestsWereServedAndRefused() {
        Created r = create("test");
        String unknown = UUID.randomUUID().toString();
        status(r).then().statusCode(200);
        // refusals of every kind that name an id: by the routes, by the framework, and before any route matched
        List<Response> refusals = List.of(start(r),
                given().get("/api/v1/requests/" + r.id()),
                secret(r).get("/api/v1/requests/" + unknown),
                secret(r).delete("/api/v1/requests/" + r.id() + "/log"),
                secret(r).contentType(ContentType.JSON).body(Map.of("reason", "x".repeat(100_000)))
                        .post("/api/v1/requests/" + r.id() + "/start"),
                secret(r).get("/api/v1/requests/" + r.id() + "/nothing"));
        refusals.forEach(refusal -> refusal.then().statusCode(both(greaterThanOrEqualTo(400)).and(lessThan(500))));

        String scraped = given().get(metrics).then().statusCode(200).extract().asString();

        List<String> withIds = scraped.lines().filter(line -> !line.startsWith("#"))
                .filter(line -> UUID_PATTERN.matcher(line).find()).toList();
        assertEquals(List.of(), withIds, "series labelled with a request id");
        assertTrue(scraped.contains("status=\"413\",uri=\"UNKNOWN\"}"), "the refusals are still counted");
    }

    private static RequestSpecification secret(Created r) {
        return given().header("Authorization", "Bearer " + r.secret());
    }
}
