package org.juniper.upgrade.e2e;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.juniper.upgrade.e2e.TestInstance.sample;
import static org.juniper.upgrade.e2e.TestInstance.terminal;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.stream.Stream;
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
    private static final Duration RUN = Duration.ofMinutes(5);

    private final IntakeClient intake = new IntakeClient();
    private final Mailbox mailbox = new Mailbox();
    private final ScratchPostgres scratch = new ScratchPostgres();
    private final ScratchPostgres queue = ScratchPostgres.workerQueue();

    @Test
    void anAbortedRunStopsWithinSecondsEndsCancelledAndLeavesNoSessionArtifactOrMail() throws Exception {
        Journey journey = started("initech", 0.3);
        await().atMost(RUN).pollInterval(Duration.ofMillis(200)).until(() -> runDatabases(journey).size() == 1
                && "progress".equals(intake.status(journey.request).path("state").asText()));

        JsonNode aborted = intake.abort(journey.request, "the customer migrated by hand");
        assertEquals("cancelled", aborted.path("state").asText());
        String attempt = aborted.at("/attempt/id").asText();

        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(250)).until(() -> runSessions(journey)
                == 0 && runDatabases(journey).isEmpty());
        Thread.sleep(5000);
        assertEquals("cancelled", intake.status(journey.request).path("state").asText());
        assertTrue(mailbox.messages(journey.email).isEmpty(), "no mail for a request its operator stopped");
        try (PlatformEvents events = events()) {
            assertTrue(events.read(Topics.COMPLETED, journey.request.id(), Duration.ofSeconds(2), l -> false)
                    .isEmpty());
        }
        ArtifactKeys.AttemptKeys keys = ArtifactKeys.of(journey.request.id()).attempt(attempt);
        ArtifactStore store = TestInstance.objectStore();
        for (String key : List.of(keys.upgraded(), keys.neutralized(), keys.facts(), keys.reportHtml())) {
            assertFalse(store.exists(key), key + " is gone");
        }
    }

    @Test
    void aWorkerKilledMidRestoreLeavesNothingBehindAndAnotherRunEndsTheRequestOnce() throws Exception {
        Journey journey = started("soylent", 0.3);
        await().atMost(RUN).pollInterval(Duration.ofMillis(100)).until(() -> "restore".equals(
                intake.status(journey.request).path("stage").asText()) && runDatabases(journey).size() == 1);

        services.kill("upgrade-worker");
        assertEquals(1, runDatabases(journey).size(), "the dead run's database is left behind");
        services.start("upgrade-worker");

        journey.endsDoneWithOneMailAndOneCompletion();
        assertEquals(List.of(), runDatabases(journey), "no scratch database of the request is left");
        assertEquals("", scratch.sql(scratch.adminDb(), "select rolname from pg_roles where rolname like 'run\\_%"
                + suffix(journey) + "%'"), "no role of the request is left");
        assertEquals(List.of(), workFolders(journey), "no work folder of the request is left");
    }

    @Test
    void aRequestWhoseRecordIsGoneFromItsTopicIsQueuedAgainByTheReconcilerAndEndsDone() throws Exception {
        services.kill("upgrade-worker");
        Journey journey;
        try {
            journey = started("massive-dynamic", 0.01);
            try (PlatformEvents events = events()) {
                events.read(Topics.REQUESTED, journey.request.id(), RUN, l -> !l.isEmpty());
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
                ServiceProcesses.managementPort("upgrade-worker") + 50);
        try {
            Journey journey = started("wayne", 0.3);
            String id = journey.request.id();
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

    private Journey started(String database, double scale) throws Exception {
        String email = "lifecycle-" + UUID.randomUUID() + "@" + database + ".example";
        IntakeClient.Request request = intake.create(email, database + "-" + UUID.randomUUID().toString()
                .substring(0, 6), "17.0", "test");
        intake.upload(request, sample(database, scale));
        intake.start(request);
        return new Journey(request, email);
    }

    /** Runs name their scratch database and role after their attempt (and claim): run_<attempt>_<claim>. */
    private String suffix(Journey journey) throws Exception {
        return journey.attempt().replace("-", "");
    }

    private List<String> runDatabases(Journey journey) throws Exception {
        String names = scratch.sql(scratch.adminDb(), "select datname from pg_database where datname like 'run\\_%"
                + suffix(journey) + "%'");
        return names.isEmpty() ? List.of() : List.of(names.split("\n"));
    }

    private int runSessions(Journey journey) throws Exception {
        return Integer.parseInt(scratch.sql(scratch.adminDb(), "select count(*) from pg_stat_activity where datname "
                + "like 'run\\_%" + suffix(journey) + "%'"));
    }

    /**
     * The worker keeps a run's filestore and archive in a folder named after its attempt and claim under the machine's
     * temporary folder.
     */
    private static List<Path> workFolders(Journey journey) throws Exception {
        String attempt = journey.attempt();
        Path root = Path.of(System.getProperty("java.io.tmpdir"), "juniper-upgrade-worker");
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        try (Stream<Path> folders = Files.walk(root, 2)) {
            return folders.filter(p -> p.getFileName().toString().startsWith(attempt)).toList();
        }
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

    private final class Journey {
        final IntakeClient.Request request;
        final String email;

        Journey(IntakeClient.Request request, String email) {
            this.request = request;
            this.email = email;
        }

        /** The request's current attempt, as intake shows it. */
        String attempt() throws Exception {
            return intake.status(request).at("/attempt/id").asText();
        }

        void endsDoneWithOneMailAndOneCompletion() throws Exception {
            await().atMost(RUN).pollInterval(Duration.ofSeconds(1)).ignoreExceptions()
                    .until(() -> terminal(intake.status(request).path("state").asText()));
            assertEquals("done", intake.status(request).path("state").asText(), intake.status(request).toString());
            await().atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofSeconds(1)).ignoreExceptions()
                    .until(() -> !mailbox.messages(email).isEmpty());
            Thread.sleep(3000);
            assertEquals(1, mailbox.messages(email).size(), "exactly one mail");
            try (PlatformEvents events = events()) {
                assertEquals(1, events.read(Topics.COMPLETED, request.id(), Duration.ofSeconds(5), l -> false).size(),
                        "exactly one upgrade.completed");
            }
        }
    }
}
