package org.juniper.upgrade.intake.access.repository;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A hosting branch's credential: it may download the archives of its own project's databases. */
@Entity
@Table(name = "branch_credential")
public class BranchCredential {
    @Id
    public String name;
    public String project;
    @Column(name = "secret_hash")
    public String secretHash;
    @Column(name = "created_at")
    public Instant createdAt;
}
