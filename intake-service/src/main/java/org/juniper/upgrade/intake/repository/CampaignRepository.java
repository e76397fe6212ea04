package org.juniper.upgrade.intake.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;
import org.juniper.upgrade.intake.domain.Campaign;

@ApplicationScoped
public class CampaignRepository implements PanacheRepositoryBase<Campaign, UUID> {

    public List<Campaign> newestFirst() {
        return listAll(Sort.by("createdAt").descending());
    }
}
