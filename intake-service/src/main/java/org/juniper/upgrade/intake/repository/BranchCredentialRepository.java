package org.juniper.upgrade.intake.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import org.juniper.upgrade.intake.domain.BranchCredential;

@ApplicationScoped
public class BranchCredentialRepository implements PanacheRepositoryBase<BranchCredential, String> {
}
