package org.juniper.upgrade.intake.request;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.juniper.upgrade.intake.Intake.attemptOf;
import static org.juniper.upgrade.intake.Intake.awaitState;
import static org.juniper.upgrade.intake.Intake.download;
import static org.juniper.upgrade.intake.Intake.log;
import static org.juniper.upgrade.intake.Intake.queued;
import static org.juniper.upgrade.intake.Intake.report;
import static org.juniper.upgrade.intake.Intake.status;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.juniper.upgrade.archive.Sha256;
import org.juniper.upgrade.bindings.objectstore.ArtifactStore;
import org.juniper.upgrade.bindings.testing.PlatformEvents;
import org.juniper.upgrade.events.ArtifactKeys;
import org.juniper.upgrade.events.CloudEvent;
import org.juniper.upgrade.events.CloudEvents;
import org.juniper.upgrade.events.DumpUpgraded;
import org.juniper.upgrade.events.Neutralized;
import org.juniper.upgrade.events.Purpose;
import org.juniper.upgrade.events.ReportReady;
import org.juniper.upgrade.events.StoredObject;
import org.juniper.upgrade.events.Topics;
import org.juniper.upgrade.events.UpgradeProgress;
import org.juniper.upgrade.intake.Intake.Created;
import org.juniper.upgrade.intake.PlaysTheParts;
import org.junit.jupiter.api.Test;

/** What the other parts announce, played by the test on Kafka, ends a request once: done when its purpose has all it needs, failed with the reason. */
@QuarkusTest
class RequestOutcomeTest extends PlaysTheParts {
    private static final Duration WAIT = Duration.ofSeconds(30);

    @Inject
    ArtifactStore store;

    @Test
    void aTestRequestIsDoneOnlyOnceItsCopyIsNeutralizedAndReported() throws Exception {
        Created r = queued("test");
        platform.publish(new UpgradeProgress(r.id(), "restore", "restoring", Instant.now(), attemptOf(r.id())));
        awaitState(r, "progress");

        platform.publish(new DumpUpgraded(r.id(), Purpose.TEST, "14.0", "17.0", artifact(r, "upgraded.zip"),
                ArtifactKeys.of(r.id()).attempt(attemptOf(r.id())).facts(), ArtifactKeys.of(r.id()).attempt(attemptOf(r.id())).log(), Map.of("restore", 5L), attemptOf(r.id())));
        platform.publish(new ReportReady(r.id(), ArtifactKeys.of(r.id()).attempt(attemptOf(r.id())).reportHtml(), ArtifactKeys.of(r.id()).attempt(attemptOf(r.id())).reportJson(),
                new ReportReady.Summary(1, 1, 0, 0), attemptOf(r.id())));
        await().atMost(WAIT).until(() -> status(r).<List<String>>path("produced").containsAll(List.of("upgraded",
                "report")));
        status(r).then().body("state", equalTo("progress"));
        download(r).then().statusCode(409).body("failures.reason", hasItems("REQUEST:NOT_DONE"));

        byte[] archive = "the neutralized test copy".getBytes(StandardCharsets.UTF_8);
        StoredObject neutralized = store.put(ArtifactKeys.of(r.id()).attempt(attemptOf(r.id())).neutralized(), archive, "application/zip");
        platform.publish(new Neutralized(r.id(), neutralized, List.of(new Neutralized.Action("base", "crons-off")), attemptOf(r.id())));
        awaitState(r, "done");

        status(r).then().body("result.sha256", equalTo(Sha256.hex(archive))).body("result.size",
                equalTo(archive.length));
        assertArrayEquals(archive, download(r).then().statusCode(200).header("Content-Disposition",
                containsString("-17.0-test.zip")).header("ETag", "\"" + Sha256.hex(archive) + "\"").extract()
                .asByteArray(), "intake streams the archive itself: no link names the object store");
        // a client continues a cut download with a Range request
        assertArrayEquals(Arrays.copyOfRange(archive, 4, archive.length), given().header("Authorization", "Bearer "
                + r.secret()).header("Range", "bytes=4-").get("/api/v1/requests/" + r.id() + "/download").then()
                .statusCode(206).header("Content-Range", "bytes 4-" + (archive.length - 1) + "/" + archive.length)
                .extract().asByteArray());
        List<PlatformEvents.Received> completed = platform.read(Topics.COMPLETED, r.id(), WAIT, l -> !l.isEmpty());
        assertEquals(1, completed.size());
        assertEquals("juniper.upgrade.completed.v1", completed.get(0).headers().get("ce_type"));
    }

