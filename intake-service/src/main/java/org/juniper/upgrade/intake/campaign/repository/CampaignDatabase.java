package org.juniper.upgrade.intake.campaign.repository;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * One database of a campaign and its test request. Until {@code releasedAt} the request waits in intake, not in the
 * test lane, so that it never delays a requester's own test.
 */
@Entity
@Table(name = "campaign_database")
public class CampaignDatabase {
    @Id
    @Column(name = "request_id")
    public UUID requestId;
    @Column(name = "campaign_id")
    public UUID campaignId;
    public int position;
    /** The object-store key of the hosted database's latest backup, copied under the request's own key. */
    @Column(name = "backup_source")
    public String backupSource;
    @Column(name = "claimed_until")
    public Instant claimedUntil;
    @Column(name = "released_at")
    public Instant releasedAt;
}
