package org.juniper.upgrade.e2e;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.juniper.upgrade.e2e.TestInstance.mailsWaiting;
import static org.juniper.upgrade.e2e.TestInstance.sample;
import static org.juniper.upgrade.e2e.TestInstance.terminal;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.juniper.upgrade.bindings.testing.PlatformEvents;
import org.juniper.upgrade.events.Topics;
import org.junit.jupiter.api.Test;

/**
 * Parts of the infrastructure fail while requests run: each test takes one away (and always brings it back), and
 * proves that the request still ends done, upgraded and mailed exactly once.
 */
class FaultInjectionIT extends RunningPlatform {
    private static final Duration RUN = Duration.ofMinutes(5);

    private final IntakeClient intake = new IntakeClient();
    private final Mailbox mailbox = new Mailbox();

    @Test
    void aBrokerRestartDuringARunLosesAndDoublesNothing() throws Exception {
        Journey journey = started("umbrella", 0.3);
        awaitState(journey, "progress");
        TestInstance.stop("kafka");
        try {
            Thread.sleep(10_000);
        } finally {
            TestInstance.start("kafka");
        }
        journey.endsDoneWithOneMailAndOneCompletion();
    }

    @Test
    void aRestartOfTheServicesDatabaseDuringARunLosesAndDoublesNothing() throws Exception {
        Journey journey = started("cyberdyne", 0.3);
        awaitState(journey, "progress");
        TestInstance.stop("postgres-platform");
        try {
            Thread.sleep(10_000);
        } finally {
            TestInstance.start("postgres-platform");
        }
        journey.endsDoneWithOneMailAndOneCompletion();
    }

    @Test
    void anObjectStoreAwayForThirtySecondsDelaysTheRunAndLosesNothing() throws Exception {
        Journey journey = started("tyrell", 0.3);
        awaitState(journey, "progress");
        TestInstance.stop("s3proxy");
        try {
            Thread.sleep(30_000);
        } finally {
            TestInstance.start("s3proxy");
        }
        journey.endsDoneWithOneMailAndOneCompletion();
    }

    @Test
    void aMailServerAwayForAMinuteDelaysTheMailWhichThenArrivesOnce() throws Exception {
        await().atMost(Duration.ofMinutes(1)).until(() -> mailsWaiting() == 0);
        TestInstance.stop("greenmail");
        long stopped = System.nanoTime();
        Journey journey;
        try {
            journey = started("hooli", 0.01);
            awaitState(journey, "done");
            await().atMost(Duration.ofMinutes(1)).until(() -> mailsWaiting() >= 1);
            Thread.sleep(Math.max(0, Duration.ofMinutes(1).toMillis() - (System.nanoTime() - stopped) / 1_000_000));
            assertEquals(1, mailsWaiting(), "the mail waits in the queue while the server is away");
        } finally {
            TestInstance.start("greenmail");
        }
        journey.endsDoneWithOneMailAndOneCompletion();
        await().atMost(Duration.ofSeconds(30)).until(() -> mailsWaiting() == 0);
    }

    /** One test request of a sample database, created, uploaded and started as the upgrade website does it. */
    private Journey started(String database, double scale) throws Exception {
        String email = "faults-" + UUID.randomUUID() + "@" + database + ".example";
        IntakeClient.Request request = intake.create(email, database, "17.0", "test");
        intake.upload(request, sample(database, scale));
        intake.start(request);
        return new Journey(request, email);
    }

    private void awaitState(Journey journey, String state) {
        await().atMost(RUN).pollInterval(Duration.ofMillis(200))
                .until(() -> state.equals(intake.status(journey.request).path("state").asText()));
    }

    private final class Journey {
        final IntakeClient.Request request;
        final String email;

        Journey(IntakeClient.Request request, String email) {
            this.request = request;
            this.email = email;
        }

        void endsDoneWithOneMailAndOneCompletion() throws Exception {
            // intake itself may be unable to answer while its database is away
            await().atMost(RUN).pollInterval(Duration.ofSeconds(1)).ignoreExceptions()
                    .until(() -> terminal(intake.status(request).path("state").asText()));
            assertEquals("done", intake.status(request).path("state").asText(), intake.status(request).toString());
            await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofSeconds(1)).ignoreExceptions()
                    .until(() -> !mailbox.messages(email).isEmpty());
            // give a second mail, if the platform were to send one, the time to arrive
            Thread.sleep(3000);
            List<Mailbox.Mail> mails = mailbox.messages(email);
            assertEquals(1, mails.size(), "exactly one mail");
            try (PlatformEvents events = new PlatformEvents(ServiceProcesses.env("KAFKA_BOOTSTRAP_SERVERS"))) {
                assertEquals(1, events.read(Topics.COMPLETED, request.id(), Duration.ofSeconds(5), l -> false).size(),
                        "exactly one upgrade.completed");
            }
        }
    }
}
