package org.juniper.upgrade.e2e;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.juniper.erp.sample.SampleDatabase;
import org.juniper.erp.sample.SampleSpec;
import org.juniper.upgrade.bindings.testing.PlatformEvents;
import org.juniper.upgrade.events.Topics;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/** A requester's whole journey through the five running services, on the real infrastructure. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class UpgradeJourneyIT {
    private static final Duration RUN = Duration.ofMinutes(4);
    private static ServiceProcesses services;

    private final IntakeClient intake = new IntakeClient();
    private final Mailbox mailbox = new Mailbox();

    @BeforeAll
    static void startPlatform() throws Exception {
        services = new ServiceProcesses();
        services.startAll();
        new IntakeClient().registerContract("M2026-0042", "acme-hosting");
    }

    @AfterAll
    static void stopPlatform() throws Exception {
        services.close();
    }

    @Test
    @Order(1)
    void aTestRequestTravelsFromCreationToTheMailInTheMailbox() throws Exception {
        String email = "e2e-" + UUID.randomUUID() + "@acme.example";
        IntakeClient.Request request = intake.create(email, "acme", "17.0", "test");
        intake.upload(request, sample("acme", 0.01));
        intake.start(request);

        await().atMost(RUN).pollInterval(Duration.ofMillis(500))
                .until(() -> terminal(intake.status(request).path("state").asText()));
        assertEquals("done", intake.status(request).path("state").asText(), intake.status(request).toString());

        String log = intake.log(request);
        for (String stage : List.of("[restore]", "[upgrade]", "[dump]", "[neutralize]", "[report]")) {
            assertTrue(log.contains(stage), "the live log shows " + stage + ":\n" + log);
        }
        String dump = entry(intake.download(request), "dump.sql");
        assertTrue(dump.contains("Neutralization of this test copy"), "the delivered test copy is neutralized");

        await().atMost(Duration.ofMinutes(2)).until(() -> !mailbox.messages(email).isEmpty());
        List<Mailbox.Mail> mails = mailbox.messages(email);
        assertEquals(1, mails.size());
        Mailbox.Mail mail = mails.get(0);
        assertTrue(mail.subject().contains("acme") && mail.subject().contains("14.0")
                && mail.subject().contains("17.0"), mail.subject());
        assertTrue(mail.raw().contains("/api/v1/requests/" + request.id() + "/download"), "the mail links the archive");
        assertTrue(mail.raw().contains("upgrade-report.html"), "the report is attached");
    }

    @Test
    @Order(2)
    void aWorkerKilledMidRunLeavesTheRequestToTheNextWorkerAndTheRequesterGetsOneMail() throws Exception {
        String email = "e2e-" + UUID.randomUUID() + "@acme.example";
        IntakeClient.Request request = intake.create(email, "globex", "17.0", "test");
        intake.upload(request, sample("globex", 0.3));
        intake.start(request);

        await().atMost(RUN).pollInterval(Duration.ofMillis(100))
                .until(() -> "progress".equals(intake.status(request).path("state").asText()));
        services.kill("upgrade-worker");
        services.start("upgrade-worker");

        await().atMost(RUN).pollInterval(Duration.ofMillis(500))
                .until(() -> terminal(intake.status(request).path("state").asText()));
        assertEquals("done", intake.status(request).path("state").asText(), intake.status(request).toString());
        await().atMost(Duration.ofMinutes(2)).until(() -> !mailbox.messages(email).isEmpty());
        // give a second mail, if the platform were to send one, the time to arrive
        Thread.sleep(3000);
        assertEquals(1, mailbox.messages(email).size(), "exactly one mail");
        try (PlatformEvents events = new PlatformEvents(ServiceProcesses.env("KAFKA_BOOTSTRAP_SERVERS"))) {
            assertEquals(1, events.read(Topics.COMPLETED, request.id(), Duration.ofSeconds(5), l -> false).size(),
                    "exactly one upgrade.completed");
        }
    }

    private static boolean terminal(String state) {
        return List.of("done", "failed", "cancelled").contains(state);
    }

    private static byte[] sample(String database, double scale) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new SampleDatabase().writeBackup(out, new SampleSpec(database, "14.0", scale, 42));
        return out.toByteArray();
    }

    private static String entry(byte[] zip, String name) throws Exception {
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            ZipEntry entry;
            while ((entry = in.getNextEntry()) != null) {
                if (entry.getName().equals(name)) {
                    return new String(in.readAllBytes(), StandardCharsets.UTF_8);
                }
            }
        }
        throw new AssertionError(name + " is not in the archive");
    }
}
