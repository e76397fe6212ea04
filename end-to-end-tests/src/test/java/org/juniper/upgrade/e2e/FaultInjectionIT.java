package org.juniper.upgrade.e2e;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.juniper.upgrade.e2e.TestInstance.mailsWaiting;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Parts of the infrastructure fail while requests run: each test takes one away (and always brings it back), and
 * proves that the request still ends done, upgraded and mailed exactly once.
 */
class FaultInjectionIT extends RunningPlatform {
    /**
     * How long intake's database stays away: a minute in the suite; {@code -Djuniper.e2e.intake-outage=PT15M} for
     * the long run, longer than every redelivery window and Kafka's poll interval.
     */
    private static final Duration INTAKE_OUTAGE = Duration.parse(System.getProperty("juniper.e2e.intake-outage",
            "PT1M"));

    @Test
    void aBrokerRestartDuringARunLosesAndDoublesNothing() throws Exception {
        Journey journey = Journey.started("umbrella", 0.3);
        journey.awaitState("progress");
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
        Journey journey = Journey.started("cyberdyne", 0.3);
        journey.awaitState("progress");
        TestInstance.stop("postgres-platform");
        try {
            Thread.sleep(10_000);
        } finally {
            TestInstance.start("postgres-platform");
        }
        journey.endsDoneWithOneMailAndOneCompletion();
    }

    @Test
    void intakesDatabaseAwayWhileEventsFlowLosesNothingAndEveryRequestEndsDone() throws Exception {
        List<Journey> journeys = new ArrayList<>();
        for (String database : List.of("stark", "wonka", "acme")) {
            journeys.add(Journey.started(database, 0.05));
        }
        journeys.get(0).awaitState("progress");
        ScratchPostgres intakeOwner = ScratchPostgres.intakeDatabaseOwner();
        intakeOwner.sql("postgres", "alter database intake allow_connections false");
        try {
            intakeOwner.sql("postgres", "select count(pg_terminate_backend(pid)) from pg_stat_activity "
                    + "where datname = 'intake'");
            // the worker, the neutralizer and the report go on; what they publish waits for intake in the topics
            Thread.sleep(INTAKE_OUTAGE.toMillis());
        } finally {
            intakeOwner.sql("postgres", "alter database intake allow_connections true");
        }
        Journey.allEndDoneWithOneMailAndOneCompletion(journeys);
    }

    @Test
    void anObjectStoreAwayForThirtySecondsDelaysTheRunAndLosesNothing() throws Exception {
        Journey journey = Journey.started("tyrell", 0.3);
        journey.awaitState("progress");
        TestInstance.stop("s3proxy");
        try {
            Thread.sleep(30_000);
        } finally {
            TestInstance.start("s3proxy");
        }
        journey.endsDoneWithOneMailAndOneCompletion();
    }

    @Test
    void aMailServerAwayForHalfAMinuteDelaysTheMailWhichThenArrivesOnce() throws Exception {
        TestInstance.stop("greenmail");
        long stopped = System.nanoTime();
        Journey journey;
        try {
            journey = Journey.started("hooli", 0.01);
            journey.awaitState("done");
            await().atMost(Duration.ofMinutes(1)).until(() -> mailsWaiting() >= 1);
            Thread.sleep(Math.max(0, Duration.ofSeconds(30).toMillis() - (System.nanoTime() - stopped) / 1_000_000));
            // other suites' late mails may wait beside it: the gauge counts the whole queue
            assertTrue(mailsWaiting() >= 1, "the mail waits in the queue while the server is away");
        } finally {
            TestInstance.start("greenmail");
        }
        journey.endsDoneWithOneMailAndOneCompletion();
        await().atMost(Duration.ofSeconds(30)).until(() -> mailsWaiting() == 0);
    }
}
