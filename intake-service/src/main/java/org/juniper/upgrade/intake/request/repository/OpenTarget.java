package org.juniper.upgrade.intake.request.repository;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A target version operations have opened for upgrades. */
@Entity
@Table(name = "open_target")
public class OpenTarget {
    @Id
    public String version;
}
