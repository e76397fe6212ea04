package org.juniper.upgrade.e2e;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.juniper.upgrade.bindings.testing.PlatformEvents;
import org.juniper.upgrade.events.Topics;
import org.junit.jupiter.api.Test;

/**
 * A run's budgets, with the five services as processes: a request that keeps killing its worker is given up once its
 * runs are spent while the requests around it flow; a run past its whole-run deadline ends; a platform fault that
 * outlasts the retry window fails the request as the platform's, and an operator's retry ends it done.
 */
class RunBudgetsIT extends RunningPlatform {
    private final Operations operations = new Operations();
    private final ScratchPostgres scratch = new ScratchPostgres();
    private final ScratchPostgres queue = ScratchPostgres.workerQueue();

    @Test
    void aRequestThatKillsItsWorkerAtTheSameStageThreeTimesFailsAttemptsExhaustedWhileTheTenAroundItEndDone()
            throws Exception {
        List<Journey> around = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            around.add(Journey.started("bystander", 0.01));
        }
        Journey hostile = Journey.started("hostile", 0.3);
        for (int i = 0; i < 5; i++) {
            around.add(Journey.started("bystander", 0.01));
        }

        for (int run = 1; run <= 3; run++) {
            String claim = run + "|restore";
            String database = "run_" + hostile.attempt().replace("-", "") + "_" + run;
            // what a huge attachment or a full volume would do: the worker dies during the restore, every time
            await().atMost(Journey.RUN).pollInterval(Duration.ofMillis(100)).until(() -> claim.equals(queue.sql(
                    queue.adminDb(), "select run || '|' || stage from run_queue where request_id = '" + hostile.id()
                            + "' and state = 'running'")) && scratch.runDatabases(hostile.attempt()).contains(database));
            services.kill("upgrade-worker");
            services.start("upgrade-worker");
        }

        JsonNode failed = hostile.ended();
        assertEquals("failed", failed.path("state").asText(), failed.toString());
        assertEquals("RUN:ATTEMPTS_EXHAUSTED", failed.at("/failure/reason").asText(), failed.toString());
        assertTrue(failed.at("/failure/message").asText().contains("3 times")
                && failed.at("/failure/message").asText().contains("the restore stage"), failed.toString());
        Journey.allEndDoneWithOneMailAndOneCompletion(around);
        assertEquals(List.of(), scratch.runDatabases(hostile.attempt()), "no scratch database of the dead runs");
    }

    @Test
    void aRunPastItsWholeRunDeadlineFailsRunDeadlineThoughNoStatementOutlivedItsTimeout() throws Exception {
        services.kill("upgrade-worker");
        try {
            services.startAnother("upgrade-worker", "hasty-worker", ServiceProcesses.port("upgrade-worker") + 54,
                    ServiceProcesses.managementPort("upgrade-worker") + 54, Map.of(
                    "JUNIPER_WORKER_RUN_DEADLINE_BASE", "PT12S", "JUNIPER_WORKER_RUN_DEADLINE_PER_GB", "PT0S"));
            // each statement far within the statement timeout (30 min), all of them beyond the run's 12 s
            Journey slow = Journey.started("molasses", TestInstance.backupOf("molasses",
                    "CREATE TABLE public.orders (id integer);\n" + "SELECT pg_sleep(3);\n".repeat(6)));

            JsonNode failed = slow.ended();
            assertEquals("RUN:DEADLINE", failed.at("/failure/reason").asText(), failed.toString());
            assertTrue(failed.at("/failure/message").asText().contains("12 seconds")
                    && failed.at("/failure/message").asText().contains("the restore stage"), failed.toString());
            await().atMost(Duration.ofSeconds(10)).until(() -> scratch.runSessions(slow.attempt()) == 0
                    && scratch.runDatabases(slow.attempt()).isEmpty());
        } finally {
            services.kill("hasty-worker");
            services.start("upgrade-worker");
        }
    }

    @Test
    void anObjectStoreAwayPastTheRetryWindowAtTheFinalPublishFailsAsOursAndAnOperatorsRetryEndsDoneWithOneSuccessMail()
            throws Exception {
        // the last hop pauses, so that the store goes away while the run still has its whole archive to store
        byte[] pause = TestInstance.scripts(Map.of("17.0/base/end-99-pause.sql", "SELECT pg_sleep(10);\n"));
        Journey journey = Journey.started("oscorp", TestInstance.sample("oscorp", 0.3), pause);
        await().atMost(Journey.RUN).pollInterval(Duration.ofMillis(200))
                .until(() -> TestInstance.intake().log(journey.request, 0).text().contains("upgrading to 17.0"));
        JsonNode failed;
        TestInstance.stop("s3proxy");
        try {
            // the worker's retry window is 45 s in the suites
            failed = journey.ended();
        } finally {
            TestInstance.start("s3proxy");
        }
        assertEquals("failed", failed.path("state").asText(), failed.toString());
        assertEquals("PLATFORM:OBJECT_STORE", failed.at("/failure/reason").asText(), failed.toString());
        assertTrue(failed.at("/failure/message").asText().contains("operations were alerted"), failed.toString());

        operations.retry(journey.request);
        JsonNode done = journey.ended();
        assertEquals("done", done.path("state").asText(), done.toString());
        await().atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofSeconds(1))
                .until(() -> successMails(journey) >= 1);
        Thread.sleep(3000);
        assertEquals(1, successMails(journey), "exactly one success mail");
        try (PlatformEvents events = new PlatformEvents(ServiceProcesses.env("KAFKA_BOOTSTRAP_SERVERS"))) {
            assertEquals(1, events.read(Topics.COMPLETED, journey.id(), Duration.ofSeconds(5), l -> false).size(),
                    "exactly one upgrade.completed");
        }
    }

    private static long successMails(Journey journey) throws Exception {
        return journey.mails().stream().filter(m -> m.subject().endsWith("your test copy is ready")).count();
    }
}
