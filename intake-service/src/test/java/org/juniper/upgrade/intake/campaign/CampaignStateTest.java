package org.juniper.upgrade.intake.campaign;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import org.juniper.upgrade.intake.campaign.repository.CampaignDatabase;
import org.juniper.upgrade.intake.campaign.repository.CampaignState;
import org.juniper.upgrade.intake.request.repository.RequestState;
import org.juniper.upgrade.intake.request.repository.UpgradeRequest;
import org.junit.jupiter.api.Test;

/** Where a campaign's database stands, read from its request alone. */
class CampaignStateTest {

    @Test
    void aDatabaseIsPendingUntilItsRequestIsLetIntoTheTestLaneThenRunning() {
        assertEquals(CampaignState.PENDING, CampaignState.of(held(), request(RequestState.NEW, null)));
        assertEquals(CampaignState.PENDING, CampaignState.of(held(), request(RequestState.PENDING, null)));
        assertEquals(CampaignState.RUNNING, CampaignState.of(released(), request(RequestState.PENDING, null)));
        assertEquals(CampaignState.RUNNING, CampaignState.of(released(), request(RequestState.PROGRESS, null)));
    }

    @Test
    void aPassedTestInvitesAFailedOneFlagsAndAStoppedOneIsCancelled() {
        assertEquals(CampaignState.INVITED, CampaignState.of(released(), request(RequestState.DONE, null)));
        assertEquals(CampaignState.FLAGGED, CampaignState.of(released(), request(RequestState.FAILED,
                "MODULE:CUSTOM")));
        assertEquals(CampaignState.CANCELLED, CampaignState.of(held(), request(RequestState.CANCELLED, null)));
    }

    @Test
    void anArchivedRequestKeepsWhatItsTestShowedOnceItsArtifactsArePurged() {
        assertEquals(CampaignState.INVITED, CampaignState.of(released(), request(RequestState.ARCHIVED, null)));
        assertEquals(CampaignState.FLAGGED, CampaignState.of(released(), request(RequestState.ARCHIVED,
                "MODULE:CUSTOM")));
    }

    private static CampaignDatabase held() {
        return new CampaignDatabase();
    }

    private static CampaignDatabase released() {
        CampaignDatabase database = new CampaignDatabase();
        database.releasedAt = Instant.now();
        return database;
    }

    private static UpgradeRequest request(RequestState state, String failureReason) {
        UpgradeRequest request = new UpgradeRequest();
        request.state = state;
        request.failureReason = failureReason;
        return request;
    }
}
