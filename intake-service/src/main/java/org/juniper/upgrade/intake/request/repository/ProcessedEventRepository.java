package org.juniper.upgrade.intake.request.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import org.juniper.upgrade.events.CloudEvent;

@ApplicationScoped
public class ProcessedEventRepository implements PanacheRepositoryBase<ProcessedEvent, String> {

    /** Records the event as applied; false when it already was, and the caller must change nothing. */
    public boolean markProcessed(CloudEvent event) {
        int inserted = getEntityManager().createNativeQuery("""
                insert into processed_event (event_id, type, processed_at) values (:id, :type, :at)
                on conflict (event_id) do nothing""")
                .setParameter("id", event.id()).setParameter("type", event.type())
                .setParameter("at", Instant.now()).executeUpdate();
        return inserted == 1;
    }
}
