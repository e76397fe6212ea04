package org.juniper.upgrade.intake.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import org.juniper.upgrade.intake.domain.Contract;

@ApplicationScoped
public class ContractRepository implements PanacheRepositoryBase<Contract, String> {
}
