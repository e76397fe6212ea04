package org.juniper.upgrade.intake.upload.service;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.UUID;
import org.jboss.logging.Logger;
import org.juniper.erp.JuniperPack;
import org.juniper.upgrade.archive.BackupValidator;
import org.juniper.upgrade.archive.InvalidBackupException;
import org.juniper.upgrade.archive.Sha256;
import org.juniper.upgrade.bindings.objectstore.ArtifactStore;
import org.juniper.upgrade.events.ArtifactKeys;
import org.juniper.upgrade.events.FailureReason;
import org.juniper.upgrade.events.StoredObject;
import org.juniper.upgrade.intake.access.service.Access;
import org.juniper.upgrade.intake.config.IntakeConfig;
import org.juniper.upgrade.intake.refusal.Failure;
import org.juniper.upgrade.intake.refusal.RequestRefusedException;
import org.juniper.upgrade.intake.request.repository.RequestState;
import org.juniper.upgrade.intake.request.repository.UpgradeRequest;
import org.juniper.upgrade.intake.request.repository.UpgradeRequestRepository;

/**
 * A request's backup, whole or assembled from pieces: streamed to the object store and checked on the way, or read
 * back once, then recorded with the request or refused with its reason.
 */
@ApplicationScoped
public class Backups {
    private static final Logger LOG = Logger.getLogger(Backups.class);

    private final UpgradeRequestRepository requests;
    private final Access access;
    private final ArtifactStore store;
    private final UploadsInFlight uploads;
    private final IntakeConfig config;

    Backups(UpgradeRequestRepository requests, Access access, ArtifactStore store, UploadsInFlight uploads,
            IntakeConfig config) {
        this.requests = requests;
        this.access = access;
        this.store = store;
        this.uploads = uploads;
        this.config = config;
    }

    /**
     * Streams the backup to the object store and checks it on the way. A bad backup is refused with its reason; it
     * fails a request that has no accepted backup, and one that has keeps it. Nothing is queued.
     *
     * @param expectedSha256 the checksum the client computed, or null
     */
    public UpgradeRequest store(UUID id, String secret, InputStream body, String expectedSha256) {
        // the request before a place among the uploads: an upload refused for another in flight takes none
        uploads.claim(id, secret);
        try (UploadsInFlight.Slot slot = uploads.enter()) {
            return receiveBackup(id, uploads.renewing(id, body), expectedSha256);
        } finally {
            uploads.release(id);
        }
    }

    /** {@link #store} for a request whose requester has been checked, or that intake made itself. */
    public UpgradeRequest receiveBackup(UUID id, InputStream body, String expectedSha256) {
        String key = newBackupKey(id);
        return settle(id, key, () -> {
            StreamingCheck check = new StreamingCheck();
            StoredObject stored;
            try {
                stored = store.put(key, check.tee(new CappedInputStream(body, config.maxBackupBytes())),
                        "application/octet-stream");
            } finally {
                check.endOfUpload();
            }
            return new Checked(stored, check.verdict());
        }, expectedSha256);
    }

    /**
     * Where an upload goes: an object of its own, so that the accepted backup stays whole until another one has
     * been checked.
     */
    public static String newBackupKey(UUID id) {
        return ArtifactKeys.of(id.toString()).backup() + "-" + UUID.randomUUID();
    }

    /** The request, if the secret is its requester's and it still takes a backup. */
    public UpgradeRequest requireNewFor(UUID id, String secret) {
        UpgradeRequest request = requests.findByIdOptional(id).orElseThrow(RequestRefusedException::notFound);
        access.requireRequester(request, secret);
        request.requireNew("a backup is taken only while it is new", "create a new request for another backup");
        return request;
    }

    /**
     * Reads the backup stored under {@code key} back once: checksum, format, layout, manifest and dump safety.
     * Records it, or refuses it with the reason.
     */
    public UpgradeRequest checkStoredBackup(UUID id, String key, String expectedSha256) {
        return settle(id, key, () -> {
            Sha256 sha = new Sha256();
            BackupValidator.Summary summary;
            try (InputStream in = sha.wrap(store.open(key))) {
                summary = BackupValidator.validate(in, JuniperPack.MODULE_REGISTRY);
                in.transferTo(OutputStream.nullOutputStream());
            }
            StoredObject stored = new StoredObject(key, sha.hex(), sha.size());
            store.recordChecksum(stored);
            return new Checked(stored, summary);
        }, expectedSha256);
    }

    private record Checked(StoredObject stored, BackupValidator.Summary summary) {
    }

