package org.juniper.upgrade.worker.service;

import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.jboss.logging.Logger;
import org.juniper.upgrade.worker.config.WorkerConfig;
import org.juniper.upgrade.worker.repository.RunQueue;
import org.juniper.upgrade.worker.scratch.ScratchDatabases;

/**
 * Drops the scratch databases, roles and work folders that no live run holds: what a worker killed mid-run left
 * behind. A run is live while its job is running under a lease that has not expired, or while it runs here. Only
 * names the worker gives are touched. Attempts that ended long ago leave the queue on the same rounds.
 */
@ApplicationScoped
public class WorkerCleaner {
    private static final Logger LOG = Logger.getLogger(WorkerCleaner.class);
    /** A run's work folder: its attempt's id and its run number. */
    private static final Pattern RUN_FOLDER = Pattern.compile(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}-[0-9]+");

    private final RunQueue queue;
    private final ScratchDatabases scratch;
    private final WorkerConfig config;

    WorkerCleaner(RunQueue queue, ScratchDatabases scratch, WorkerConfig config) {
        this.queue = queue;
        this.scratch = scratch;
        this.config = config;
    }

    /**
     * Drops everything no live run holds; {@code runningHere} are the runs (attempt and run number) this worker runs,
     * live even when their lease ran out while it was paused. Returns what was dropped.
     */
    public List<String> clean(Map<String, Integer> runningHere) {
        List<String> dropped = new ArrayList<>();
        try {
            // what exists first, then what is live: a run claimed in between creates what was not listed
            Set<String> databases = scratch.runNames();
            List<Path> folders = workFolders();
            Map<String, Integer> live = new HashMap<>(queue.liveRuns());
            live.putAll(runningHere);
            Set<String> kept = live.entrySet().stream().map(r -> ScratchDatabases.databaseOf(r.getKey(), r.getValue()))
                    .collect(Collectors.toSet());
            Set<String> keptFolders = live.entrySet().stream().map(r -> UpgradeRun.folderOf(r.getKey(), r.getValue()))
                    .collect(Collectors.toSet());
            for (String name : databases) {
                if (!kept.contains(name)) {
                    scratch.dropRun(name);
                    dropped.add("scratch database and role " + name);
                }
            }
            for (Path folder : folders) {
                if (!keptFolders.contains(folder.getFileName().toString())) {
                    UpgradeRun.deleteRecursively(folder);
                    dropped.add("work folder " + folder.getFileName());
                }
            }
            int forgotten = queue.pruneEnded(config.keepEnded());
            if (forgotten > 0) {
                dropped.add(forgotten + " ended attempt(s) from the queue");
            }
        } catch (SQLException | IOException | RuntimeException e) {
            LOG.warnf("could not clean up after dead runs: %s", e.getMessage());
        }
        if (!dropped.isEmpty()) {
            LOG.infof("dropped what dead runs left: %s", String.join(", ", dropped));
        }
        return dropped;
    }

    /**
     * Drops what the earlier runs of an attempt left where this worker can reach it, once a later run holds the claim:
     * they lost it, and a thawed one ends at its next heartbeat. Not left for the next round, which may be minutes
     * away.
     */
    public void dropEarlierRuns(String attemptId, int run) {
        for (int earlier = 1; earlier < run; earlier++) {
            try {
                scratch.dropRun(ScratchDatabases.databaseOf(attemptId, earlier));
                UpgradeRun.deleteRecursively(Path.of(config.workDir(), UpgradeRun.folderOf(attemptId, earlier)));
            } catch (SQLException | RuntimeException e) {
                LOG.warnf("could not drop what run %d of attempt %s left: %s", earlier, attemptId, e.getMessage());
            }
        }
    }

    private List<Path> workFolders() throws IOException {
        Path work = Path.of(config.workDir());
        if (!Files.isDirectory(work)) {
            return List.of();
        }
        try (Stream<Path> folders = Files.list(work)) {
            return folders.filter(f -> RUN_FOLDER.matcher(f.getFileName().toString()).matches()).toList();
        }
    }
}
