package org.juniper.upgrade.intake.upload.repository;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.util.UUID;

/** One stored part of a resumable upload; the parts' sizes add up to how much has arrived. */
@Entity
@Table(name = "backup_upload_part")
@IdClass(BackupUploadPart.Key.class)
public class BackupUploadPart {
    @Id
    @Column(name = "request_id")
    public UUID requestId;
    @Id
    @Column(name = "part_number")
    public int partNumber;
    public String etag;
    public long size;

    public record Key(UUID requestId, int partNumber) implements Serializable {
        public Key() {
            this(null, 0);
        }
    }
}
