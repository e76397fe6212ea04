package org.juniper.upgrade.intake.service;

import io.minio.messages.Part;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jboss.logging.Logger;
import org.juniper.upgrade.bindings.objectstore.ArtifactStore;
import org.juniper.upgrade.events.ArtifactKeys;
import org.juniper.upgrade.intake.config.IntakeConfig;
import org.juniper.upgrade.intake.domain.BackupUpload;
import org.juniper.upgrade.intake.domain.BackupUploadPart;
import org.juniper.upgrade.intake.domain.UpgradeRequest;
import org.juniper.upgrade.intake.repository.BackupUploadRepository;

/**
 * A backup sent in pieces, resumable after a dropped connection. The backup becomes an S3 multipart upload; each
 * part is stored and recorded as soon as it is complete, so what has arrived survives any disconnection and the
 * client asks for the offset to continue from. A part that a connection cut short is dropped and sent again.
 * Memory per upload in flight: one part.
 */
@ApplicationScoped
public class ResumableUploads {
    private static final Logger LOG = Logger.getLogger(ResumableUploads.class);
    /** S3 wants at least 5 MiB in every part but the last. */
    public static final int PART_SIZE = 8 * 1024 * 1024;

    private final RequestService requests;
    private final BackupUploadRepository uploads;
    private final ArtifactStore store;
    private final IntakeConfig config;

    ResumableUploads(RequestService requests, BackupUploadRepository uploads, ArtifactStore store,
            IntakeConfig config) {
        this.requests = requests;
        this.uploads = uploads;
        this.store = store;
        this.config = config;
    }

    /**
     * How far an upload has come; {@code request} is set once the backup is complete and checked.
     *
     * @param length the announced total, -1 when no upload has started
     */
    public record Progress(long offset, long length, UpgradeRequest request) {
    }

    public Progress progress(UUID id, String secret) {
        UpgradeRequest request = requests.requireNewFor(id, secret);
        if (request.backupKey != null) {
            return new Progress(request.backupSize, request.backupSize, request);
        }
        return QuarkusTransaction.requiringNew().call(() -> uploads.findByIdOptional(id)
                .map(u -> new Progress(arrived(id), u.totalLength, null)).orElse(new Progress(0, -1, null)));
    }

    /**
     * Appends {@code body} at {@code offset}. The first piece announces the total length; the last one may carry the
     * expected sha256, checked when the backup is read back.
     */
    public Progress append(UUID id, String secret, long offset, Long announcedLength, String expectedSha256,
            InputStream body) throws IOException {
        if (requests.requireNewFor(id, secret).backupKey != null) {
            throw new RequestRefusedException(409, new Failure("REQUEST:BACKUP_STORED", "the backup of this request is "
                    + "already stored and checked", "start the request, or create a new one for another backup"));
        }
        String key = ArtifactKeys.of(id.toString()).backup();
        BackupUpload upload = QuarkusTransaction.requiringNew().call(() -> uploads.findByIdOptional(id)
                .orElseGet(() -> start(id, key, announcedLength)));
        long arrived = QuarkusTransaction.requiringNew().call(() -> arrived(id));
        if (offset != arrived) {
            throw new RequestRefusedException(409, new Failure("UPLOAD:OFFSET_MISMATCH", "the upload continues at "
                    + "byte " + arrived + ", not " + offset, "Upload-Offset: " + arrived + " (ask with HEAD)"));
        }
        byte[] buffer = new byte[PART_SIZE];
        int partNumber = QuarkusTransaction.requiringNew().call(() -> uploads.parts(id).size()) + 1;
        while (arrived < upload.totalLength) {
            int wanted = (int) Math.min(PART_SIZE, upload.totalLength - arrived);
            int n = body.readNBytes(buffer, 0, wanted);
            if (n < wanted) {
                // the connection ended inside a part: it is sent again from the offset the client asks for
                break;
            }
            storePart(id, key, upload.uploadId, partNumber++, buffer, n);
            arrived += n;
        }
        if (arrived < upload.totalLength) {
            return new Progress(arrived, upload.totalLength, null);
        }
        List<Part> parts = QuarkusTransaction.requiringNew().call(() -> uploads.parts(id).stream()
                .map(p -> new Part(p.partNumber, p.etag)).toList());
        store.completeMultipart(key, upload.uploadId, parts);
        QuarkusTransaction.requiringNew().run(() -> uploads.forget(id));
        LOG.infof("request %s: resumable upload of %d bytes complete", id, arrived);
        return new Progress(arrived, upload.totalLength, requests.checkStoredBackup(id, key, expectedSha256));
    }

    /** Drops the request's unfinished resumable upload, if it has one, and the parts stored of it. */
    public void abandon(UUID id) {
        QuarkusTransaction.requiringNew().run(() -> uploads.findByIdOptional(id).ifPresent(upload -> {
            store.abortMultipart(ArtifactKeys.of(id.toString()).backup(), upload.uploadId);
            uploads.forget(id);
            LOG.infof("request %s: unfinished resumable upload aborted", id);
        }));
    }

    private BackupUpload start(UUID id, String key, Long announcedLength) {
        if (announcedLength == null || announcedLength <= 0) {
            throw new RequestRefusedException(400, new Failure("UPLOAD:LENGTH_MISSING", "the first piece of a "
                    + "resumable upload must announce the backup's size", "Upload-Length: <total bytes>"));
        }
        if (announcedLength > config.maxBackupBytes()) {
            throw new RequestRefusedException(413, new Failure("BACKUP:TOO_LARGE", "the backup is larger than "
                    + config.maxBackupBytes() + " bytes", "a backup of at most " + config.maxBackupBytes() + " bytes"));
        }
        BackupUpload upload = new BackupUpload();
        upload.requestId = id;
        upload.uploadId = store.startMultipart(key);
        upload.totalLength = announcedLength;
        upload.createdAt = Instant.now();
        uploads.persist(upload);
        return upload;
    }

    private void storePart(UUID id, String key, String uploadId, int partNumber, byte[] data, int length) {
        String etag = store.uploadPart(key, uploadId, partNumber, data, length);
        QuarkusTransaction.requiringNew().run(() -> {
            BackupUploadPart part = new BackupUploadPart();
            part.requestId = id;
            part.partNumber = partNumber;
            part.etag = etag;
            part.size = length;
            uploads.addPart(part);
        });
    }

    private long arrived(UUID id) {
        return uploads.parts(id).stream().mapToLong(p -> p.size).sum();
    }
}
