package org.juniper.upgrade.e2e;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.juniper.upgrade.bindings.objectstore.ArtifactStore;
import org.junit.jupiter.api.Test;

/** A rolling-release campaign over hosted databases whose latest backups are in the store, on the five services. */
class RollingReleaseIT extends RunningPlatform {
    private static final int DATABASES = 20;
    private static final Set<Integer> BUILT_TO_FAIL = Set.of(3, 10, 16);
    /** Twenty small runs one after the other on the one worker's test slot. */
    private static final Duration CAMPAIGN = Duration.ofMinutes(5);

    private final Operations operations = new Operations();
    private final Mailbox mailbox = new Mailbox();

    @Test
    void aCampaignOverTwentyHostedDatabasesInvitesTheSeventeenThatPassAndFlagsTheThreeBuiltToFail() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        ArtifactStore store = TestInstance.objectStore();
        List<Map<String, String>> databases = new ArrayList<>();
        for (int i = 0; i < DATABASES; i++) {
            String database = "hosted-" + run + "-" + i;
            String key = "hosting/" + run + "/" + database + "/latest.zip";
            store.put(key, BUILT_TO_FAIL.contains(i) ? TestInstance.notJuniper(database)
                    : TestInstance.sample(database, 0.01), "application/zip");
            databases.add(Map.of("contract", "M2026-0042", "email", email(run, i), "database", database,
                    "backupKey", key));
        }

        String campaign = operations.startCampaign("17.0", databases).path("id").asText();
        await().atMost(CAMPAIGN).pollInterval(Duration.ofSeconds(2)).until(() -> {
            JsonNode counts = operations.campaign(campaign).path("counts");
            return counts.path("invited").asInt() + counts.path("flagged").asInt() == DATABASES;
        });

        JsonNode progress = operations.campaign(campaign);
        assertEquals(17, progress.path("counts").path("invited").asInt(), progress.toString());
        assertEquals(3, progress.path("counts").path("flagged").asInt(), progress.toString());
        Set<Integer> flagged = new TreeSet<>();
        for (int i = 0; i < DATABASES; i++) {
            JsonNode database = progress.path("databases").get(i);
            if ("flagged".equals(database.path("state").asText())) {
                flagged.add(i);
                assertEquals("BACKUP:NOT_JUNIPER", database.path("failure").path("reason").asText(),
                        "the upgrade team sees why: " + database);
            }
        }
        assertEquals(new TreeSet<>(BUILT_TO_FAIL), flagged, "exactly the databases built to fail are flagged");

        await().atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofSeconds(1)).until(() -> invited(run) == 17);
        for (int i = 0; i < DATABASES; i++) {
            List<Mailbox.Mail> mails = mailbox.messages(email(run, i));
            if (BUILT_TO_FAIL.contains(i)) {
                assertTrue(mails.isEmpty(), "a flagged database's requester gets no mail: " + mails);
            } else {
                assertEquals(1, mails.size(), "one invitation for " + email(run, i));
                assertTrue(mails.get(0).subject().contains("the automatic test upgrade passed"),
                        mails.get(0).subject());
                assertTrue(mails.get(0).addresses().stream().anyMatch(a -> a.startsWith(ServiceProcesses.publicUrl()
                        + "/links/")), "the invitation links the test copy");
            }
        }
    }

    private long invited(String run) throws Exception {
        long invited = 0;
        for (int i = 0; i < DATABASES; i++) {
            invited += mailbox.messages(email(run, i)).stream()
                    .filter(m -> m.subject().contains("the automatic test upgrade passed")).count();
        }
        return invited;
    }

    private static String email(String run, int i) {
        return "campaign-" + run + "-" + i + "@hosting.example";
    }
}
