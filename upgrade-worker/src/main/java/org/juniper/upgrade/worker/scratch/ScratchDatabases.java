package org.juniper.upgrade.worker.scratch;

import jakarta.enterprise.context.ApplicationScoped;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import org.juniper.upgrade.worker.config.ScratchConfig;

/** The worker's disposable PostgreSQL cluster: creates and drops one database and role per run. */
@ApplicationScoped
public class ScratchDatabases {
    private final ScratchConfig config;

    ScratchDatabases(ScratchConfig config) {
        this.config = config;
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
