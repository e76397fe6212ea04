package org.juniper.upgrade.intake.campaign.repository;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A rolling release: every database of the campaign gets an automatic test upgrade to the target version. */
@Entity
@Table(name = "campaign")
public class Campaign {
    @Id
    public UUID id;
    @Column(name = "target_version")
    public String targetVersion;
    @Column(name = "created_at")
    public Instant createdAt;
}
