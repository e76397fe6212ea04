package org.juniper.upgrade.intake.upload.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class BackupUploadRepository implements PanacheRepositoryBase<BackupUpload, UUID> {

    public List<BackupUploadPart> parts(UUID requestId) {
        return getEntityManager().createQuery("from BackupUploadPart where requestId = ?1 order by partNumber",
                BackupUploadPart.class).setParameter(1, requestId).getResultList();
    }

    public void addPart(BackupUploadPart part) {
        getEntityManager().persist(part);
    }

    public void forget(UUID requestId) {
        getEntityManager().createQuery("delete from BackupUploadPart where requestId = ?1").setParameter(1, requestId)
                .executeUpdate();
        deleteById(requestId);
    }
}
