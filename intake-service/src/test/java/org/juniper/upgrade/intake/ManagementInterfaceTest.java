package org.juniper.upgrade.intake;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.net.URL;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Health and metrics answer on the management port only: intake's own port is on the internet. */
@QuarkusTest
class ManagementInterfaceTest {
    @TestHTTPResource(value = "/metrics", management = true)
    URL metrics;

    @TestHTTPResource(value = "/health/live", management = true)
    URL live;

    @BeforeEach
    void contract() {
        IntakeServiceTest.registerContract("M2026-0042", "acme-hosting");
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
}
