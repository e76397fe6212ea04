package org.juniper.upgrade.intake.upload.service;

import io.minio.messages.Part;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.jboss.logging.Logger;
import org.juniper.upgrade.bindings.objectstore.ArtifactStore;
import org.juniper.upgrade.intake.config.IntakeConfig;
import org.juniper.upgrade.intake.refusal.Failure;
import org.juniper.upgrade.intake.refusal.RequestRefusedException;
import org.juniper.upgrade.intake.request.repository.UpgradeRequest;
import org.juniper.upgrade.intake.upload.repository.BackupUpload;
import org.juniper.upgrade.intake.upload.repository.BackupUploadPart;
import org.juniper.upgrade.intake.upload.repository.BackupUploadRepository;

/**
 * A backup sent in pieces, resumable after a dropped connection. The backup becomes an S3 multipart upload; each
 * part is stored and recorded as soon as it is complete, so what has arrived survives any disconnection and the
 * client asks for the offset to continue from. A part that a connection cut short is dropped and sent again.
 * Memory per upload in flight: at most one part, taken as its bytes arrive.
 */
@ApplicationScoped
public class ResumableUploads {
    private static final Logger LOG = Logger.getLogger(ResumableUploads.class);
    /** S3 wants at least 5 MiB in every part but the last. */
    public static final int PART_SIZE = 8 * 1024 * 1024;

    private final Backups backups;
    private final BackupUploadRepository uploads;
    private final UploadsInFlight inFlight;
    private final ArtifactStore store;
    private final IntakeConfig config;

