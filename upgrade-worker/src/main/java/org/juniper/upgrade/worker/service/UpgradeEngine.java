package org.juniper.upgrade.worker.service;

import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.juniper.erp.CustomScripts;
import org.juniper.erp.FilestoreExtraction;
import org.juniper.erp.JuniperPack;
import org.juniper.erp.Phase;
import org.juniper.erp.StandardFile;
import org.juniper.erp.UpgradeScript;
import org.juniper.upgrade.archive.Sha1;
import org.juniper.upgrade.events.FailureReason;
import org.juniper.upgrade.events.UpgradeFacts;
import org.juniper.upgrade.worker.scratch.ScratchDatabase;
import org.juniper.upgrade.worker.scratch.ScratchFailure;

/**
 * Runs the pack's scripts hop by hop, phase by phase, as the run's unprivileged role. Each hop is one transaction:
 * a failed script leaves the database as the previous hop left it. The scripts a request brings for its custom
 * modules run in the same transaction and session, as the same role, each after the pack's scripts of its phase:
 * custom modules load after the standard ones, whose data they build on, and may call the pack's helpers
 * ({@code pg_temp.juniper_*}) that the hop's first script creates.
 */
@ApplicationScoped
public class UpgradeEngine {
    private final JuniperPack pack;

    UpgradeEngine(JuniperPack pack) {
        this.pack = pack;
    }

    /**
     * The version the database is at, from its module registry (the base module's version, e.g. 14.0.1.3), which
     * the manifest or request may misstate; refuses one the pack does not know or that is not below the target.
     */
    String databaseVersion(Map<String, String> installed, String stated, String target) throws ScratchFailure {
        String version = JuniperPack.MODULE_REGISTRY.version(installed).orElse(stated);
        if (!pack.supportedVersions().contains(version)) {
            String module = JuniperPack.MODULE_REGISTRY.versionModule();
            throw new ScratchFailure(FailureReason.SOURCE_UNKNOWN, "the database is at Juniper " + version + " ("
                    + module + " module " + installed.getOrDefault(module, "") + "); the upgrade knows "
                    + String.join(", ", pack.supportedVersions()));
        }
        List<String> versions = pack.supportedVersions();
        if (!versions.contains(target) || versions.indexOf(target) <= versions.indexOf(version)) {
            throw new ScratchFailure(FailureReason.TARGET_DOWNGRADE, "the database is at " + version + ": " + target
                    + " is not a later version it can be upgraded to (" + String.join(", ",
                            versions.subList(versions.indexOf(version) + 1, versions.size())) + ")");
        }
        return version;
    }

    /**
     * Stops a run whose database has modules that neither the pack nor the request's own scripts know: their data
     * would be left behind, half-upgraded.
     *
     * @param covered the modules the request's scripts cover; empty when it brought none
     */
    void requireKnownModules(String version, Collection<String> installed, Collection<String> covered)
            throws ScratchFailure {
        List<String> custom = pack.unknownModules(version, installed).stream().filter(m -> !covered.contains(m))
                .toList();
        if (!custom.isEmpty()) {
            throw new ScratchFailure(FailureReason.MODULE_CUSTOM, "the database has custom modules the upgrade "
                    + "has no scripts for: " + String.join(", ", custom) + (covered.isEmpty() ? ""
                    : " (the request's scripts cover " + String.join(", ", covered) + ")") + "; uninstall them "
                    + "before the upgrade, or send their upgrade scripts with the request");
        }
    }

    /**
     * Runs every hop from {@code from} to {@code to}, with the request's own scripts when it brought some; the
     * standard files each hop brings are added to {@code filestore}.
     *
     * @param custom the request's scripts, or null
     */
    List<UpgradeFacts.Hop> upgrade(ScratchDatabase db, String from, String to, Collection<String> modules,
            CustomScripts custom, Path filestore, RunLog log) throws ScratchFailure, SQLException, IOException {
        List<String> hops;
        try {
            hops = pack.hops(from, to);
        } catch (IllegalArgumentException e) {
            throw new ScratchFailure(FailureReason.TARGET_INVALID, e.getMessage());
        }
        if (custom != null) {
            List<String> idle = custom.scripts().stream().filter(s -> !modules.contains(s.module())
                    || !(s.version().equals(JuniperPack.EVERY_HOP) || hops.contains(s.version())))
                    .map(UpgradeScript::path).toList();
            if (!idle.isEmpty()) {
                log.line("upgrade", "the request's scripts that do not run in this upgrade (module not installed, "
                        + "or version not among " + String.join(", ", hops) + "): " + String.join(", ", idle));
            }
        }
        List<UpgradeFacts.Hop> done = new ArrayList<>();
        for (String version : hops) {
            long hopStart = System.nanoTime();
            List<UpgradeScript> scripts = pack.upgradeScripts(version, modules);
            List<UpgradeScript> own = custom == null ? List.of() : custom.upgradeScripts(version, modules);
            log.line("upgrade", "upgrading to " + version + ": " + scripts.size() + " script(s)"
                    + (own.isEmpty() ? "" : " and " + own.size() + " of the request's own"));
            List<UpgradeFacts.Script> ran = new ArrayList<>();
            try (Connection connection = db.connect()) {
                connection.setAutoCommit(false);
                try (Statement sql = connection.createStatement()) {
                    sql.execute("select set_config('juniper.version', '" + version + "', true)");
                }
                for (Phase phase : Phase.values()) {
                    for (UpgradeScript script : scripts) {
                        if (script.phase() == phase) {
                            ran.add(run(connection, version, script, false, log));
                        }
                    }
                    for (UpgradeScript script : own) {
                        if (script.phase() == phase) {
                            ran.add(run(connection, version, script, true, log));
                        }
                    }
                }
                connection.commit();
            }
            for (StandardFile file : pack.standardFiles(version, modules)) {
                Path target = filestore.resolve(file.storeName());
                if (!Files.exists(target)) {
                    Files.createDirectories(target.getParent());
                    Files.write(target, file.content());
                }
            }
            long millis = (System.nanoTime() - hopStart) / 1_000_000;
            log.line("upgrade", "reached " + version + " in " + millis + " ms");
            done.add(new UpgradeFacts.Hop(version, millis, ran));
        }
        return done;
    }

