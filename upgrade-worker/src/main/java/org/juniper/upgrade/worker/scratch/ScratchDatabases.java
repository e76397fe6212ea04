package org.juniper.upgrade.worker.scratch;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;
import org.juniper.upgrade.worker.config.ScratchConfig;

/**
 * The worker's disposable PostgreSQL cluster: creates and drops one database and role per run, and stops any
 * statement of a run that outlives the statement timeout.
 */
@ApplicationScoped
public class ScratchDatabases {
    private static final Logger LOG = Logger.getLogger(ScratchDatabases.class);
    private static final Duration WATCH_EVERY = Duration.ofSeconds(5);

    private final ScratchConfig config;
    /** Runs whose statement was stopped, with the start of that statement. */
    private final Map<String, String> overran = new ConcurrentHashMap<>();
    private final ScheduledExecutorService watchdog = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "scratch-watchdog");
        thread.setDaemon(true);
        return thread;
    });

    ScratchDatabases(ScratchConfig config) {
        this.config = config;
    }

    /**
     * The role's {@code statement_timeout} is only a default: every pg_dump output begins with
     * {@code SET statement_timeout = 0}, and a role may change its own settings. So the timeout is also enforced from
     * outside, where the run's role cannot reach.
     */
    @PostConstruct
    void watch() {
        watchdog.scheduleWithFixedDelay(this::stopOverrunningStatements, WATCH_EVERY.toMillis(),
                WATCH_EVERY.toMillis(), TimeUnit.MILLISECONDS);
    }

    @PreDestroy
    void stopWatching() {
        watchdog.shutdownNow();
    }

    void stopOverrunningStatements() {
        try (Connection admin = admin(); PreparedStatement sql = admin.prepareStatement("""
                select pid, usename, left(query, 120), pg_terminate_backend(pid)
                  from pg_stat_activity
                 where usename like 'run\\_%\\_owner' and state <> 'idle'
                   and query_start < now() - make_interval(secs => ?)""")) {
            sql.setDouble(1, config.statementTimeout().toMillis() / 1000.0);
            try (ResultSet stopped = sql.executeQuery()) {
                while (stopped.next()) {
                    LOG.warnf("stopped a statement of %s that ran longer than %s: %s", stopped.getString(2),
                            config.statementTimeout(), stopped.getString(3));
                    overran.put(stopped.getString(2), stopped.getString(3));
                }
            }
        } catch (SQLException | RuntimeException e) {
            LOG.warnf("could not look for overrunning statements: %s", e.getMessage());
        }
    }

    /** The start of the statement of this role that was stopped for running too long, if one was. */
    Optional<String> overran(String role) {
        return Optional.ofNullable(overran.get(role));
    }

    Duration statementTimeout() {
        return config.statementTimeout();
    }

    /**
     * A fresh database for the request. Names derive from the request id, so a retry after a crash replaces the
     * leftovers of the earlier attempt.
     */
    public ScratchDatabase create(String requestId) throws SQLException {
        String suffix = requestId.toLowerCase().replaceAll("[^a-z0-9]", "");
        String name = "run_" + suffix;
        String role = "run_" + suffix + "_owner";
        String password = ScratchDatabase.newPassword();
        drop(name, role);
        try (Connection admin = admin(); Statement sql = admin.createStatement()) {
            sql.execute("create role " + role + " login password '" + password
                    + "' nosuperuser nocreatedb nocreaterole noreplication connection limit 8");
            sql.execute("alter role " + role + " set statement_timeout = " + config.statementTimeout().toMillis());
            // a restore builds every index of the dump: in memory rather than through temporary files
            sql.execute("alter role " + role + " set maintenance_work_mem = '256MB'");
            // PostgreSQL 15 lets only members of a role create a database owned by it
            sql.execute("grant " + role + " to current_user");
            sql.execute("create database " + name + " owner " + role + " template template0 encoding 'UTF8'");
            sql.execute("revoke all on database " + name + " from public");
        }
        return new ScratchDatabase(this, name, role, password);
    }

    void drop(String name, String role) throws SQLException {
        try (Connection admin = admin(); Statement sql = admin.createStatement()) {
            try {
                // force ends the sessions a crashed attempt left behind
                sql.execute("drop database if exists " + name + " with (force)");
            } catch (SQLException e) {
                if (!"42501".equals(e.getSQLState())) {
                    throw e;
                }
                // an autovacuum worker, which only a superuser may terminate: a plain drop makes it stop
                sql.execute("drop database if exists " + name);
            }
            sql.execute("drop role if exists " + role);
        }
        overran.remove(role);
    }

    /** Fails unless the cluster accepts the admin's connection. */
    public void ping() throws SQLException {
        try (Connection admin = admin(); Statement sql = admin.createStatement()) {
            sql.execute("select 1");
        }
    }

    private Connection admin() throws SQLException {
        return DriverManager.getConnection(jdbcUrl(config.adminDatabase()), config.adminUser(),
                config.adminPassword());
    }

    String jdbcUrl(String database) {
        return "jdbc:postgresql://" + config.host() + ":" + config.port() + "/" + database;
    }

    String host() {
        return config.host();
    }

    String port() {
        return Integer.toString(config.port());
    }

    int restoreSessions() {
        return config.restoreSessions();
    }

    Path tool(String name) {
        return PgTool.binary(config.pgBin(), name);
    }
}
