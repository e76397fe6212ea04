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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;
import org.juniper.upgrade.archive.psql.PgTools;
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
    private final PgTools tools;
    /** Runs whose statement was stopped, with the start of that statement. */
    private final Map<String, String> overran = new ConcurrentHashMap<>();
    private final ScheduledExecutorService watchdog = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "scratch-watchdog");
        thread.setDaemon(true);
        return thread;
    });

    ScratchDatabases(ScratchConfig config) {
        this.config = config;
        this.tools = new PgTools(config.pgBin().map(Path::of).orElse(null));
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
        try {
            terminate("state <> 'idle' and query_start < now() - make_interval(secs => ?)",
                    config.statementTimeout().toMillis() / 1000.0).forEach((role, statement) -> {
                        LOG.warnf("stopped a statement of %s that ran longer than %s: %s", role,
                                config.statementTimeout(), statement);
                        overran.put(role, statement);
                    });
        } catch (SQLException | RuntimeException e) {
            LOG.warnf("could not look for overrunning statements: %s", e.getMessage());
        }
    }

    /**
     * Ends every session of a run at once, and keeps its role from opening new ones: the run was stopped, fenced or
     * ran out of time, and whatever it does in PostgreSQL stops now, not when its statement ends.
     */
    public void endSessions(String attemptId, int run) throws SQLException {
        String role = roleOf(attemptId, run);
        try (Connection admin = admin(); Statement sql = admin.createStatement()) {
            try (ResultSet exists = sql.executeQuery("select 1 from pg_roles where rolname = '" + role + "'")) {
                if (exists.next()) {
                    sql.execute("alter role " + role + " nologin");
                }
            }
        }
        terminate("usename = ?", role);
    }

    /** Ends the sessions of run roles that {@code condition} selects; returns each one's role and statement. */
    private Map<String, String> terminate(String condition, Object parameter) throws SQLException {
        Map<String, String> ended = new HashMap<>();
        try (Connection admin = admin(); PreparedStatement sql = admin.prepareStatement("""
                select usename, left(query, 120), pg_terminate_backend(pid)
                  from pg_stat_activity
                 where usename like 'run\\_%\\_owner' and""" + " " + condition)) {
            sql.setObject(1, parameter);
            try (ResultSet stopped = sql.executeQuery()) {
                while (stopped.next()) {
                    ended.put(stopped.getString(1), stopped.getString(2));
                }
            }
        }
        return ended;
    }

    /** The names of every run's database or role in the cluster (a role without its {@code _owner} suffix). */
    public Set<String> runNames() throws SQLException {
        Set<String> names = new TreeSet<>();
        try (Connection admin = admin(); Statement sql = admin.createStatement();
                ResultSet rs = sql.executeQuery("""
                        select datname from pg_database where datname ~ '^run_[a-z0-9_]+$'
                        union select substr(rolname, 1, length(rolname) - 6) from pg_roles
                         where rolname ~ '^run_[a-z0-9_]+_owner$'""")) {
            while (rs.next()) {
                names.add(rs.getString(1));
            }
        }
        return names;
    }

    /** Drops a run's database and role by the name {@link #runNames} gave. */
    public void dropRun(String name) throws SQLException {
        drop(name, name + "_owner");
    }

    /** The start of the statement of this role that was stopped for running too long, if one was. */
    Optional<String> overran(String role) {
        return Optional.ofNullable(overran.get(role));
    }

    Duration statementTimeout() {
        return config.statementTimeout();
    }

    /**
     * A fresh database for a run of the attempt. Names derive from the attempt and the run's number, so that a run
     * that was taken over never touches the database of the run that took it over, on a cluster they share.
     */
    public ScratchDatabase create(String attemptId, int run) throws SQLException {
        String name = databaseOf(attemptId, run);
        String role = roleOf(attemptId, run);
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

    /** The name of the database of a run of an attempt. */
    public static String databaseOf(String attemptId, int run) {
        return "run_" + attemptId.toLowerCase().replaceAll("[^a-z0-9]", "") + "_" + run;
    }

    static String roleOf(String attemptId, int run) {
        return databaseOf(attemptId, run) + "_owner";
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

    /** The command line of a client tool of the cluster's. */
    List<String> command(String tool, String... args) {
        try {
            return tools.command(tool, args);
        } catch (PgTools.Missing e) {
            throw new IllegalStateException(e.getMessage() + "; install the PostgreSQL client tools or set "
                    + "juniper.scratch.pg-bin", e);
        }
    }
}
