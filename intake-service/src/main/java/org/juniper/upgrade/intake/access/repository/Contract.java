package org.juniper.upgrade.intake.access.repository;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A customer contract; requests are accepted only for known ones. */
@Entity
@Table(name = "contract")
public class Contract {
    @Id
    public String code;
    /** The hosting project the contract's databases belong to. */
    public String project;
    @Column(name = "created_at")
    public Instant createdAt;
}
