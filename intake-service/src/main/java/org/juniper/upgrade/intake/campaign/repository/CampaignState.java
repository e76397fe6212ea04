package org.juniper.upgrade.intake.campaign.repository;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;
import org.juniper.upgrade.intake.request.repository.UpgradeRequest;

/** Where one database of a campaign stands, as the upgrade team reads it. */
public enum CampaignState {
    /** Its backup is being checked, or it waits in intake for room in the test lane. */
    PENDING,
    /** In the test lane or being upgraded. */
    RUNNING,
    /** The test upgrade passed; the requester is mailed an invitation. */
    INVITED,
    /** The test upgrade failed; the requester is not invited and the upgrade team looks at the reason. */
    FLAGGED,
    CANCELLED;

    public static CampaignState of(CampaignDatabase database, UpgradeRequest request) {
        return switch (request.state) {
            case NEW -> PENDING;
            case PENDING -> database.releasedAt == null ? PENDING : RUNNING;
            case PROGRESS -> RUNNING;
            case DONE -> INVITED;
            case FAILED -> FLAGGED;
            case CANCELLED -> CANCELLED;
            // purged later: the failure, if any, is still recorded
            case ARCHIVED -> request.failureReason == null ? INVITED : FLAGGED;
        };
    }

    @JsonValue
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }
}