    @Test
    void aTestArchiveIsNeverDownloadableBeforeItIsNeutralizedEvenWhenEventsArriveTwiceOrLate() throws IOException {
        Created r = queued("test");
        ArtifactKeys.AttemptKeys keys = ArtifactKeys.of(r.id()).attempt(attemptOf(r.id()));
        CloudEvent upgraded = platform.publish(new DumpUpgraded(r.id(), Purpose.TEST, "14.0", "17.0",
                artifact(r, "upgraded.zip"), keys.facts(), keys.log(), Map.of("restore", 5L), attemptOf(r.id())));
        CloudEvent report = platform.publish(new ReportReady(r.id(), keys.reportHtml(), keys.reportJson(),
                new ReportReady.Summary(1, 1, 0, 0), attemptOf(r.id())));
        platform.publish(upgraded);
        platform.publish(report);
        // the same facts announced again by a redelivered run, under a new event id
        platform.publish(new DumpUpgraded(r.id(), Purpose.TEST, "14.0", "17.0", artifact(r, "upgraded.zip"),
                keys.facts(), keys.log(), Map.of("restore", 5L), attemptOf(r.id())));
        platform.publish(new UpgradeProgress(r.id(), "report", "marker", Instant.now(), attemptOf(r.id())));
        await().atMost(WAIT).until(() -> log(r).contains("marker"));
        status(r).then().body("state", equalTo("progress"));
        download(r).then().statusCode(409).body("failures.reason", hasItems("REQUEST:NOT_DONE"));

        byte[] archive = "the neutralized test copy".getBytes(StandardCharsets.UTF_8);
        platform.publish(new Neutralized(r.id(), store.put(keys.neutralized(), archive, "application/zip"),
                List.of(new Neutralized.Action("base", "crons-off", 3L)), attemptOf(r.id())));
        awaitState(r, "done");
        platform.publish(upgraded);
        platform.publish(new UpgradeProgress(r.id(), "report", "late marker", Instant.now(), attemptOf(r.id())));
        await().atMost(WAIT).until(() -> log(r).contains("late marker"));

        status(r).then().body("state", equalTo("done")).body("result.sha256", equalTo(Sha256.hex(archive)));
        assertArrayEquals(archive, download(r).then().statusCode(200).extract().asByteArray());
    }

    @Test
    void aRedeliveredEventChangesNothing() throws IOException {
        Created r = queued("test");
        CloudEvent progress = platform.publish(new UpgradeProgress(r.id(), "restore", "only once", Instant.now(), attemptOf(r.id())));
        platform.publish(progress);
        platform.publish(new UpgradeProgress(r.id(), "restore", "marker", Instant.now(), attemptOf(r.id())));

        await().atMost(WAIT).until(() -> log(r).contains("marker"));
        assertEquals(1, log(r).split("only once", -1).length - 1, log(r));
    }

    @Test
    void aFailedRequestShowsItsFailureReportOnceTheReportServiceHasWrittenIt() throws IOException {
        Created r = queued("test");
        platform.publish(new org.juniper.upgrade.events.UpgradeFailed(r.id(), "upgrade", "SCRIPT:FAILED", "broken",
                Instant.now(), attemptOf(r.id())));
        awaitState(r, "failed");
        report(r, null).then().statusCode(409).body("failures.reason", hasItems("REQUEST:NOT_DONE"));

        // what the report service writes for a failed run: the JSON, then the HTML that marks the report complete
        store.put(ArtifactKeys.of(r.id()).attempt(attemptOf(r.id())).reportJson(), "{\"outcome\":\"failed\"}".getBytes(StandardCharsets.UTF_8),
                "application/json");
        store.put(ArtifactKeys.of(r.id()).attempt(attemptOf(r.id())).reportHtml(), "<h1>failed</h1>".getBytes(StandardCharsets.UTF_8),
                "text/html");

        report(r, null).then().statusCode(200).contentType(containsString("text/html")).body(equalTo(
                "<h1>failed</h1>"));
        report(r, "json").then().statusCode(200).body("outcome", equalTo("failed"));
        report(r, "pdf").then().statusCode(400).body("failures.reason", hasItems("REPORT:FORMAT"));
    }

    @Test
    void aPoisonEventGoesToTheDeadLetterTopicAndItsRequestFailsWithTheReason() throws Exception {
        Created r = queued("test");
        java.util.Properties props = new java.util.Properties();
        props.put("bootstrap.servers", bootstrapServers);
        props.put("key.serializer", org.apache.kafka.common.serialization.StringSerializer.class.getName());
        props.put("value.serializer", org.apache.kafka.common.serialization.StringSerializer.class.getName());
        try (org.apache.kafka.clients.producer.KafkaProducer<String, String> producer =
                new org.apache.kafka.clients.producer.KafkaProducer<>(props)) {
            org.apache.kafka.clients.producer.ProducerRecord<String, String> poison =
                    new org.apache.kafka.clients.producer.ProducerRecord<>(Topics.PROGRESS, r.id(), "{not json");
            CloudEvents.kafkaHeaders(CloudEvents.create("/juniper/test", new UpgradeProgress(r.id(), "restore", "x",
                    Instant.now(), attemptOf(r.id())))).forEach((k, v) -> poison.headers().add(k, v.getBytes(StandardCharsets.UTF_8)));
            producer.send(poison).get();
        }

        awaitState(r, "failed");
        status(r).then().body("failure.reason", equalTo("EVENT:MALFORMED"));
        assertEquals(1, platform.read(Topics.DEAD_LETTER, r.id(), WAIT, l -> !l.isEmpty()).size());
    }

    private static StoredObject artifact(Created r, String name) {
        return new StoredObject(ArtifactKeys.of(r.id()).prefix() + name, "c".repeat(64), 10);
    }
}
