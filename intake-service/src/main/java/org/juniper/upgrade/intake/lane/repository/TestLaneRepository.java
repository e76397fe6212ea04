package org.juniper.upgrade.intake.lane.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.util.List;
import org.juniper.upgrade.intake.request.repository.RequestState;
import org.juniper.upgrade.intake.request.repository.UpgradeRequest;

@ApplicationScoped
public class TestLaneRepository implements PanacheRepositoryBase<TestLane, Short> {
    /** The lane, read under a shared lock: starts go on side by side, a pause or resume waits for them. */
    public TestLane forStart() {
        return findById(TestLane.ID, LockModeType.PESSIMISTIC_READ);
    }

    /** The lane, locked against starts and other pauses or resumes until the transaction ends. */
    public TestLane forChange() {
        return findById(TestLane.ID, LockModeType.PESSIMISTIC_WRITE);
    }

    public TestLane current() {
        return findById(TestLane.ID);
    }

    /** Requests held while the lane was paused, locked, in the order they were queued. */
    public List<UpgradeRequest> heldForUpdate() {
        return getEntityManager().createQuery("select r from UpgradeRequest r where r.held and r.state = :pending "
                + "order by r.queuedAt, r.id", UpgradeRequest.class).setParameter("pending", RequestState.PENDING)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE).getResultList();
    }

    public long countHeld() {
        return getEntityManager().createQuery("select count(r) from UpgradeRequest r where r.held and r.state = "
                + ":pending", Long.class).setParameter("pending", RequestState.PENDING).getSingleResult();
    }
}