    ResumableUploads(Backups backups, BackupUploadRepository uploads, UploadsInFlight inFlight,
            ArtifactStore store, IntakeConfig config) {
        this.backups = backups;
        this.uploads = uploads;
        this.inFlight = inFlight;
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

    /** An unfinished upload first: one created over an accepted backup replaces it once accepted itself. */
    public Progress progress(UUID id, String secret) {
        UpgradeRequest request = backups.requireNewFor(id, secret);
        return QuarkusTransaction.requiringNew().call(() -> uploads.findByIdOptional(id)
                .map(u -> new Progress(arrived(id), u.totalLength, null))
                .orElse(request.backupKey != null ? new Progress(request.backupSize, request.backupSize, request)
                        : new Progress(0, -1, null)));
    }

    /**
     * Starts an upload of {@code announcedLength} bytes (tus creation), dropping the request's unfinished one: a
     * client that creates again starts over. An accepted backup stays until the new one is accepted.
     */
    public void create(UUID id, String secret, Long announcedLength) {
        inFlight.claim(id, secret);
        try {
            long total = checkedLength(announcedLength);
            abandon(id);
            QuarkusTransaction.requiringNew().run(() -> start(id, total));
        } finally {
            inFlight.release(id);
        }
    }

    /** Ends the request's unfinished upload and drops what arrived of it (tus termination); a backup accepted stays. */
    public void terminate(UUID id, String secret) {
        inFlight.claim(id, secret);
        try {
            if (!QuarkusTransaction.requiringNew().call(() -> uploads.findByIdOptional(id).isPresent())) {
                throw noUpload();
            }
            abandon(id);
        } finally {
            inFlight.release(id);
        }
    }

    public static RequestRefusedException noUpload() {
        return new RequestRefusedException(404, new Failure("UPLOAD:NOT_FOUND", "the request has no unfinished "
                + "upload", "create one with POST and Upload-Length (tus creation)"));
    }

    /**
     * Appends {@code body} at {@code offset}. The first piece announces the total length; the last one may carry the
     * expected sha256, checked when the backup is read back. Pieces of one request are taken one at a time; a piece
     * that is refused records nothing.
     *
     * @param pieceLength the piece's Content-Length, or null when it comes in chunks
     * @param checksum the piece's own, or null: a piece that has one counts whole or not at all
     * @param created whether the upload must have been created first (tus): the first piece does not start one
     */
    public Progress append(UUID id, String secret, long offset, Long announcedLength, Long pieceLength,
            String expectedSha256, PieceChecksum checksum, boolean created, InputStream body) {
        // the request before a place among the uploads: a piece refused for another in flight takes none
        UpgradeRequest request = inFlight.claim(id, secret);
        try (UploadsInFlight.Slot slot = inFlight.enter()) {
            BackupUpload existing = QuarkusTransaction.requiringNew().call(() -> uploads.findByIdOptional(id)
                    .orElse(null));
            if (existing == null && request.backupKey != null) {
                throw new RequestRefusedException(409, new Failure("REQUEST:BACKUP_STORED", "the backup of this "
                        + "request is already stored and checked", "start the request, create a new upload to "
                        + "replace it, or create a new request for another backup"));
            }
            if (existing == null && created) {
                throw noUpload();
            }
            return appendClaimed(id, existing, offset, announcedLength, pieceLength, expectedSha256, checksum,
                    inFlight.renewing(id, body));
        } finally {
            inFlight.release(id);
        }
    }

    private Progress appendClaimed(UUID id, BackupUpload existing, long offset, Long announcedLength,
            Long pieceLength, String expectedSha256, PieceChecksum checksum, InputStream piece) {
        long arrived = existing == null ? 0 : QuarkusTransaction.requiringNew().call(() -> arrived(id));
        if (offset != arrived) {
            throw new RequestRefusedException(409, new Failure("UPLOAD:OFFSET_MISMATCH", "the upload continues at "
                    + "byte " + arrived + ", not " + offset, "Upload-Offset: " + arrived + " (ask with HEAD)"));
        }
        long total = existing != null ? existing.totalLength : checkedLength(announcedLength);
        if (existing != null && announcedLength != null && announcedLength != total) {
            throw new RequestRefusedException(409, new Failure("UPLOAD:LENGTH_CHANGED", "the upload was announced "
                    + "with " + total + " bytes, not " + announcedLength, "Upload-Length: " + total
                    + ", or no Upload-Length after the first piece"));
        }
        if (pieceLength != null) {
            checkPieceLength(offset, pieceLength, total);
        }
        BackupUpload upload = existing != null ? existing
                : QuarkusTransaction.requiringNew().call(() -> start(id, total));
        PartBuffer buffer = new PartBuffer();
        MessageDigest digest = checksum == null ? null : checksum.digest();
        InputStream body = digest == null ? piece : new DigestInputStream(piece, digest);
        // the parts of a piece with a checksum are stored as they come and recorded once it matches
        List<BackupUploadPart> unchecked = new ArrayList<>();
        int partNumber = QuarkusTransaction.requiringNew().call(() -> uploads.parts(id).size()) + 1;
        while (arrived < total) {
            int wanted = (int) Math.min(PART_SIZE, total - arrived);
            int n;
            try {
                n = buffer.fill(body, wanted);
            } catch (IOException e) {
                // the connection broke: what is stored stays, the client continues from the offset HEAD gives
                LOG.debugf("request %s: a piece ended early: %s", id, e.getMessage());
                return new Progress(digest == null ? arrived : offset, total, null);
            }
            if (n < wanted) {
                if (pieceLength == null && n > 0) {
                    throw shortPiece(arrived, total);
                }
                // the piece ended where its Content-Length said it would not: the connection broke inside a part
                break;
            }
            BackupUploadPart part = storePart(id, upload.objectKey, upload.uploadId, partNumber++, buffer.bytes, n);
            if (digest == null) {
                QuarkusTransaction.requiringNew().run(() -> uploads.addPart(part));
            } else {
                unchecked.add(part);
            }
            arrived += n;
        }
        if (digest != null) {
            if (pieceLength != null && arrived != offset + pieceLength) {
                // cut off: a piece with a checksum counts whole or not at all
                return new Progress(offset, total, null);
            }
            checksum.require(digest, offset);
            QuarkusTransaction.requiringNew().run(() -> unchecked.forEach(uploads::addPart));
        }
        if (arrived < total) {
            return new Progress(arrived, total, null);
        }
        List<Part> parts = QuarkusTransaction.requiringNew().call(() -> uploads.parts(id).stream()
                .map(p -> new Part(p.partNumber, p.etag)).toList());
        store.completeMultipart(upload.objectKey, upload.uploadId, parts);
        QuarkusTransaction.requiringNew().run(() -> uploads.forget(id));
        LOG.infof("request %s: resumable upload of %d bytes complete", id, arrived);
        return new Progress(arrived, total, backups.checkStoredBackup(id, upload.objectKey, expectedSha256));
    }

    /** Drops the request's unfinished resumable upload, if it has one, and the parts stored of it. */
    public void abandon(UUID id) {
        QuarkusTransaction.requiringNew().run(() -> uploads.findByIdOptional(id).ifPresent(upload -> {
            store.abortMultipart(upload.objectKey, upload.uploadId);
            uploads.forget(id);
            LOG.infof("request %s: unfinished resumable upload aborted", id);
        }));
    }

    private long checkedLength(Long announcedLength) {
        if (announcedLength == null || announcedLength <= 0) {
            throw new RequestRefusedException(400, new Failure("UPLOAD:LENGTH_MISSING", "a resumable upload "
                    + "announces the backup's size when it starts", "Upload-Length: <total bytes>"));
        }
        if (announcedLength > config.maxBackupBytes()) {
            throw new RequestRefusedException(413, new Failure("BACKUP:TOO_LARGE", "the backup is larger than "
                    + config.maxBackupBytes() + " bytes", "a backup of at most " + config.maxBackupBytes() + " bytes"));
        }
        return announcedLength;
    }

    /** Every piece but the last is a whole number of parts: a part cut short would have to be sent again. */
    private static void checkPieceLength(long offset, long pieceLength, long total) {
        if (offset + pieceLength > total) {
            throw new RequestRefusedException(400, new Failure("UPLOAD:PAST_END", "the piece ends at byte "
                    + (offset + pieceLength) + ", past the announced " + total, "a piece of at most "
                    + (total - offset) + " bytes from Upload-Offset " + offset));
        }
        if (offset + pieceLength < total && pieceLength % PART_SIZE != 0) {
            throw shortPiece(offset, total);
        }
    }

    private static RequestRefusedException shortPiece(long offset, long total) {
        return new RequestRefusedException(400, new Failure("UPLOAD:SHORT_PIECE", "a piece other than the last "
                + "must be a whole number of parts of " + PART_SIZE + " bytes", "a piece of a multiple of "
                + PART_SIZE + " bytes, or the rest of the backup (" + (total - offset) + " bytes from Upload-Offset "
                + offset + ")"));
    }

    private BackupUpload start(UUID id, long total) {
        BackupUpload upload = new BackupUpload();
        upload.requestId = id;
        upload.objectKey = Backups.newBackupKey(id);
        upload.uploadId = store.startMultipart(upload.objectKey);
        upload.totalLength = total;
        upload.createdAt = Instant.now();
        uploads.persist(upload);
        return upload;
    }

    /** A part's bytes, in a buffer that grows only as they arrive: a slow client holds what it sent, not a part. */
    private static final class PartBuffer {
        private static final int FIRST = 64 * 1024;
        private byte[] bytes = new byte[FIRST];

        /** Reads up to {@code wanted} bytes; fewer only at the end of the body. */
        int fill(InputStream in, int wanted) throws IOException {
            int n = 0;
            while (n < wanted) {
                if (n == bytes.length) {
                    bytes = Arrays.copyOf(bytes, Math.min(wanted, bytes.length * 2));
                }
                int read = in.read(bytes, n, Math.min(bytes.length, wanted) - n);
                if (read < 0) {
                    break;
                }
                n += read;
            }
            return n;
        }
    }

    /** Stores a part; it counts once recorded. One stored again under its number replaces it. */
    private BackupUploadPart storePart(UUID id, String key, String uploadId, int partNumber, byte[] data,
            int length) {
        BackupUploadPart part = new BackupUploadPart();
        part.requestId = id;
        part.partNumber = partNumber;
        part.etag = store.uploadPart(key, uploadId, partNumber, data, length);
        part.size = length;
        return part;
    }

    private long arrived(UUID id) {
        return uploads.parts(id).stream().mapToLong(p -> p.size).sum();
    }
}
