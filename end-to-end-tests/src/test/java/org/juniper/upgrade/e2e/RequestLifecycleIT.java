package org.juniper.upgrade.e2e;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.RecordsToDelete;
import org.apache.kafka.common.TopicPartition;
import org.juniper.upgrade.bindings.objectstore.ArtifactStore;
import org.juniper.upgrade.bindings.testing.PlatformEvents;
import org.juniper.upgrade.events.ArtifactKeys;
import org.juniper.upgrade.events.Topics;
import org.junit.jupiter.api.Test;

/**
 * Every request ends, exactly once, whatever happens to its run: operations stop it, its worker dies, its record is
 * lost. The services run as processes; the test plays the operator and looks into the scratch cluster, the store,
 * the topics and the mailbox.
 */
class RequestLifecycleIT extends RunningPlatform {
    private static final Duration RUN = Journey.RUN;

    private final Operations operations = new Operations();
    private final ScratchPostgres scratch = new ScratchPostgres();
    private final ScratchPostgres queue = ScratchPostgres.workerQueue();

    @Test
    void anAbortedRunStopsWithinSecondsEndsCancelledAndLeavesNoSessionArtifactOrMail() throws Exception {
        Journey journey = Journey.started("initech", 0.3);
        await().atMost(RUN).pollInterval(Duration.ofMillis(200)).until(() -> runDatabases(journey).size() == 1
                && "progress".equals(journey.state()));

        JsonNode aborted = operations.abort(journey.request, "the customer migrated by hand");
        assertEquals("cancelled", aborted.path("state").asText());
        String attempt = aborted.at("/attempt/id").asText();

        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(250)).until(() -> runSessions(journey)
                == 0 && runDatabases(journey).isEmpty());
        Thread.sleep(5000);
        assertEquals("cancelled", journey.state());
        assertTrue(journey.mails().isEmpty(), "no mail for a request its operator stopped");
        try (PlatformEvents events = events()) {
            assertTrue(events.read(Topics.COMPLETED, journey.id(), Duration.ofSeconds(2), l -> false)
                    .isEmpty());
        }
        ArtifactKeys.AttemptKeys keys = ArtifactKeys.of(journey.id()).attempt(attempt);
        ArtifactStore store = TestInstance.objectStore();
        for (String key : List.of(keys.upgraded(), keys.neutralized(), keys.facts(), keys.reportHtml())) {
            assertFalse(store.exists(key), key + " is gone");
        }
    }

    @Test
    void aWorkerKilledMidRestoreLeavesNothingBehindAndAnotherRunEndsTheRequestOnce() throws Exception {
        Journey journey = Journey.started("soylent", 0.3);
        await().atMost(RUN).pollInterval(Duration.ofMillis(100)).until(() -> "restore".equals(
                journey.status().path("stage").asText()) && runDatabases(journey).size() == 1);

        services.kill("upgrade-worker");
        assertEquals(1, runDatabases(journey).size(), "the dead run's database is left behind");
        services.start("upgrade-worker");

        journey.endsDoneWithOneMailAndOneCompletion();
        assertEquals(List.of(), runDatabases(journey), "no scratch database of the request is left");
        assertEquals(List.of(), scratch.runRoles(journey.attempt()), "no role of the request is left");
        assertEquals(List.of(), TestInstance.workFolders(journey.attempt()), "no work folder of the request is left");
    }

    @Test
    void aRequestWhoseRecordIsGoneFromItsTopicIsQueuedAgainByTheReconcilerAndEndsDone() throws Exception {
        services.kill("upgrade-worker");
        Journey journey;
        try {
            journey = Journey.started("massive-dynamic", 0.01);
            try (PlatformEvents events = events()) {
                events.read(Topics.REQUESTED, journey.id(), RUN, l -> !l.isEmpty());
            }
            deleteEveryRecordOf(Topics.REQUESTED);
        } finally {
            services.start("upgrade-worker");
        }
        journey.endsDoneWithOneMailAndOneCompletion();
    }

    @Test
    void aWorkerFrozenPastItsLeaseLosesTheRunToAnotherAndTheRequestEndsOnceFromRunsThatNeverOverlapped()
            throws Exception {
        int port = ServiceProcesses.port("upgrade-worker") + 50;
        services.startAnother("upgrade-worker", "upgrade-worker-2", port,
                ServiceProcesses.managementPort("upgrade-worker") + 50, Map.of());
        try {
            Journey journey = Journey.started("wayne", 0.3);
            String id = journey.id();
            await().atMost(RUN).pollInterval(Duration.ofMillis(200)).until(() -> !queue.sql(queue.adminDb(),
                    "select owner from run_queue where request_id = '" + id + "' and state = 'running'").isEmpty());
            String owner = queue.sql(queue.adminDb(), "select owner from run_queue where request_id = '" + id + "'");
            // the owner is the worker's instance id (host and port) and a mark of its process
            String frozen = owner.contains("-" + port + "/") ? "upgrade-worker-2" : "upgrade-worker";
            services.signal(frozen, "STOP");
            try {
                await().atMost(RUN).pollInterval(Duration.ofSeconds(1)).until(() -> Integer.parseInt(queue.sql(
                        queue.adminDb(), "select run from run_queue where request_id = '" + id + "'")) >= 2);
            } finally {
                services.signal(frozen, "CONT");
            }

            journey.endsDoneWithOneMailAndOneCompletion();
            List<String> claims = List.of(queue.sql(queue.adminDb(), """
                    select c.run || '|' || c.owner || '|' || c.claimed_at || '|' || coalesce(c.ended_at::text, '')
                    from run_claim_log c join run_queue q using (attempt_id)
                    where q.request_id = '%s' order by c.run""".formatted(id)).split("\n"));
            assertTrue(claims.size() >= 2, "the run was taken over: " + claims);
            for (int i = 1; i < claims.size(); i++) {
                String[] before = claims.get(i - 1).split("\\|");
                String[] after = claims.get(i).split("\\|");
                assertFalse(before[3].isEmpty(), "claim " + before[0] + " ended before the next: " + claims);
                assertTrue(queue.sql(queue.adminDb(), "select '" + before[3] + "'::timestamptz <= '" + after[2]
                        + "'::timestamptz").equals("t"), "claims overlapped: " + claims);
            }
        } finally {
            services.kill("upgrade-worker-2");
        }
    }

    private List<String> runDatabases(Journey journey) throws Exception {
        return scratch.runDatabases(journey.attempt());
    }

    private int runSessions(Journey journey) throws Exception {
        return scratch.runSessions(journey.attempt());
    }

    /** Drops every record the topic holds, as retention would: what was not consumed yet is gone. */
    private static void deleteEveryRecordOf(String topic) throws Exception {
        Properties props = new Properties();
        props.put("bootstrap.servers", ServiceProcesses.env("KAFKA_BOOTSTRAP_SERVERS"));
        try (Admin admin = Admin.create(props)) {
            int partitions = admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic).partitions().size();
            for (int p = 0; p < partitions; p++) {
                admin.deleteRecords(Map.of(new TopicPartition(topic, p), RecordsToDelete.beforeOffset(-1))).all()
                        .get();
            }
        }
    }

    private static PlatformEvents events() {
        return new PlatformEvents(ServiceProcesses.env("KAFKA_BOOTSTRAP_SERVERS"));
    }
}