    /**
     * Moves the attachments still kept in the database to {@code filestore}; the rows are marked stored only once
     * every file is written. Returns how many were moved.
     */
    int extractAttachments(ScratchDatabase db, String version, Path filestore) throws SQLException, IOException {
        FilestoreExtraction extraction = pack.filestoreExtraction(version);
        int moved = 0;
        try (Connection connection = db.connect()) {
            connection.setAutoCommit(false);
            try (Statement select = connection.createStatement();
                    PreparedStatement mark = connection.prepareStatement(extraction.markStored())) {
                select.setFetchSize(100);
                try (ResultSet rows = select.executeQuery(extraction.select())) {
                    while (rows.next()) {
                        byte[] content = rows.getBytes("db_datas");
                        String sha1 = Sha1.of(content);
                        String storeName = sha1.substring(0, 2) + "/" + sha1;
                        Path target = filestore.resolve(storeName);
                        if (!Files.exists(target)) {
                            Files.createDirectories(target.getParent());
                            Files.write(target, content);
                        }
                        mark.setString(1, storeName);
                        mark.setString(2, sha1);
                        mark.setLong(3, content.length);
                        mark.setLong(4, rows.getLong("id"));
                        mark.addBatch();
                        moved++;
                    }
                }
                mark.executeBatch();
            }
            connection.commit();
        }
        return moved;
    }

    /** What the scripts recorded for the report, in the order they recorded it. */
    List<UpgradeFacts.Note> notes(ScratchDatabase db) throws SQLException {
        List<UpgradeFacts.Note> notes = new ArrayList<>();
        try (Connection connection = db.connect(); Statement sql = connection.createStatement()) {
            try (ResultSet exists = sql.executeQuery("select to_regclass('public." + JuniperPack.UPGRADE_NOTES_TABLE
                    + "') is not null")) {
                exists.next();
                if (!exists.getBoolean(1)) {
                    return notes;
                }
            }
            try (ResultSet rs = sql.executeQuery("select version, module, kind, model, res_id, name, row_count, reason"
                    + " from public." + JuniperPack.UPGRADE_NOTES_TABLE + " order by id")) {
                while (rs.next()) {
                    notes.add(new UpgradeFacts.Note(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            (Integer) rs.getObject(5), rs.getString(6), (Long) rs.getObject(7), rs.getString(8)));
                }
            }
        }
        return notes;
    }

    /**
     * Runs one script. A failing script of the request's own is the customer's to fix, so it is named by its path in
     * the zip they sent, with its own reason. A failure of the session itself is thrown as it is.
     */
    private static UpgradeFacts.Script run(Connection connection, String version, UpgradeScript script, boolean own,
            RunLog log) throws ScratchFailure, SQLException {
        String shown = own ? script.path() : script.module() + "/" + script.name();
        long start = System.nanoTime();
        try (Statement sql = connection.createStatement()) {
            sql.execute(script.sql());
            // scripts report the progress of their batches as notices
            for (SQLWarning notice = sql.getWarnings(); notice != null; notice = notice.getNextWarning()) {
                log.line("upgrade", shown + ": " + notice.getMessage());
            }
        } catch (SQLException e) {
            if (PlatformFault.scratchState(e.getSQLState())) {
                // the session or the cluster failed, not the script
                throw e;
            }
            throw own
                    ? new ScratchFailure(FailureReason.UPGRADE_CUSTOM_SCRIPT_FAILED, "the request's script " + shown
                            + " failed on the hop to " + version + ": " + e.getMessage())
                    : new ScratchFailure(FailureReason.UPGRADE_SCRIPT_FAILED, "upgrade script " + script.version() + "/"
                            + shown + " failed: " + e.getMessage());
        }
        long millis = (System.nanoTime() - start) / 1_000_000;
        if (own) {
            log.line("upgrade", "ran the request's script " + shown + " (" + millis + " ms)");
        }
        return new UpgradeFacts.Script(script.module(), script.phase().prefix(), script.name(), millis,
                own ? script.path() : null);
    }
}
