package org.juniper.upgrade.worker.service;

import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.jboss.logging.Logger;
import org.juniper.erp.CustomScripts;
import org.juniper.erp.InvalidScriptsException;
import org.juniper.erp.JuniperPack;
import org.juniper.upgrade.archive.ArchiveLayout;
import org.juniper.upgrade.archive.BackupArchiveReader;
import org.juniper.upgrade.archive.BackupArchiveWriter;
import org.juniper.upgrade.archive.InvalidBackupException;
import org.juniper.upgrade.archive.Manifest;
import org.juniper.upgrade.archive.Sha256;
import org.juniper.upgrade.bindings.messaging.EventPublisher;
import org.juniper.upgrade.bindings.objectstore.ArtifactStore;
import org.juniper.upgrade.bindings.objectstore.ObjectStoreException;
import org.juniper.upgrade.bindings.objectstore.MissingArtifactException;
import org.juniper.upgrade.events.ArtifactKeys;
import org.juniper.upgrade.events.CloudEvents;
import org.juniper.upgrade.events.DumpUpgraded;
import org.juniper.upgrade.events.FailureReason;
import org.juniper.upgrade.events.StoredObject;
import org.juniper.upgrade.events.UpgradeFacts;
import org.juniper.upgrade.events.UpgradeFailed;
import org.juniper.upgrade.events.UpgradeRequested;
import org.juniper.upgrade.worker.config.WorkerConfig;
import org.juniper.upgrade.worker.scratch.ScratchDatabase;
import org.juniper.upgrade.worker.scratch.ScratchDatabases;
import org.juniper.upgrade.worker.scratch.ScratchFailure;

/**
 * One upgrade run of an attempt: restore the backup into a scratch database, upgrade it hop by hop, dump it, store
 * the archive and the facts, announce it. An attempt whose archive already exists is announced again, not redone.
 * Failures of the customer's data end the attempt with a reason; failures of the platform (store, broker, scratch
 * cluster) are thrown as {@link PlatformFault}s for the attempt to be run again. Nothing is published, and no archive
 * completed, unless the run's claim still holds.
 */
@ApplicationScoped
public class UpgradeRun {
    private static final Logger LOG = Logger.getLogger(UpgradeRun.class);

    private final ArtifactStore store;
    private final EventPublisher publisher;
    private final ScratchDatabases scratch;
    private final UpgradeEngine engine;
    private final WorkerConfig config;
    private final RunMetrics metrics;
    private final JuniperPack pack;

    UpgradeRun(ArtifactStore store, EventPublisher publisher, ScratchDatabases scratch, UpgradeEngine engine,
            WorkerConfig config, RunMetrics metrics, JuniperPack pack) {
        this.store = store;
        this.publisher = publisher;
        this.scratch = scratch;
        this.engine = engine;
        this.config = config;
        this.metrics = metrics;
        this.pack = pack;
    }

    /**
     * Runs the attempt to its outcome and publishes it; true when it was upgraded, false when it failed on the
     * customer's data.
     *
     * @throws RunCancelled when the run was told to end early
     * @throws PlatformFault when the platform failed it
     */
    public boolean handle(ClaimedRun run) throws Exception {
        UpgradeRequested request = run.request();
        ArtifactKeys.AttemptKeys keys = ArtifactKeys.of(request.requestId()).attempt(run.attempt());
        RunLog log = run.log();
        Optional<StoredObject> existing = store.find(keys.upgraded());
        if (existing.isPresent()) {
            UpgradeFacts facts = CloudEvents.json().readValue(store.readAllBytes(keys.facts()), UpgradeFacts.class);
            if (facts.backup().sha256().equals(request.backup().sha256())) {
                LOG.infof("attempt %s of request %s was already upgraded; announcing it again", run.attempt(),
                        request.requestId());
                run.requireHeld();
                publisher.publish(announcement(run, existing.get(), facts));
                return true;
            }
        }
        Path work = Path.of(config.workDir(), folderOf(run.attempt(), run.claim().run()));
        deleteRecursively(work);
        Files.createDirectories(work);
        ScratchDatabase db = scratch.create(run.attempt(), run.claim().run());
        try (AutoCloseable running = metrics.started(request.purpose());
                ArtifactStore.Upload upload = store.upload(keys.upgraded(), "application/zip")) {
            UpgradeFacts facts;
            try {
                facts = upgrade(run, db, work, log, upload);
                run.requireHeld();
            } catch (RunCancelled e) {
                throw e;
            } catch (Exception e) {
                run.check();
                ScratchFailure failure = customersFault(e, db);
                if (failure == null) {
                    throw PlatformFault.of(e);
                }
                fail(run, failure.reason(), failure.getMessage());
                return false;
            }
            StoredObject archive = upload.complete();
            metrics.finished(facts);
            // the facts before the checksum record that marks the archive complete: a complete archive has its facts
            store.put(keys.facts(), CloudEvents.toJson(facts).getBytes(java.nio.charset.StandardCharsets.UTF_8),
                    "application/json");
            store.recordChecksum(archive);
            log.line("store", "upgraded archive stored (" + archive.size() + " bytes, sha256 " + archive.sha256()
                    + ")");
            store.put(keys.log(), log.bytes(), "text/plain; charset=utf-8");
            run.requireHeld();
            publisher.publish(announcement(run, archive, facts));
            return true;
        } finally {
            db.drop();
            deleteRecursively(work);
        }
    }

