package org.juniper.upgrade.intake.request.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

@ApplicationScoped
public class OpenTargetRepository implements PanacheRepositoryBase<OpenTarget, String> {

    public List<String> versions() {
        return listAll(Sort.by("version")).stream().map(t -> t.version).toList();
    }
}
