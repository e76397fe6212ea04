package org.juniper.upgrade.intake.campaign;

import static org.juniper.upgrade.intake.Intake.create;
import static org.juniper.upgrade.intake.Intake.registerContract;
import static org.juniper.upgrade.intake.Intake.sampleBackup;
import static org.juniper.upgrade.intake.Intake.start;
import static org.juniper.upgrade.intake.Intake.stored;
import static org.juniper.upgrade.intake.Intake.upload;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.juniper.upgrade.bindings.objectstore.ArtifactStore;
import org.juniper.upgrade.events.FailureReason;
import org.juniper.upgrade.events.Purpose;
import org.juniper.upgrade.intake.Intake.Created;
import org.juniper.upgrade.intake.access.service.Secrets;
import org.juniper.upgrade.intake.campaign.repository.CampaignState;
import org.juniper.upgrade.intake.campaign.service.Campaigns;
import org.juniper.upgrade.intake.campaign.service.NewCampaign;
import org.juniper.upgrade.intake.operations.service.Operations;
import org.juniper.upgrade.intake.refusal.Failure;
import org.juniper.upgrade.intake.refusal.RequestRefusedException;
import org.juniper.upgrade.intake.request.repository.UpgradeRequest;
import org.juniper.upgrade.intake.request.service.RequestLifecycle;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Campaigns through their service: what starting one makes, what it refuses, and how its databases are read. */
@QuarkusTest
class CampaignsTest {
    @Inject
    Campaigns campaigns;

    @Inject
    RequestLifecycle lifecycle;

    @Inject
    Operations operations;

    @Inject
    ArtifactStore store;

    @BeforeEach
    void contract() {
        registerContract("M2026-0042", "acme-hosting");
    }

    @Test
    void eachDatabaseBecomesATestRequestOfTheCampaignBelowTheRequestersOwnWithASecretForItsRequester()
            throws IOException {
        String first = database();
        String second = database();

        Campaigns.Started started = campaigns.start(new NewCampaign("17.0", List.of(member(first, backup()),
                member(second, backup()))));

        assertEquals(List.of(first, second), started.databases().stream().map(Campaigns.Started.Member::database)
                .toList(), "in the order listed");
        for (Campaigns.Started.Member m : started.databases()) {
            UpgradeRequest request = stored(m.requestId().toString());
            assertEquals(started.campaign().id, request.campaignId);
            assertEquals(Purpose.TEST, request.purpose);
            assertEquals("17.0", request.targetVersion);
            assertTrue(request.priority < 0, "a campaign never goes before a requester's own test");
            assertTrue(Secrets.matches(m.secret(), request.secretHash), "the secret opens its own request");
        }
        Campaigns.Progress progress = campaigns.progress(started.campaign().id);
        assertEquals(2L, progress.counts().values().stream().mapToLong(Long::longValue).sum());
        assertEquals(Arrays.stream(CampaignState.values()).map(CampaignState::code).toList(),
                List.copyOf(progress.counts().keySet()), "every state is counted, none left out");
    }

    @Test
    void aDatabaseWhoseTestIsQueuedOrListedTwiceIsRefusedWithItsPlaceAndNothingIsCreated() throws IOException {
        String busy = database();
        Created own = create("test", busy, "it@acme.example");
        upload(own, sampleBackup()).then().statusCode(200);
        start(own).then().statusCode(200);
        String twice = database();
        int before = campaigns.list().size();

        RequestRefusedException refused = assertThrows(RequestRefusedException.class, () -> campaigns.start(
                new NewCampaign("17.0", List.of(member(busy, backup()), member(twice, backup()),
                        member(twice, backup())))));

        assertEquals(400, refused.status());
        assertEquals(List.of("REQUEST:TEST_IN_PROGRESS", "CAMPAIGN:DUPLICATE_DATABASE"), reasons(refused));
        assertTrue(refused.failures().get(0).message().startsWith("databases[0] (" + busy + "): "),
                refused.failures().get(0).message());
        assertTrue(refused.failures().get(1).message().startsWith("databases[2] (" + twice + "): "),
                refused.failures().get(1).message());
        assertEquals(before, campaigns.list().size());
    }

    @Test
    void aCampaignWithoutTargetOrDatabasesAndAnEmptyEntryAreRefusedWithTheirReasons() {
        RequestRefusedException nothing = assertThrows(RequestRefusedException.class, () -> campaigns.start(null));
        assertEquals(List.of("TARGET:INVALID", "CAMPAIGN:EMPTY"), reasons(nothing));

        RequestRefusedException empty = assertThrows(RequestRefusedException.class, () -> campaigns.start(
                new NewCampaign("17.0", Arrays.asList((NewCampaign.Database) null))));
        assertEquals(List.of("CAMPAIGN:DATABASE_MISSING"), reasons(empty));
        assertEquals("databases[0]: is empty", empty.failures().get(0).message());
    }

    @Test
    void aFailedTestFlagsItsDatabaseWithTheReasonAndHowToRetryAndAnAbortedOneCountsAsCancelled() throws IOException {
        Campaigns.Started started = campaigns.start(new NewCampaign("17.0", List.of(member(database(), backup()),
                member(database(), backup()))));
        UUID failing = started.databases().get(0).requestId();
        UUID aborted = started.databases().get(1).requestId();

        lifecycle.failOnMalformedEvent(failing.toString(), "upgrade.progress", "not JSON");
        operations.abort(aborted, "the customer left");

        Campaigns.Progress progress = campaigns.progress(started.campaign().id);
        Campaigns.Progress.Member flagged = progress.databases().get(0);
        assertEquals(CampaignState.FLAGGED, flagged.state());
        Failure why = flagged.failure();
        assertEquals(FailureReason.EVENT_MALFORMED.code(), why.reason());
        assertTrue(why.expected().contains("/ops/v1/requests/" + failing + "/retry"), why.expected());
        assertEquals(CampaignState.CANCELLED, progress.databases().get(1).state());
        assertEquals(null, progress.databases().get(1).failure(), "only a flagged database carries a failure");
        assertEquals(1L, progress.counts().get("flagged"));
        assertEquals(1L, progress.counts().get("cancelled"));
        assertEquals(progress.counts(), campaigns.list().stream().filter(s -> s.id().equals(started.campaign().id))
                .findFirst().orElseThrow().counts(), "the list counts as the campaign does");
    }

    @Test
    void anUnknownCampaignIsNotFound() {
        RequestRefusedException refused = assertThrows(RequestRefusedException.class,
                () -> campaigns.progress(UUID.randomUUID()));
        assertEquals(404, refused.status());
        assertEquals(List.of("CAMPAIGN:NOT_FOUND"), reasons(refused));
    }

    private String backup() throws IOException {
        String key = "hosting/" + UUID.randomUUID() + "/latest.zip";
        store.put(key, sampleBackup(), "application/zip");
        return key;
    }

    private static NewCampaign.Database member(String database, String backupKey) {
        return new NewCampaign.Database("M2026-0042", "it@acme.example", database, backupKey);
    }

    private static String database() {
        return "hosted-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static List<String> reasons(RequestRefusedException refused) {
        return refused.failures().stream().map(Failure::reason).toList();
    }
}
