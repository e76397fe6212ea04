package org.juniper.upgrade.e2e;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.juniper.upgrade.e2e.TestInstance.terminal;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.juniper.upgrade.bindings.testing.PlatformEvents;
import org.juniper.upgrade.client.IntakeClient;
import org.juniper.upgrade.client.Token;
import org.juniper.upgrade.events.Topics;

/**
 * One test request made as the upgrade website makes it (create, upload, start), and what the tests ask of its end.
 * Each journey has a database name and an address of its own: a test of a database blocks the next test of it.
 */
final class Journey {
    /** The longest any request of the suites may take, faults included. */
    static final Duration RUN = Duration.ofMinutes(5);
    private static final IntakeClient INTAKE = TestInstance.intake();
    private static final Mailbox MAILBOX = new Mailbox();

    final Token request;
    final String email;

    private Journey(Token request, String email) {
        this.request = request;
        this.email = email;
    }

    /** A test request of a sample 14.0 database; see {@link TestInstance#sample} for the scale. */
    static Journey started(String database, double scale) throws Exception {
        return started(database, TestInstance.sample(database, scale));
    }

    static Journey started(String database, byte[] backup) throws Exception {
        return started(database, backup, null);
    }

    /** A test request with upgrade scripts of its own ({@code scripts} a zip, or null for none). */
    static Journey started(String database, byte[] backup, byte[] scripts) throws Exception {
        String email = "journey-" + UUID.randomUUID() + "@" + database + ".example";
        Token request = TestInstance.newRequest(email, database + "-" + UUID.randomUUID().toString().substring(0, 6),
                "test");
        INTAKE.upload(request, backup);
        if (scripts != null) {
            INTAKE.uploadScripts(request, scripts);
        }
        INTAKE.start(request);
        return new Journey(request, email);
    }

    String id() {
        return request.id().toString();
    }

    JsonNode status() throws Exception {
        return INTAKE.status(request, JsonNode.class);
    }

    String state() throws Exception {
        return status().path("state").asText();
    }

    /** The request's current attempt, as intake shows it. */
    String attempt() throws Exception {
        return status().at("/attempt/id").asText();
    }

    void awaitState(String state) {
        await().atMost(RUN).pollInterval(Duration.ofMillis(200)).until(() -> state.equals(state()));
    }

    /** Waits until the request ends (intake itself may be unable to answer for a while) and gives its status. */
    JsonNode ended() throws Exception {
        await().atMost(RUN).pollInterval(Duration.ofSeconds(1)).ignoreExceptions().until(() -> terminal(state()));
        return status();
    }

    List<Mailbox.Mail> mails() throws Exception {
        return MAILBOX.messages(email);
    }

    void endsDoneWithOneMailAndOneCompletion() throws Exception {
        allEndDoneWithOneMailAndOneCompletion(List.of(this));
    }

    /** Each journey ends done, its requester has exactly one mail and its topic lane one upgrade.completed. */
    static void allEndDoneWithOneMailAndOneCompletion(List<Journey> journeys) throws Exception {
        for (Journey journey : journeys) {
            JsonNode status = journey.ended();
            assertEquals("done", status.path("state").asText(), status.toString());
            await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofSeconds(1)).ignoreExceptions()
                    .until(() -> !journey.mails().isEmpty());
        }
        // give a second mail, if the platform were to send one, the time to arrive
        Thread.sleep(3000);
        Set<String> ids = journeys.stream().map(Journey::id).collect(Collectors.toSet());
        Map<String, Long> completions;
        try (PlatformEvents events = new PlatformEvents(ServiceProcesses.env("KAFKA_BOOTSTRAP_SERVERS"))) {
            completions = events.read(Topics.COMPLETED, ids::contains, Duration.ofSeconds(5), l -> false).stream()
                    .collect(Collectors.groupingBy(PlatformEvents.Received::key, Collectors.counting()));
        }
        for (Journey journey : journeys) {
            assertEquals(1, journey.mails().size(), "exactly one mail for " + journey.id());
            assertEquals(1L, completions.getOrDefault(journey.id(), 0L), "exactly one upgrade.completed for "
                    + journey.id());
        }
    }
}
