package org.juniper.upgrade.intake.lane;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.juniper.upgrade.intake.Intake.CONSOLE_COOKIE;
import static org.juniper.upgrade.intake.Intake.consoleSession;
import static org.juniper.upgrade.intake.Intake.ops;
import static org.juniper.upgrade.intake.Intake.queued;
import static org.juniper.upgrade.intake.Intake.status;
import static org.juniper.upgrade.intake.Intake.stored;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.juniper.upgrade.bindings.objectstore.ArtifactStore;
import org.juniper.upgrade.events.Topics;
import org.juniper.upgrade.intake.Intake;
import org.juniper.upgrade.intake.Intake.Created;
import org.juniper.upgrade.intake.PlaysTheParts;
import org.juniper.upgrade.intake.request.repository.RequestState;
import org.juniper.upgrade.intake.request.service.Reconciler;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Operations pause and resume the test lane, through the API and the console; the test plays the workers. */
@QuarkusTest
class TestLanePauseTest extends PlaysTheParts {
    private static final Duration WAIT = Duration.ofSeconds(30);
    /** Many campaign release rounds and relay passes: what was to be published would have been by then. */
    private static final Duration ROUNDS = Duration.ofSeconds(3);
    private static final Pattern CSRF = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"");

    @Inject
    ArtifactStore store;

    @Inject
    EntityManager entityManager;

    @Inject
    Reconciler reconciler;

    @AfterEach
    void resume() {
        ops().post("/ops/v1/lanes/test/resume").then().statusCode(200);
    }

    @Test
    void aTestRequestStartedWhilePausedIsHeldAndPublishedOnceOnResumeWhileProductionGoesOn() throws IOException {
        pause("release-manager").then().statusCode(200).body("paused", equalTo(true))
                .body("pausedBy", equalTo("release-manager"));
        pause("someone-else").then().statusCode(200).body("pausedBy", equalTo("release-manager"));

        Created test = queued("test");
        Created production = queued("production");
        status(test).then().body("state", equalTo("pending")).body("held", equalTo(true));
        status(production).then().body("state", equalTo("pending")).body("held", nullValue());
        assertEquals(1, platform.read(Topics.REQUESTED_PRIORITY, production.id(), WAIT, l -> !l.isEmpty()).size(),
                "production requests are not affected");
        reconciler.reconcile(Instant.now().plus(Duration.ofDays(1)));
        assertTrue(platform.read(Topics.REQUESTED, test.id(), ROUNDS, l -> !l.isEmpty()).isEmpty(),
                "held in intake, even by the reconciler");
        ops().get("/ops/v1/queue").then().statusCode(200).body("testLane.paused", equalTo(true))
                .body("testLane.pausedBy", equalTo("release-manager"));
        assertTrue(ops().get("/ops/v1/queue").then().extract().<Integer>path("testLane.held") >= 1);

        ops().post("/ops/v1/lanes/test/resume").then().statusCode(200).body("paused", equalTo(false))
                .body("held", equalTo(0));
        ops().post("/ops/v1/lanes/test/resume").then().statusCode(200).body("paused", equalTo(false));
        assertEquals(1, platform.read(Topics.REQUESTED, test.id(), WAIT, l -> !l.isEmpty()).size());
        assertEquals(1, platform.read(Topics.REQUESTED, test.id(), ROUNDS, l -> l.size() > 1).size(),
                "published exactly once");
        status(test).then().body("state", equalTo("pending")).body("held", nullValue());
    }

    @Test
    void aPauseWithoutWhoPausedItIsRefused() {
        ops().contentType(ContentType.JSON).body(Map.of()).post("/ops/v1/lanes/test/pause").then().statusCode(400)
                .body("failures[0].reason", equalTo("LANE:WHO_MISSING"));
        ops().get("/ops/v1/queue").then().body("testLane.paused", equalTo(false));
    }

    @Test
    void aCampaignIsNotReleasedIntoAPausedLane() {
        emptyTheTestLane();
        pause("release-manager").then().statusCode(200);
        String key = "hosting/" + UUID.randomUUID() + "/latest.zip";
        store.put(key, sampleBackup(), "application/zip");
        String request = ops().contentType(ContentType.JSON).body(Map.of("targetVersion", "17.0", "databases",
                List.of(Map.of("contract", "M2026-0042", "email", "it@acme.example", "database",
                        "paused-" + UUID.randomUUID().toString().substring(0, 8), "backupKey", key))))
                .post("/ops/v1/campaigns").then().statusCode(201).extract().path("databases[0].requestId");
        await().atMost(WAIT).until(() -> stored(request).state == RequestState.PENDING);

        assertTrue(platform.read(Topics.REQUESTED, request, ROUNDS, l -> !l.isEmpty()).isEmpty(),
                "not released while the lane is paused, though it is idle");
        ops().post("/ops/v1/lanes/test/resume").then().statusCode(200);
        assertEquals(1, platform.read(Topics.REQUESTED, request, WAIT, l -> !l.isEmpty()).size());
    }

    @Test
    void theConsolePausesAndResumesTheLaneWithItsForms() throws IOException {
        String session = consoleSession();
        action(session, csrf(page(session)), "/ops/console/lanes/test/pause", "").then().statusCode(400)
                .body(containsString("LANE:WHO_MISSING"));
        action(session, csrf(page(session)), "/ops/console/lanes/test/pause", "night shift")
                .then().statusCode(303).header("Location", endsWith("/ops/console?done=paused"));
        Created held = queued("test");
        String html = page(session).body().asString();
        assertTrue(html.contains("Paused by night shift"), html);
        assertTrue(html.contains("aria-label=\"Resume the test lane"), "the resume button says what it does");
        Matcher count = Pattern.compile("id=\"test-lane-held\">(\\d+)<").matcher(html);
        assertTrue(count.find() && Long.parseLong(count.group(1)) >= 1, "the held requests are counted");

        action(session, null, "/ops/console/lanes/test/resume", "").then().statusCode(403);
        status(held).then().body("held", equalTo(true));
        action(session, csrf(page(session)), "/ops/console/lanes/test/resume", "").then().statusCode(303)
                .header("Location", endsWith("/ops/console?done=resumed"));
        assertEquals(1, platform.read(Topics.REQUESTED, held.id(), WAIT, l -> !l.isEmpty()).size());
        html = page(session).body().asString();
        assertTrue(html.contains("<label for=\"pause-by\">Paused by</label>"), "the pause form is back");
    }

    private static Response pause(String by) {
        return ops().contentType(ContentType.JSON).body(Map.of("by", by)).post("/ops/v1/lanes/test/pause");
    }

    private static Response page(String session) {
        return given().redirects().follow(false).cookie(CONSOLE_COOKIE, session).get("/ops/console");
    }

    private static Response action(String session, String csrf, String path, String by) {
        var request = given().redirects().follow(false).cookie(CONSOLE_COOKIE, session).formParam("by", by);
        return (csrf == null ? request : request.formParam("csrf", csrf)).post(path);
    }

    private static String csrf(Response page) {
        Matcher m = CSRF.matcher(page.body().asString());
        assertTrue(m.find(), "the page's forms carry a CSRF token");
        return m.group(1);
    }

    /** Requests other tests left pending would hold any campaign back, as a busy lane does. */
    private void emptyTheTestLane() {
        QuarkusTransaction.requiringNew().run(() -> entityManager.createNativeQuery("""
                update upgrade_request set state = 'CANCELLED'
                where state in ('NEW', 'PENDING') and purpose = 'TEST'""").executeUpdate());
    }

    private static byte[] sampleBackup() {
        try {
            return Intake.sampleBackup();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