    /**
     * The customer's failure behind {@code e}, or null when the platform failed: a statement stopped for outliving
     * its timeout, then what the backup or the scripts caused, unless PostgreSQL's message says the cluster failed.
     */
    private static ScratchFailure customersFault(Exception e, ScratchDatabase db) {
        Optional<ScratchFailure> timedOut = db.timedOut();
        if (timedOut.isPresent()) {
            return timedOut.get();
        }
        if (e instanceof ScratchFailure f) {
            return PlatformFault.isToolMessage(f.getMessage()) ? null : f;
        }
        if (e instanceof InvalidBackupException invalid) {
            return new ScratchFailure(invalid.reason(), invalid.getMessage());
        }
        if (e instanceof MissingArtifactException missing) {
            return new ScratchFailure(FailureReason.ARTIFACT_MISSING, "the backup is gone from the store ("
                    + missing.getMessage() + "); upload it again in a new request");
        }
        return null;
    }

    /**
     * Ends the attempt with {@code reason}: the log is stored and the failure published, once the claim is known to
     * hold. A failure that cannot be published is thrown, so that the attempt stays queued.
     */
    public void fail(ClaimedRun run, FailureReason reason, String message) throws Exception {
        UpgradeRequested request = run.request();
        LOG.infof("attempt %s of request %s failed: %s %s", run.attempt(), request.requestId(), reason, message);
        run.requireHeld();
        RunLog log = run.log();
        log.last("failed", message);
        try {
            store.put(ArtifactKeys.of(request.requestId()).attempt(run.attempt()).log(), log.bytes(),
                    "text/plain; charset=utf-8");
        } catch (ObjectStoreException away) {
            // the failure matters more than its log, which intake has line by line: a store that is away (often
            // the very fault being reported) must not keep the request from ending
            LOG.warnf("attempt %s of request %s: its log is not stored (%s); its failure is published all the same",
                    run.attempt(), request.requestId(), away.getMessage());
        }
        publisher.publish(new UpgradeFailed(request.requestId(), run.stage(), reason.code(), message,
                java.time.Instant.now(), run.attempt()));
    }

    /**
     * The name of a run's local folder for its filestore and archive: of the run, as its scratch database is, so that
     * a run that was taken over never empties the folder of the one that took it over.
     */
    static String folderOf(String attempt, int run) {
        return attempt + "-" + run;
    }

