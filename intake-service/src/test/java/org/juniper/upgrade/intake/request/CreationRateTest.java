package org.juniper.upgrade.intake.request;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.lessThan;
import static org.juniper.upgrade.intake.Intake.registerContract;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Creating requests, or probing contract codes, is bounded per client: known and unknown codes cost the same. */
@QuarkusTest
@TestProfile(CreationRateTest.FewCreations.class)
class CreationRateTest {

    public static class FewCreations implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("juniper.intake.creations-per-minute", "3");
        }
    }

    @Test
    void creationsBeyondTheRateAreRefusedWith429AndRetryAfterForKnownAndUnknownContractsAlike() {
        registerContract("M2026-0042", "acme-hosting");
        create("M2026-0042").then().statusCode(201);
        create("NO-SUCH-1").then().statusCode(400).body("failures[0].reason", equalTo("CONTRACT:NOT_FOUND"));
        create("NO-SUCH-2").then().statusCode(400);

        for (String contract : new String[] {"M2026-0042", "NO-SUCH-3"}) {
            Response refused = create(contract);
            refused.then().statusCode(429).time(lessThan(1000L))
                    .body("failures[0].reason", equalTo("REQUEST:RATE_LIMITED"));
            long retryAfter = Long.parseLong(refused.header("Retry-After"));
            assertTrue(retryAfter >= 1 && retryAfter <= 21, "Retry-After: " + retryAfter);
        }
    }

    private static Response create(String contract) {
        return given().contentType(ContentType.JSON).body(Map.of("contract", contract, "email", "it@acme.example",
                "database", "rate-" + UUID.randomUUID().toString().substring(0, 8), "targetVersion", "17.0"))
                .post("/api/v1/requests");
    }
}
