package org.juniper.upgrade.worker.service;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.juniper.erp.JuniperPack;
import org.juniper.erp.UpgradeScript;
import org.juniper.upgrade.events.UpgradeFacts;
import org.juniper.upgrade.worker.scratch.ScratchDatabase;
import org.juniper.upgrade.worker.scratch.ScratchFailure;

/**
 * Runs the pack's scripts hop by hop, phase by phase, as the run's unprivileged role. Each hop is one transaction:
 * a failed script leaves the database as the previous hop left it.
 */
@ApplicationScoped
public class UpgradeEngine {
    private final JuniperPack pack;

    UpgradeEngine(JuniperPack pack) {
        this.pack = pack;
    }

    List<UpgradeFacts.Hop> upgrade(ScratchDatabase db, String from, String to, Collection<String> modules, RunLog log)
            throws ScratchFailure, SQLException {
        List<String> hops;
        try {
            hops = pack.hops(from, to);
        } catch (IllegalArgumentException e) {
            throw new ScratchFailure("TARGET:INVALID", e.getMessage());
        }
        List<UpgradeFacts.Hop> done = new ArrayList<>();
        for (String version : hops) {
            long hopStart = System.nanoTime();
            List<UpgradeScript> scripts = pack.upgradeScripts(version, modules);
            log.line("upgrade", "upgrading to " + version + ": " + scripts.size() + " script(s)");
            List<UpgradeFacts.Script> ran = new ArrayList<>();
            try (Connection connection = db.connect()) {
                connection.setAutoCommit(false);
                try (Statement sql = connection.createStatement()) {
                    sql.execute("select set_config('juniper.version', '" + version + "', true)");
                }
                for (UpgradeScript script : scripts) {
                    ran.add(run(connection, script));
                }
                connection.commit();
            }
            long millis = (System.nanoTime() - hopStart) / 1_000_000;
            log.line("upgrade", "reached " + version + " in " + millis + " ms");
            done.add(new UpgradeFacts.Hop(version, millis, ran));
        }
        return done;
    }

    private static UpgradeFacts.Script run(Connection connection, UpgradeScript script) throws ScratchFailure {
        long start = System.nanoTime();
        try (Statement sql = connection.createStatement()) {
            sql.execute(script.sql());
        } catch (SQLException e) {
            throw new ScratchFailure("UPGRADE:SCRIPT_FAILED", "upgrade script " + script.version() + "/"
                    + script.module() + "/" + script.name() + " failed: " + e.getMessage());
        }
        return new UpgradeFacts.Script(script.module(), script.phase().name().toLowerCase(), script.name(),
                (System.nanoTime() - start) / 1_000_000);
    }
}