    /** Upgrades the database and writes the upgraded archive into {@code archive} as it is dumped. */
    private UpgradeFacts upgrade(ClaimedRun run, ScratchDatabase db, Path work, RunLog log, OutputStream archive)
            throws Exception {
        UpgradeRequested request = run.request();
        Map<String, Long> timings = new LinkedHashMap<>();
        List<String> warnings = new ArrayList<>();
        // before the restore: a run whose scripts are gone or damaged fails at once, not after an hour
        CustomScripts custom = customScripts(request, log);
        log.line("restore", "restoring the " + request.backupFormat() + " backup (" + request.backup().size()
                + " bytes) into a scratch database");
        long start = System.nanoTime();
        int filestoreFiles = restore(request, db, work);
        run.check();
        timings.put("restore", millisSince(start));

        Map<String, Long> before;
        Map<String, String> modulesBefore;
        try (Connection connection = db.connect()) {
            before = DatabaseFacts.rowCounts(connection);
            modulesBefore = DatabaseFacts.installedModules(connection);
        }
        log.line("restore", "restored " + before.size() + " tables, " + before.values().stream()
                .mapToLong(Long::longValue).sum() + " rows, " + filestoreFiles + " filestore files");
        if (modulesBefore.isEmpty()) {
            throw new ScratchFailure(FailureReason.BACKUP_NOT_JUNIPER, "the database has no installed module in "
                    + "a module registry (" + JuniperPack.MODULE_REGISTRY.table() + "): it is not a Juniper database; "
                    + "upload a backup of a Juniper database");
        }
        String source = engine.databaseVersion(modulesBefore, request.sourceVersion(), request.targetVersion());
        if (!source.equals(request.sourceVersion())) {
            log.line("restore", "the database is at " + source + ", not " + request.sourceVersion()
                    + " as the request says: upgrading from " + source);
        }
        engine.requireKnownModules(source, modulesBefore.keySet(), custom == null ? List.of() : custom.modules());

        Path filestore = work.resolve("filestore");
        start = System.nanoTime();
        List<UpgradeFacts.Hop> hops = engine.upgrade(db, source, request.targetVersion(), modulesBefore.keySet(),
                custom, filestore, log);
        timings.put("upgrade", millisSince(start));

        start = System.nanoTime();
        int extracted = engine.extractAttachments(db, request.targetVersion(), filestore);
        timings.put("attachments", millisSince(start));
        if (extracted > 0) {
            log.line("upgrade", extracted + " attachment(s) moved from the database to the filestore");
        }
        List<UpgradeFacts.Note> notes = engine.notes(db);
        notes.stream().filter(n -> "view_deactivated".equals(n.kind()))
                .forEach(n -> warnings.add("view " + n.name() + " was deactivated: " + n.reason()));

        Map<String, Long> after;
        Map<String, String> modulesAfter;
        try (Connection connection = db.connect()) {
            after = DatabaseFacts.rowCounts(connection);
            modulesAfter = DatabaseFacts.installedModules(connection);
        }

        log.line("dump", "dumping the upgraded database into the store");
        start = System.nanoTime();
        Manifest manifest = Manifest.of(request.database(), request.targetVersion(), "15", modulesAfter);
        // not closed: that would end the upload, which the caller completes once the archive is whole
        BackupArchiveWriter writer = new BackupArchiveWriter(archive);
        writer.manifest(manifest);
        try (OutputStream dump = writer.dump()) {
            db.dump(dump);
        }
        if (Files.isDirectory(filestore)) {
            try (Stream<Path> files = Files.walk(filestore)) {
                for (Path kept : (Iterable<Path>) files.filter(Files::isRegularFile).sorted()::iterator) {
                    try (InputStream in = Files.newInputStream(kept)) {
                        writer.filestoreFile(kept.getFileName().toString(), in);
                    }
                }
            }
        }
        writer.entry(ArchiveLayout.LOG, log.bytes());
        writer.finish();
        timings.put("dump", millisSince(start));
        log.line("dump", "dumped in " + timings.get("dump") + " ms");

        List<UpgradeFacts.TableCount> tables = new ArrayList<>();
        before.forEach((table, rows) -> tables.add(new UpgradeFacts.TableCount(table, rows,
                after.getOrDefault(table, -1L))));
        after.forEach((table, rows) -> {
            if (!before.containsKey(table)) {
                tables.add(new UpgradeFacts.TableCount(table, 0, rows));
            }
        });
        return new UpgradeFacts(request.requestId(), request.database(), request.sourceVersion(),
                request.targetVersion(), request.purpose(), request.backup(), request.backupFormat(), modulesBefore,
                modulesAfter, hops, tables, timings, countFiles(filestore), warnings, notes);
    }

    /**
     * The request's own scripts, read from the store and checked against the sha256 intake recorded when it checked
     * them, then parsed as intake parsed them; null when the request brought none.
     */
    private CustomScripts customScripts(UpgradeRequested request, RunLog log) throws ScratchFailure {
        StoredObject scripts = request.scripts();
        if (scripts == null) {
            return null;
        }
        byte[] zip;
        try {
            zip = store.readAllBytes(scripts.key());
        } catch (MissingArtifactException e) {
            throw new ScratchFailure(FailureReason.ARTIFACT_MISSING, "the request's upgrade scripts are gone from "
                    + "the store (" + e.getMessage() + "); send them again in a new request");
        }
        String sha256 = Sha256.hex(zip);
        if (!sha256.equals(scripts.sha256())) {
            throw new ScratchFailure(FailureReason.SCRIPTS_CHECKSUM_MISMATCH, "the request's upgrade scripts in "
                    + "the store have sha256 " + sha256 + ", not " + scripts.sha256() + " as when they were "
                    + "checked; send them again in a new request");
        }
        CustomScripts custom;
        try {
            custom = CustomScripts.read(pack, zip);
        } catch (InvalidScriptsException e) {
            throw new ScratchFailure(e.reason(), "the request's upgrade scripts are refused: " + e.getMessage());
        }
        log.line("restore", "the request brings " + custom.scripts().size() + " upgrade script(s) of its own, for "
                + String.join(", ", custom.modules()));
        return custom;
    }

