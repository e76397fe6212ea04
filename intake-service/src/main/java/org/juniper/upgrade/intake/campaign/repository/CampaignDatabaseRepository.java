package org.juniper.upgrade.intake.campaign.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.juniper.upgrade.intake.request.repository.RequestState;
import org.juniper.upgrade.intake.request.repository.UpgradeRequest;

@ApplicationScoped
public class CampaignDatabaseRepository implements PanacheRepositoryBase<CampaignDatabase, UUID> {
    /** Any constant of our own: it names the lock of the campaign release among intake's replicas. */
    private static final long RELEASE_LOCK = 0x4a554e4950455231L;

    /** A campaign's databases with their requests, in the order they were listed. */
    public record Entry(CampaignDatabase database, UpgradeRequest request) {
    }

    public List<Entry> of(UUID campaignId) {
        return getEntityManager().createQuery("""
                select d, r from CampaignDatabase d join UpgradeRequest r on r.id = d.requestId
                where d.campaignId = :campaign order by d.position""", Object[].class)
                .setParameter("campaign", campaignId).getResultList().stream()
                .map(row -> new Entry((CampaignDatabase) row[0], (UpgradeRequest) row[1])).toList();
    }

    /** The next database whose backup nobody is copying, locked; other replicas skip it. */
    public Optional<CampaignDatabase> lockNextToPrepare(Instant now) {
        return getEntityManager().createNativeQuery("""
                select d.* from campaign_database d join upgrade_request r on r.id = d.request_id
                where r.state = 'NEW' and (d.claimed_until is null or d.claimed_until < :now)
                order by r.created_at, d.position limit 1 for update of d skip locked""", CampaignDatabase.class)
                .setParameter("now", now).getResultStream().findFirst().map(CampaignDatabase.class::cast);
    }

    /** Checked campaign requests intake still holds back, oldest campaign first. */
    public List<CampaignDatabase> held(int limit) {
        return getEntityManager().createQuery("""
                select d from CampaignDatabase d join UpgradeRequest r on r.id = d.requestId
                join Campaign c on c.id = d.campaignId
                where d.releasedAt is null and r.state = :pending order by c.createdAt, d.position""",
                CampaignDatabase.class).setParameter("pending", RequestState.PENDING).setMaxResults(limit)
                .getResultList();
    }

    /** Test requests published to the test lane and not picked up by a worker yet. */
    public long waitingInTestLane() {
        return ((Number) getEntityManager().createNativeQuery("""
                select count(*) from upgrade_request r where r.state = 'PENDING' and r.purpose = 'TEST'
                and not exists (select 1 from campaign_database d where d.request_id = r.id and d.released_at is null)""")
                .getSingleResult()).longValue();
    }

    /** One replica at a time decides what to release, until its transaction ends; the others skip their turn. */
    public boolean lockRelease() {
        return (Boolean) getEntityManager().createNativeQuery("select pg_try_advisory_xact_lock(:key)")
                .setParameter("key", RELEASE_LOCK).getSingleResult();
    }
}
