package org.juniper.upgrade.intake.request.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import io.quarkus.panache.common.Sort;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.juniper.upgrade.events.Purpose;
import java.util.UUID;

@ApplicationScoped
public class UpgradeRequestRepository implements PanacheRepositoryBase<UpgradeRequest, UUID> {

    /** A test of the database that is queued or running; one left new blocks nobody. */
    public Optional<UpgradeRequest> testInProgress(String contract, String database) {
        return find("contract = ?1 and databaseName = ?2 and purpose = ?3 and state in ?4", contract, database,
                Purpose.TEST, List.of(RequestState.PENDING, RequestState.PROGRESS)).firstResultOptional();
    }

    /** Holds the database's starts for the rest of the transaction, so that two tests of it cannot both queue. */
    public void lockStartsOf(String contract, String database) {
        getEntityManager().createNativeQuery("select pg_advisory_xact_lock(hashtext(:key))")
                .setParameter("key", "start:" + contract + "/" + database).getSingleResult();
    }

    public Optional<UpgradeRequest> findBySecret(String secret) {
        return secret == null ? Optional.empty()
                : find("secretHash", org.juniper.upgrade.archive.Sha256.hex(
                        secret.getBytes(java.nio.charset.StandardCharsets.UTF_8))).firstResultOptional();
    }

    /** The requests created with this secret, newest first. */
    public List<UpgradeRequest> createdWith(String secretHash) {
        return list("secretHash", Sort.by("createdAt").descending(), secretHash);
    }

    /**
     * Where a pending request stands in the queue: the pending requests that will be picked up before it (higher
     * priority, or the same priority and queued earlier).
     */
    public long aheadOf(UpgradeRequest request) {
        return count("state = ?1 and (priority > ?2 or (priority = ?2 and queuedAt < ?3))", RequestState.PENDING,
                request.priority, request.queuedAt);
    }

    /** Average run time in seconds of finished runs between the same versions, or -1 without history. */
    public double averageRunSeconds(String sourceVersion, String targetVersion) {
        Number average = (Number) getEntityManager().createNativeQuery("""
                select avg(extract(epoch from (finished_at - started_at))) from upgrade_request
                where state = 'DONE' and source_version = :source and target_version = :target
                  and started_at is not null""").setParameter("source", sourceVersion)
                .setParameter("target", targetVersion).getSingleResult();
        return average == null ? -1 : average.doubleValue();
    }

    /** Finished requests whose artifacts have outlived the retention, oldest first. */
    public List<UpgradeRequest> expired(java.time.Instant finishedBefore, int limit) {
        return find("state in ?1 and finishedAt < ?2", Sort.by("finishedAt"),
                List.of(RequestState.DONE, RequestState.FAILED, RequestState.CANCELLED), finishedBefore)
                .page(0, limit).list();
    }

    /** Requests in {@code state} that no part has reported on since {@code before}, the quietest first. */
    public List<UUID> quietSince(RequestState state, java.time.Instant before, int limit) {
        return getEntityManager().createQuery("select r.id from UpgradeRequest r where r.state = ?1 "
                + "and r.lastEventAt < ?2 order by r.lastEventAt", UUID.class).setParameter(1, state)
                .setParameter(2, before).setMaxResults(limit).getResultList();
    }

    /** Requests still waiting for their backup since before {@code createdBefore}. */
    public List<UUID> abandoned(java.time.Instant createdBefore, int limit) {
        return getEntityManager().createQuery("select r.id from UpgradeRequest r where r.state = ?1 "
                + "and r.createdAt < ?2 order by r.createdAt", UUID.class).setParameter(1, RequestState.NEW)
                .setParameter(2, createdBefore).setMaxResults(limit).getResultList();
    }

    /** How many requests each purpose has in each state, in one pass: pairs without requests are left out. */
    public Map<Purpose, Map<RequestState, Long>> countsByPurposeAndState() {
        Map<Purpose, Map<RequestState, Long>> counts = new EnumMap<>(Purpose.class);
        for (Object[] row : getEntityManager().createQuery("select r.purpose, r.state, count(r) from UpgradeRequest r "
                + "group by r.purpose, r.state", Object[].class).getResultList()) {
            counts.computeIfAbsent((Purpose) row[0], p -> new EnumMap<>(RequestState.class))
                    .put((RequestState) row[1], (Long) row[2]);
        }
        return counts;
    }

    /** The request, locked for the rest of the transaction so that concurrent events apply one after another. */
    public Optional<UpgradeRequest> findForUpdate(UUID id) {
        return findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE);
    }
}
