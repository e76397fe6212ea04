package org.juniper.upgrade.intake.service;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;
import org.jboss.logging.Logger;
import org.juniper.erp.JuniperPack;
import org.juniper.upgrade.archive.BackupValidator;
import org.juniper.upgrade.archive.InvalidBackupException;
import org.juniper.upgrade.archive.Sha256;
import org.juniper.upgrade.bindings.objectstore.ArtifactStore;
import org.juniper.upgrade.events.ArtifactKeys;
import org.juniper.upgrade.events.FailureReason;
import org.juniper.upgrade.events.Purpose;
import org.juniper.upgrade.events.StoredObject;
import org.juniper.upgrade.intake.config.IntakeConfig;
import org.juniper.upgrade.intake.domain.Contract;
import org.juniper.upgrade.intake.domain.RequestState;
import org.juniper.upgrade.intake.domain.UpgradeRequest;
import org.juniper.upgrade.intake.repository.ContractRepository;
import org.juniper.upgrade.intake.repository.UpgradeRequestRepository;

/** The requester's side of a request: create it, hand over the backup, start it, look at it. */
@ApplicationScoped
public class RequestService {
    private static final Logger LOG = Logger.getLogger(RequestService.class);
    /** Bounded before it is matched, and starting where no option or path does ('-x', '..'). */
    private static final Pattern DATABASE = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_.-]{0,62}");
    /** The columns' sizes: longer input is refused before it is looked at. */
    static final int MAX_CONTRACT = 64;
    static final int MAX_EMAIL = 254;
    static final int PRODUCTION_PRIORITY = 10;
    static final int TEST_PRIORITY = 0;

    private final UpgradeRequestRepository requests;
    private final ContractRepository contracts;
    private final TargetCatalog targets;
    private final Access access;
    private final ArtifactStore store;
    private final TestLanePause testLane;
    private final UploadsInFlight uploads;
    private final IntakeConfig config;
    private final RequestStops stops;

    RequestService(UpgradeRequestRepository requests, ContractRepository contracts, TargetCatalog targets,
            Access access, ArtifactStore store, TestLanePause testLane, UploadsInFlight uploads, IntakeConfig config,
            RequestStops stops) {
        this.stops = stops;
        this.requests = requests;
        this.contracts = contracts;
        this.targets = targets;
        this.access = access;
        this.store = store;
        this.testLane = testLane;
        this.uploads = uploads;
        this.config = config;
    }

    public record Created(UpgradeRequest request, String secret) {
    }

    /** A request with a secret of its own. */
    @Transactional
    public Created create(NewRequest ask) {
        return create(ask, null);
    }

    /**
     * A request; with {@code ownerSecret}, the secret of one of the requester's requests, the new one shares it, so
     * that the requester lists them together.
     */
    @Transactional
    public Created create(NewRequest ask, String ownerSecret) {
        if (ownerSecret != null && requests.findBySecret(ownerSecret).isEmpty()) {
            throw unknownSecret();
        }
        List<Failure> failures = new ArrayList<>();
        checkRequester(ask, failures);
        Purpose purpose = purposeOf(ask.purpose(), failures);
        checkVersions(ask.sourceVersion(), ask.targetVersion(), failures);
        // the contract is looked up last, for a request that would otherwise be created: a refusal never tells a
        // known contract from an unknown one at less cost than creating a request
        Contract contract = failures.isEmpty() ? knownContract(ask.contract(), failures) : null;
        if (!failures.isEmpty()) {
            throw new RequestRefusedException(400, failures);
        }
        String secret = ownerSecret != null ? ownerSecret : Secrets.newSecret();
        UpgradeRequest request = new UpgradeRequest();
        request.id = UUID.randomUUID();
        request.contract = contract.code;
        request.project = contract.project;
        request.email = ask.email().trim();
        request.databaseName = ask.database();
        request.sourceVersion = blank(ask.sourceVersion()) ? null : ask.sourceVersion();
        request.targetVersion = ask.targetVersion();
        request.purpose = purpose;
        request.priority = purpose == Purpose.PRODUCTION ? PRODUCTION_PRIORITY : TEST_PRIORITY;
        request.state = RequestState.NEW;
        request.secretHash = Secrets.hash(secret);
        request.createdAt = Instant.now();
        requests.persist(request);
        LOG.infof("request %s created: %s %s -> %s (%s)", request.id, request.databaseName,
                request.sourceVersion == null ? "?" : request.sourceVersion, request.targetVersion, purpose.code());
        return new Created(request, secret);
    }

    /** Adds what is wrong with the address and database name, and a missing contract; not whether it is known. */
    void checkRequester(NewRequest ask, List<Failure> failures) {
        if (blank(ask.contract())) {
            failures.add(new Failure("CONTRACT:MISSING", "no contract given", "your Juniper contract number"));
        }
        if (!isEmail(ask.email())) {
            failures.add(new Failure("EMAIL:INVALID", "'" + Failure.shown(ask.email()) + "' is not an e-mail address"
                    + (ask.email() != null && ask.email().trim().length() > MAX_EMAIL ? " of at most " + MAX_EMAIL
                            + " characters" : ""),
                    "the address that receives the result, e.g. it@example.com, at most " + MAX_EMAIL
                            + " characters"));
        }
        if (ask.database() == null || ask.database().length() > 63 || !DATABASE.matcher(ask.database()).matches()) {
            failures.add(new Failure("DATABASE:INVALID", "'" + Failure.shown(ask.database())
                    + "' is not a database name",
                    "1 to 63 letters, digits, '_', '.' or '-', the first a letter, digit or '_'"));
        }
    }

    /**
     * The contract of that code, or null with the one refusal for every code that is not known, whether it is
     * unknown or could not be stored at all (too long, a NUL in it); null without a refusal when none is given.
     */
    Contract knownContract(String code, List<Failure> failures) {
        if (blank(code)) {
            return null;
        }
        String trimmed = code.trim();
        Contract contract = StoredText.fits(trimmed, MAX_CONTRACT)
                ? contracts.findByIdOptional(trimmed).orElse(null) : null;
        if (contract == null) {
            failures.add(new Failure("CONTRACT:NOT_FOUND", "no contract '" + Failure.shown(code) + "' is known",
                    "the contract number of your Juniper subscription, at most " + MAX_CONTRACT + " characters"));
        }
        return contract;
    }

    /**
     * One '@' between a local part and a domain with a dot inside it, no blank nor control character: checked in one
     * pass over an address of bounded length.
     */
    static boolean isEmail(String address) {
        if (address == null) {
            return false;
        }
        String a = address.trim();
        int at = a.indexOf('@');
        if (a.length() > MAX_EMAIL || at < 1 || at != a.lastIndexOf('@')) {
            return false;
        }
        int dot = a.lastIndexOf('.');
        if (dot <= at + 1 || dot == a.length() - 1) {
            return false;
        }
        return a.chars().noneMatch(c -> Character.isWhitespace(c) || Character.isISOControl(c));
    }

    static Failure testInProgress(String database) {
        return new Failure("REQUEST:TEST_IN_PROGRESS", "a test upgrade of '" + database + "' is already queued or "
                + "running", "wait until it is done, or cancel it first");
    }

    /**
     * Streams the backup to the object store and checks it on the way. A bad backup is refused with its reason; it
     * fails a request that has no accepted backup, and one that has keeps it. Nothing is queued.
     *
     * @param expectedSha256 the checksum the client computed, or null
     */
    public UpgradeRequest storeBackup(UUID id, String secret, InputStream body, String expectedSha256) {
        // the request before a place among the uploads: an upload refused for another in flight takes none
        uploads.claim(id, secret);
        try (UploadsInFlight.Slot slot = uploads.enter()) {
            return receiveBackup(id, uploads.renewing(id, body), expectedSha256);
        } finally {
            uploads.release(id);
        }
    }

    /** {@link #storeBackup} for a request whose requester has been checked, or that intake made itself. */
    UpgradeRequest receiveBackup(UUID id, InputStream body, String expectedSha256) {
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
    static String newBackupKey(UUID id) {
        return ArtifactKeys.of(id.toString()).backup() + "-" + UUID.randomUUID();
    }

    /** The request, if the secret is its requester's and it still takes a backup. */
    public UpgradeRequest requireNewFor(UUID id, String secret) {
        UpgradeRequest request = requests.findByIdOptional(id).orElseThrow(RequestRefusedException::notFound);
        access.requireRequester(request, secret);
        requireNew(request, "a backup is taken only while it is new", "create a new request for another backup");
        return request;
    }

    /** Refuses a request that has left {@code new}, saying what only a new request takes. */
    static void requireNew(UpgradeRequest request, String rule, String expected) {
        if (request.state != RequestState.NEW) {
            throw new RequestRefusedException(409, new Failure("REQUEST:NOT_NEW",
                    "the request is " + request.state.code() + "; " + rule, expected));
        }
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
        requireNew(request, "a backup is taken only while it is new", "create a new request for another backup");
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
    UpgradeRequest recordBadBackup(UUID id, FailureReason reason, String message) {
        UpgradeRequest request = requests.findForUpdate(id).orElseThrow(RequestRefusedException::notFound);
        requireNew(request, "a backup is taken only while it is new", "create a new request for another backup");
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

    /** Queues a request whose backup is stored and checked. */
    @Transactional
    public UpgradeRequest start(UUID id, String secret) {
        UpgradeRequest request = authorized(id, secret);
        if (request.state == RequestState.PENDING || request.state == RequestState.PROGRESS) {
            return request;
        }
        UploadsInFlight.requireNoneInFlight(request, "a backup upload is in flight; the request starts with the "
                + "backup it brings", "start once the upload has been answered");
        if (request.state != RequestState.NEW || request.backupKey == null) {
            throw new RequestRefusedException(409, new Failure("REQUEST:NO_BACKUP",
                    request.state == RequestState.NEW ? "the backup has not been uploaded yet"
                            : "the request is " + request.state.code() + " and cannot start",
                    "upload the backup with PUT /api/v1/requests/" + id + "/backup, then start"));
        }
        if (request.purpose == Purpose.TEST) {
            requests.lockStartsOf(request.contract, request.databaseName);
            if (requests.testInProgress(request.contract, request.databaseName).isPresent()) {
                throw new RequestRefusedException(409, testInProgress(request.databaseName));
            }
        }
        request.startAttempt(Instant.now());
        testLane.queue(request);
        LOG.infof("request %s queued (attempt %s)", id, request.attempt);
        return request;
    }

    /** The request, for its requester or a branch of its project. */
    @Transactional
    public UpgradeRequest find(UUID id, String credential) {
        UpgradeRequest request = requests.findByIdOptional(id).orElseThrow(RequestRefusedException::notFound);
        access.requireReader(request, credential);
        return request;
    }

    /** The requests created with this secret: the requester's own, and nobody else's whatever they share. */
    @Transactional
    public List<UpgradeRequest> listOwn(String secret) {
        requests.findBySecret(secret).orElseThrow(RequestService::unknownSecret);
        return requests.createdWith(Secrets.hash(secret));
    }

    private static RequestRefusedException unknownSecret() {
        return new RequestRefusedException(401, new Failure("REQUEST:UNAUTHORIZED", "the secret matches no request",
                "the secret of one of your requests as 'Authorization: Bearer <secret>'"));
    }

    /**
     * Cancels the requester's own request: a test request until it has ended, a production request until it runs
     * (a production run is stopped by operations, who know what the live database needs meanwhile).
     */
    public UpgradeRequest cancel(UUID id, String secret) {
        return stops.stop(id, RequestStops.BY_REQUESTER, "cancelled by the requester", request -> {
            access.requireRequester(request, secret);
            boolean runningProduction = request.purpose == Purpose.PRODUCTION && request.state == RequestState.PROGRESS;
            if (runningProduction || request.state.isTerminal() && request.state != RequestState.CANCELLED) {
                throw new RequestRefusedException(409, new Failure("REQUEST:NOT_CANCELLABLE",
                        "the request is " + (runningProduction ? "a production upgrade that is running"
                                : request.state.code()), "a request that has not ended; a running production "
                                + "upgrade is stopped by the upgrade team on demand"));
            }
        });
    }

    private UpgradeRequest authorized(UUID id, String secret) {
        UpgradeRequest request = requests.findForUpdate(id).orElseThrow(RequestRefusedException::notFound);
        access.requireRequester(request, secret);
        return request;
    }

    private Purpose purposeOf(String code, List<Failure> failures) {
        if (blank(code)) {
            return Purpose.TEST;
        }
        try {
            return Purpose.ofCode(code);
        } catch (IllegalArgumentException e) {
            failures.add(new Failure("PURPOSE:INVALID", "'" + Failure.shown(code) + "' is not a purpose",
                    "test or production"));
            return Purpose.TEST;
        }
    }

    void checkVersions(String source, String target, List<Failure> failures) {
        List<String> open = targets.openTargets();
        if (!targets.isKnown(target)) {
            failures.add(new Failure("TARGET:INVALID", "'" + Failure.shown(target) + "' is not a Juniper version",
                    "one of " + open));
            return;
        }
        if (!open.contains(target)) {
            failures.add(new Failure("TARGET:NOT_OPEN", "upgrades to " + target + " are not open",
                    "one of " + open));
        }
        if (!blank(source)) {
            if (!targets.isKnown(source)) {
                failures.add(new Failure("SOURCE:INVALID", "'" + Failure.shown(source) + "' is not a Juniper version",
                        "one of " + config.knownVersions() + ", or leave it out to take it from the backup"));
            } else if (Double.parseDouble(source) >= Double.parseDouble(target)) {
                failures.add(new Failure("TARGET:DOWNGRADE", "the target " + target + " is not above the source "
                        + source, "a target version newer than " + source));
            }
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
