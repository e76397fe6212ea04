package org.juniper.upgrade.intake.operations.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

@ApplicationScoped
public class DeadLetterRepository implements PanacheRepository<DeadLetter> {

    /** Records the dead letter once; false when this record of the dead-letter topic was recorded before. */
    public boolean record(DeadLetter letter) {
        if (count("part = ?1 and record = ?2", letter.part, letter.record) > 0) {
            return false;
        }
        persist(letter);
        return true;
    }

    /** The newest first; those already replayed only when asked. */
    public List<DeadLetter> latest(boolean withReplayed, int limit) {
        return (withReplayed ? findAll(Sort.by("id").descending())
                : find("replayedAt is null", Sort.by("id").descending())).page(0, limit).list();
    }
}
