package org.juniper.upgrade.intake.request.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class RequestLogRepository implements PanacheRepository<RequestLogLine> {

    public List<RequestLogLine> lines(UUID requestId) {
        return list("requestId", Sort.by("id"), requestId);
    }

    public int deleteOf(UUID requestId) {
        return (int) delete("requestId", requestId);
    }

    public List<RequestLogLine> linesAfter(UUID requestId, long lastSeenId) {
        return list("requestId = ?1 and id > ?2", Sort.by("id"), requestId, lastSeenId);
    }
}
