package org.juniper.upgrade.intake.upload.repository;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A resumable backup upload in progress. */
@Entity
@Table(name = "backup_upload")
public class BackupUpload {
    @Id
    @Column(name = "request_id")
    public UUID requestId;
    @Column(name = "upload_id")
    public String uploadId;
    /** The object the parts make, recorded as the request's backup once it is complete and checked. */
    @Column(name = "object_key")
    public String objectKey;
    @Column(name = "total_length")
    public long totalLength;
    @Column(name = "created_at")
    public Instant createdAt;
}
