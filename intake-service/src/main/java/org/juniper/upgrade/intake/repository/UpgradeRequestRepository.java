package org.juniper.upgrade.intake.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.util.Optional;
import java.util.UUID;
import org.juniper.upgrade.intake.domain.UpgradeRequest;

@ApplicationScoped
public class UpgradeRequestRepository implements PanacheRepositoryBase<UpgradeRequest, UUID> {

    /** The request, locked for the rest of the transaction so that concurrent events apply one after another. */
    public Optional<UpgradeRequest> findForUpdate(UUID id) {
        return findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE);
    }
}
