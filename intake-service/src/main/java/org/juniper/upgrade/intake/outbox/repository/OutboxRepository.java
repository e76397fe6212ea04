package org.juniper.upgrade.intake.outbox.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class OutboxRepository implements PanacheRepositoryBase<OutboxEvent, UUID> {

    /**
     * The oldest unpublished events, locked; other intake replicas skip them instead of publishing them twice.
     */
    @SuppressWarnings("unchecked")
    public List<OutboxEvent> lockPending(int limit) {
        return getEntityManager().createNativeQuery("""
                select * from outbox_event where published_at is null
                order by created_at, id limit :limit for update skip locked""", OutboxEvent.class)
                .setParameter("limit", limit).getResultList();
    }

    public long countPending() {
        return count("publishedAt is null");
    }
}
