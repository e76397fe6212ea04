package org.juniper.upgrade.intake.operations;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.juniper.upgrade.intake.Intake.CONSOLE_COOKIE;
import static org.juniper.upgrade.intake.Intake.attemptOf;
import static org.juniper.upgrade.intake.Intake.awaitState;
import static org.juniper.upgrade.intake.Intake.consoleSession;
import static org.juniper.upgrade.intake.Intake.deadLetter;
import static org.juniper.upgrade.intake.Intake.log;
import static org.juniper.upgrade.intake.Intake.ops;
import static org.juniper.upgrade.intake.Intake.queued;
import static org.juniper.upgrade.intake.Intake.status;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.juniper.upgrade.events.Purpose;
import org.juniper.upgrade.events.UpgradeFailed;
import org.juniper.upgrade.events.UpgradeProgress;
import org.juniper.upgrade.intake.Intake.Created;
import org.juniper.upgrade.intake.PlaysTheParts;
import org.juniper.upgrade.intake.request.repository.RequestState;
import org.juniper.upgrade.intake.request.repository.UpgradeRequestRepository;
import org.junit.jupiter.api.Test;

/** The operations console through HTTP, as a browser would use it, on real infrastructure. */
@QuarkusTest
class ConsoleTest extends PlaysTheParts {
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final Pattern CSRF = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"");

    @Inject
    UpgradeRequestRepository requests;

    @Test
    void aWrongTokenIsRefusedAndTheRightOneGivesASignedSessionCookieThatIsNotTheToken() {
        Response wrong = given().redirects().follow(false).formParam("token", "not-the-token")
                .post("/ops/console/sign-in");
        assertEquals(401, wrong.statusCode());
        assertTrue(wrong.body().asString().contains("That is not the operations token"));
        assertNotNull(wrong.getHeader("Cache-Control"));
        assertEquals(null, wrong.getCookie(CONSOLE_COOKIE));

        Response right = given().redirects().follow(false).formParam("token", "local-ops-token")
                .post("/ops/console/sign-in");
        right.then().statusCode(303).header("Location", endsWith("/ops/console"));
        String setCookie = right.getHeader("Set-Cookie");
        assertTrue(setCookie.contains("HttpOnly"), setCookie);
        assertTrue(setCookie.contains("SameSite=Strict"), setCookie);
        assertTrue(setCookie.contains("Path=/ops/console"), setCookie);
        assertFalse(setCookie.contains("Secure"), "plain http here: " + setCookie);
        assertFalse(right.getCookie(CONSOLE_COOKIE).contains("local-ops-token"));
        page(right.getCookie(CONSOLE_COOKIE)).then().statusCode(200).body(containsString("Queue per lane"));
    }

    @Test
    void thePageAndItsActionsRefuseAVisitorWithoutAValidSessionCookie() throws IOException {
        given().redirects().follow(false).get("/ops/console").then().statusCode(303)
                .header("Location", endsWith("/ops/console/sign-in"));
        String session = consoleSession();
        String[] parts = session.split("\\.");
        String stretched = (Long.parseLong(parts[0]) + 86400) + "." + parts[1] + "." + parts[2];
        page(stretched).then().statusCode(303);
        page("local-ops-token").then().statusCode(303);

        Created failed = failed();
        given().redirects().follow(false).formParam("csrf", csrf(page(session)))
                .post("/ops/console/requests/" + failed.id() + "/retry").then().statusCode(403);
        status(failed).then().body("state", equalTo("failed"));
    }

    @Test
    void anActionWithoutItsSessionsCsrfTokenIsRefusedAndChangesNothing() throws IOException {
        Created failed = failed();
        String session = consoleSession();
        String otherSessionsToken = csrf(page(consoleSession()));

        action(session, null, "/ops/console/requests/" + failed.id() + "/retry").then().statusCode(403);
        action(session, otherSessionsToken, "/ops/console/requests/" + failed.id() + "/retry").then()
                .statusCode(403);
        status(failed).then().body("state", equalTo("failed")).body("attempt.number", equalTo(1));

        action(session, csrf(page(session)), "/ops/console/requests/" + failed.id() + "/retry").then()
                .statusCode(303).header("Location", endsWith("/ops/console?done=retried"));
        status(failed).then().body("state", equalTo("pending")).body("attempt.number", equalTo(2));
        given().redirects().follow(false).cookie(CONSOLE_COOKIE, session).get("/ops/console?done=retried").then()
                .body(containsString("queued again as a new attempt"));
    }

    @Test
    void aRefusedActionShowsWhyOnThePage() throws IOException {
        Created pending = queued("test");
        String session = consoleSession();

        action(session, csrf(page(session)), "/ops/console/requests/" + pending.id() + "/retry").then()
                .statusCode(409).body(containsString("REQUEST:NOT_RETRYABLE"));
        action(session, csrf(page(session)), "/ops/console/requests/" + pending.id() + "/abort").then()
                .statusCode(400).body(containsString("ABORT:REASON_MISSING"));
        status(pending).then().body("state", equalTo("pending"));
    }

    @Test
    void theQueueFiguresMatchTheRequestsAndTheRunsShowTheirStage() throws IOException {
        queued("test");
        queued("test");
        queued("production");
        Created running = queued("production");
        platform.publish(new UpgradeProgress(running.id(), "upgrade", "hop 15.0", Instant.now(),
                attemptOf(running.id())));
        awaitState(running, "progress");
        String session = consoleSession();

        String html = page(session).body().asString();

        Map<String, Long> expected = QuarkusTransaction.requiringNew().call(() -> Map.of(
                "production-waiting", count(RequestState.PENDING, Purpose.PRODUCTION, "campaignId is null"),
                "production-running", count(RequestState.PROGRESS, Purpose.PRODUCTION, "campaignId is null"),
                "test-waiting", count(RequestState.PENDING, Purpose.TEST, "campaignId is null"),
                "test-running", count(RequestState.PROGRESS, Purpose.TEST, "campaignId is null"),
                "campaign-waiting", count(RequestState.PENDING, Purpose.TEST, "campaignId is not null"),
                "campaign-running", count(RequestState.PROGRESS, Purpose.TEST, "campaignId is not null")));
        for (Map.Entry<String, Long> figure : expected.entrySet()) {
            assertEquals(figure.getValue(), figure(html, figure.getKey()), figure.getKey());
        }
        assertTrue(expected.get("test-waiting") >= 2 && expected.get("production-running") >= 1, expected.toString());
        Matcher row = Pattern.compile("<tr id=\"run-" + running.id() + "\">(.*?)</tr>", Pattern.DOTALL).matcher(html);
        assertTrue(row.find(), "the run is listed");
        assertTrue(row.group(1).contains("<td>upgrade</td>"), row.group(1));
        assertTrue(row.group(1).contains("<label for=\"abort-run-" + running.id() + "\">Reason</label>"));
    }

    @Test
    void aRequestNoPartReportedOnForAWhileIsShownAsStuckWithItsAbortForm() throws IOException {
        Created quiet = queued("test");
        Created lively = queued("test");
        QuarkusTransaction.requiringNew().run(() -> requests.findById(UUID.fromString(quiet.id())).lastEventAt =
                Instant.now().minus(Duration.ofHours(1)));

        String html = page(consoleSession()).body().asString();

        Matcher row = Pattern.compile("<tr id=\"quiet-" + quiet.id() + "\">(.*?)</tr>", Pattern.DOTALL).matcher(html);
        assertTrue(row.find(), "the quiet request is listed as stuck");
        assertTrue(row.group(1).contains("<td>1 h 00 min</td>"), "quiet for an hour: " + row.group(1));
        assertTrue(row.group(1).contains("<label for=\"abort-quiet-" + quiet.id() + "\">Reason</label>"));
        assertFalse(html.contains("id=\"quiet-" + lively.id() + "\""), "a request queued just now is not stuck");
    }

    @Test
    void aTargetVersionIsClosedAndOpenedFromTheConsole() {
        String session = consoleSession();
        try {
            action(session, csrf(page(session)), "/ops/console/targets/18.0/close").then().statusCode(303);
            assertFalse(ops().get("/ops/v1/targets").jsonPath().getList("", String.class).contains("18.0"));
            page(session).then().body(containsString("<li id=\"target-18.0\">18.0: closed"));
        } finally {
            action(session, csrf(page(session)), "/ops/console/targets/18.0/open").then().statusCode(303);
        }
        assertTrue(ops().get("/ops/v1/targets").jsonPath().getList("", String.class).contains("18.0"));
        page(session).then().body(not(containsString("18.0: closed")));
    }

    @Test
    void aDeadLetterIsListedAndReplayedFromTheConsole() throws Exception {
        Created r = queued("test");
        deadLetter(bootstrapServers, new UpgradeProgress(r.id(), "upgrade",
                "a line replayed from the console", Instant.now(), attemptOf(r.id())));
        String session = consoleSession();
        Pattern row = Pattern.compile("<tr id=\"dead-letter-(\\d+)\"><td>[^<]*</td><td>[^<]*</td>"
                + "<td><code class=\"id\">" + r.id());
        await().atMost(WAIT).until(() -> row.matcher(page(session).body().asString()).find());
        Matcher listed = row.matcher(page(session).body().asString());
        assertTrue(listed.find());

        action(session, csrf(page(session)), "/ops/console/dead-letters/" + listed.group(1) + "/replay").then()
                .statusCode(303).header("Location", endsWith("?done=replayed"));
        await().atMost(WAIT).until(() -> log(r).contains("a line replayed from the console"));
        assertFalse(page(session).body().asString().contains("id=\"dead-letter-" + listed.group(1) + "\""),
                "a replayed letter leaves the list");
    }

    private static Response page(String session) {
        return given().redirects().follow(false).cookie(CONSOLE_COOKIE, session).get("/ops/console");
    }

    private static Response action(String session, String csrf, String path) {
        var request = given().redirects().follow(false).cookie(CONSOLE_COOKIE, session).formParam("reason", "");
        return (csrf == null ? request : request.formParam("csrf", csrf)).post(path);
    }

    private static String csrf(Response page) {
        Matcher m = CSRF.matcher(page.body().asString());
        assertTrue(m.find(), "the page's forms carry a CSRF token");
        return m.group(1);
    }

    private static long figure(String html, String cell) {
        Matcher m = Pattern.compile("id=\"lane-" + cell + "\">(\\d+)<").matcher(html);
        assertTrue(m.find(), cell + " is shown");
        return Long.parseLong(m.group(1));
    }

    private long count(RequestState state, Purpose purpose, String campaign) {
        return requests.count("state = ?1 and purpose = ?2 and " + campaign, state, purpose);
    }

    private Created failed() throws IOException {
        Created r = queued("test");
        platform.publish(new UpgradeFailed(r.id(), "upgrade", "PLATFORM:OBJECT_STORE", "the store was away",
                Instant.now(), attemptOf(r.id())));
        awaitState(r, "failed");
        return r;
    }
}