    private interface Check {
        Checked run() throws InvalidBackupException, IOException;
    }

    /**
     * Records the backup just stored under {@code key} once {@code check} accepts it, or refuses it. Either way the
     * store keeps one backup of the request: the one it records.
     */
    private UpgradeRequest settle(UUID id, String key, Check check, String expectedSha256) {
        String previous = QuarkusTransaction.requiringNew().call(() -> requests.findByIdOptional(id)
                .map(r -> r.backupKey).orElse(null));
        boolean kept = false;
        try {
            Checked checked = check.run();
            if (expectedSha256 != null && !expectedSha256.equalsIgnoreCase(checked.stored().sha256())) {
                return recordBadBackup(id, FailureReason.BACKUP_CHECKSUM_MISMATCH, "the stored backup has sha256 "
                        + checked.stored().sha256() + " but " + Failure.shown(expectedSha256)
                        + " was announced; the upload was damaged, upload it again");
            }
            UpgradeRequest request = recordBackup(id, checked.stored(), checked.summary());
            kept = key.equals(request.backupKey);
            return request;
        } catch (InvalidBackupException e) {
            return recordBadBackup(id, e.reason(), e.getMessage());
        } catch (IOException e) {
            throw new UncheckedIOException("could not check the backup of " + id, e);
        } finally {
            discard(kept ? previous : key);
        }
    }

    /** Deletes a backup no request holds; one left behind is purged with the request. */
    private void discard(String key) {
        if (key == null) {
            return;
        }
        try {
            store.deleteAll(key);
        } catch (RuntimeException e) {
            LOG.warnf("could not delete %s, left for the purge: %s", key, e.getMessage());
        }
    }

    /** Records a checked backup, if the request still takes one: a start or cancel in between wins. */
    @Transactional
    UpgradeRequest recordBackup(UUID id, StoredObject stored, BackupValidator.Summary summary) {
        UpgradeRequest request = requests.findForUpdate(id).orElseThrow(RequestRefusedException::notFound);
        request.requireNew("a backup is taken only while it is new", "create a new request for another backup");
        String manifestVersion = summary.manifest().map(m -> m.version()).orElse(null);
        if (manifestVersion == null && request.sourceVersion == null) {
            return refuse(request, FailureReason.BACKUP_VERSION_UNKNOWN, "a pg_dump custom-format backup does not "
                    + "say its version; create the request again with sourceVersion");
        }
        if (manifestVersion != null && request.sourceVersion != null && !manifestVersion.equals(request.sourceVersion)) {
            return refuse(request, FailureReason.BACKUP_VERSION_MISMATCH, "the backup is of version " + manifestVersion
                    + " but the request says " + request.sourceVersion + "; create the request with sourceVersion "
                    + manifestVersion + " or upload the right backup");
        }
        String source = manifestVersion != null ? manifestVersion : request.sourceVersion;
        if (Double.parseDouble(source) >= Double.parseDouble(request.targetVersion)) {
            return refuse(request, FailureReason.TARGET_DOWNGRADE, "the backup is already at " + source
                    + "; the target " + request.targetVersion + " must be a newer version");
        }
        request.sourceVersion = source;
        request.backupKey = stored.key();
        request.backupSha256 = stored.sha256();
        request.backupSize = stored.size();
        request.backupFormat = summary.format().code();
        return request;
    }

    @Transactional
    public UpgradeRequest recordBadBackup(UUID id, FailureReason reason, String message) {
        UpgradeRequest request = requests.findForUpdate(id).orElseThrow(RequestRefusedException::notFound);
        request.requireNew("a backup is taken only while it is new", "create a new request for another backup");
        return refuse(request, reason, message);
    }

    /**
     * A refused backup fails a request that has none; one that has an accepted backup keeps it, and only the
     * upload is refused.
     */
    private UpgradeRequest refuse(UpgradeRequest request, FailureReason reason, String message) {
        if (request.backupKey != null) {
            LOG.infof("request %s refused a backup and keeps its own: %s %s", request.id, reason, message);
            throw new RequestRefusedException(422, new Failure(reason.code(), message + "; the request keeps its "
                    + "backup (sha256 " + request.backupSha256 + ")", "a backup made by the database manager or by "
                    + "pg_dump, of the declared version; or start the request with the backup it has"));
        }
        request.state = RequestState.FAILED;
        request.failureReason = reason.code();
        request.failureMessage = message;
        request.finishedAt = Instant.now();
        LOG.infof("request %s refused its backup: %s %s", request.id, reason, message);
        return request;
    }
}