    /**
     * Restores the backup as it streams from the store; returns the number of filestore files kept. The backup's
     * sha256 is taken on the same stream: one that is not the backup intake checked is refused, and that refusal
     * wins over whatever else went wrong with it.
     */
    private int restore(UpgradeRequested request, ScratchDatabase db, Path work) throws Exception {
        Sha256 sha256 = new Sha256();
        if ("pg_custom".equals(request.backupFormat())) {
            Path file = work.resolve("backup.dump");
            try (InputStream in = sha256.wrap(store.open(request.backup().key()))) {
                Files.copy(in, file);
            }
            requireBackup(request, sha256);
            db.restoreCustom(file);
            return 0;
        }
        int[] files = {0};
        // the dump's last statements run while the filestore that follows it in the archive is read
        ScratchDatabase.Restoring[] restoring = {null};
        boolean checked = false;
        try (InputStream in = sha256.wrap(store.open(request.backup().key()))) {
            try {
                BackupArchiveReader.read(in, (name, content) -> {
                    if (name.equals(ArchiveLayout.DUMP)) {
                        try {
                            restoring[0] = db.startPlainRestore(content);
                        } catch (ScratchFailure f) {
                            throw new InvalidBackupException(f.reason(), f.getMessage());
                        } catch (IOException | InvalidBackupException e) {
                            throw e;
                        } catch (Exception e) {
                            throw new IOException("restore interrupted", e);
                        }
                    } else if (ArchiveLayout.isFilestoreFile(name)) {
                        Path target = work.resolve(name);
                        Files.createDirectories(target.getParent());
                        Files.copy(content, target);
                        files[0]++;
                    }
                });
                in.transferTo(OutputStream.nullOutputStream());
                checked = true;
                requireBackup(request, sha256);
                if (restoring[0] == null) {
                    throw new InvalidBackupException(FailureReason.BACKUP_NO_DUMP, "the backup has no dump.sql");
                }
                restoring[0].finish();
            } catch (ScratchFailure | InvalidBackupException e) {
                if (restoring[0] != null) {
                    restoring[0].abort();
                }
                if (!checked) {
                    in.transferTo(OutputStream.nullOutputStream());
                    requireBackup(request, sha256);
                }
                throw e;
            }
        } catch (Exception e) {
            if (restoring[0] != null) {
                restoring[0].abort();
            }
            throw e;
        }
        return files[0];
    }

    private static void requireBackup(UpgradeRequested request, Sha256 read) throws ScratchFailure {
        String sha256 = read.hex();
        if (!sha256.equals(request.backup().sha256())) {
            throw new ScratchFailure(FailureReason.BACKUP_CHECKSUM_MISMATCH, "the backup in the store has sha256 "
                    + sha256 + ", not " + request.backup().sha256() + " as when it was checked; upload it again in a "
                    + "new request");
        }
    }

    private static DumpUpgraded announcement(ClaimedRun run, StoredObject archive, UpgradeFacts facts) {
        UpgradeRequested request = run.request();
        ArtifactKeys.AttemptKeys keys = ArtifactKeys.of(request.requestId()).attempt(run.attempt());
        return new DumpUpgraded(request.requestId(), request.purpose(), request.sourceVersion(),
                request.targetVersion(), archive, keys.facts(), keys.log(), facts.timings(), run.attempt());
    }

    private static int countFiles(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            return 0;
        }
        try (Stream<Path> files = Files.walk(folder)) {
            return (int) files.filter(Files::isRegularFile).count();
        }
    }

    private static long millisSince(long nanoStart) {
        return (System.nanoTime() - nanoStart) / 1_000_000;
    }

    static void deleteRecursively(Path path) {
        if (!Files.exists(path)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(path)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.delete(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
