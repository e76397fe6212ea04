package org.juniper.sample;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.juniper.erp.JuniperPack;
import org.juniper.upgrade.archive.DumpGuard;

/**
 * The scratch PostgreSQL of {@code ./platform test}, used as the upgrade worker uses it: databases owned by an
 * unprivileged role of their own, restored with psql. The server comes from JUNIPER_SCRATCH_PORT,
 * JUNIPER_SCRATCH_ADMIN_USER and JUNIPER_SCRATCH_ADMIN_PASSWORD; the admin is not a superuser and connects to its own
 * database. {@link #close()} drops what it created.
 */
public final class ScratchPostgres implements AutoCloseable {
    private static final String HOST = "127.0.0.1";

    /** Every column with its type, not-null and default, every constraint, index and sequence of the public schema. */
    private static final String SCHEMA = """
            SELECT 'column ' || c.relname || '.' || a.attname || ' ' || format_type(a.atttypid, a.atttypmod)
                   || CASE WHEN a.attnotnull THEN ' not null' ELSE '' END
                   || coalesce(' default ' || pg_get_expr(d.adbin, d.adrelid), '')
              FROM pg_class c
              JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
              LEFT JOIN pg_attrdef d ON d.adrelid = c.oid AND d.adnum = a.attnum
             WHERE c.relnamespace = 'public'::regnamespace AND c.relkind = 'r' AND c.relname <> '%1$s'
            UNION ALL
            SELECT 'constraint ' || c.relname || ' ' || k.conname || ' ' || pg_get_constraintdef(k.oid)
              FROM pg_constraint k JOIN pg_class c ON c.oid = k.conrelid
             WHERE c.relnamespace = 'public'::regnamespace AND c.relname <> '%1$s'
            UNION ALL
            SELECT 'index ' || pg_get_indexdef(i.indexrelid)
              FROM pg_index i JOIN pg_class c ON c.oid = i.indrelid
             WHERE c.relnamespace = 'public'::regnamespace AND c.relname <> '%1$s'
            UNION ALL
            SELECT 'sequence ' || s.relname || coalesce(' owned by ' || t.relname || '.' || a.attname, '')
              FROM pg_class s
              LEFT JOIN pg_depend d ON d.objid = s.oid AND d.classid = 'pg_class'::regclass AND d.deptype = 'a'
              LEFT JOIN pg_class t ON t.oid = d.refobjid
              LEFT JOIN pg_attribute a ON a.attrelid = d.refobjid AND a.attnum = d.refobjsubid
             WHERE s.relnamespace = 'public'::regnamespace AND s.relkind = 'S' AND s.relname <> '%1$s_id_seq'
            """.formatted(JuniperPack.UPGRADE_NOTES_TABLE);

    private final String port;
    private final String adminUser;
    private final String adminPassword;
    private final String suffix = UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    private final String owner = "erp_test_" + suffix;
    private final String ownerPassword = UUID.randomUUID().toString();
    private final List<String> databases = new ArrayList<>();

    private ScratchPostgres(String port, String adminUser, String adminPassword) {
        this.port = port;
        this.adminUser = adminUser;
        this.adminPassword = adminPassword;
    }

    /** Creates the owner role; fails the test when the environment does not name a server. */
    public static ScratchPostgres start() throws SQLException {
        String port = System.getenv("JUNIPER_SCRATCH_PORT");
        String adminUser = System.getenv("JUNIPER_SCRATCH_ADMIN_USER");
        String adminPassword = System.getenv("JUNIPER_SCRATCH_ADMIN_PASSWORD");
        if (port == null || adminUser == null || adminPassword == null) {
            fail("JUNIPER_SCRATCH_PORT, JUNIPER_SCRATCH_ADMIN_USER and JUNIPER_SCRATCH_ADMIN_PASSWORD are not set: "
                    + "run this test through './platform test', which starts the scratch PostgreSQL and sets them");
        }
        ScratchPostgres scratch = new ScratchPostgres(port, adminUser, adminPassword);
        try (Connection admin = scratch.admin(); Statement sql = admin.createStatement()) {
            sql.execute("CREATE ROLE " + scratch.owner + " LOGIN PASSWORD '" + scratch.ownerPassword + "'");
            // PostgreSQL 15: a CREATEROLE admin must be a member of the role it makes a database owner
            sql.execute("GRANT " + scratch.owner + " TO " + adminUser);
        }
        return scratch;
    }

    /** Creates an empty database owned by the role, e.g. {@code database("fresh")}; returns its full name. */
    public String database(String purpose) throws SQLException {
        String name = "erp_" + purpose.replaceAll("[^a-z0-9]", "_") + "_" + suffix;
        try (Connection admin = admin(); Statement sql = admin.createStatement()) {
            sql.execute("CREATE DATABASE " + name + " OWNER " + owner);
        }
        databases.add(name);
        return name;
    }

    /** Restores a plain dump as the worker does: psql as the owner, one transaction, no meta-command. */
    public void restore(String database, byte[] dump) throws Exception {
        ProcessBuilder builder = new ProcessBuilder("psql", "-X", "-q", "-v", "ON_ERROR_STOP=1", "--single-transaction",
                "-h", HOST, "-p", port, "-U", owner, "-d", database, "-f", "-")
                .redirectErrorStream(true);
        builder.environment().put("PGPASSWORD", ownerPassword);
        Process process = builder.start();
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        Thread reader = new Thread(() -> {
            try {
                process.getInputStream().transferTo(output);
            } catch (IOException e) {
                // the exit code tells
            }
        });
        reader.start();
        try (OutputStream in = process.getOutputStream()) {
            DumpGuard.copy(new ByteArrayInputStream(dump), in, "juniperErpTest" + suffix);
        }
        int exit = process.waitFor();
        reader.join();
        String log = output.toString(StandardCharsets.UTF_8);
        assertEquals(0, exit, "psql failed:\n" + log);
        assertFalse(log.contains("ERROR"), log);
    }

    /** A connection as the database's owner, the unprivileged role the worker runs scripts as. */
    public Connection owner(String database) throws SQLException {
        return connect(database, owner, ownerPassword);
    }

    private Connection admin() throws SQLException {
        return connect(adminUser, adminUser, adminPassword);
    }

    private Connection connect(String database, String user, String password) throws SQLException {
        return DriverManager.getConnection("jdbc:postgresql://" + HOST + ":" + port + "/" + database, user, password);
    }

    @Override
    public void close() throws SQLException {
        try (Connection admin = admin(); Statement sql = admin.createStatement()) {
            for (String database : databases) {
                // without FORCE: our connections are closed, and a non-superuser may not terminate autovacuum
                sql.execute("DROP DATABASE IF EXISTS " + database);
            }
            sql.execute("DROP ROLE IF EXISTS " + owner);
        }
    }

    /** The first column of every row. */
    public static List<String> strings(Connection connection, String query) throws SQLException {
        List<String> values = new ArrayList<>();
        try (Statement sql = connection.createStatement(); ResultSet rows = sql.executeQuery(query)) {
            while (rows.next()) {
                values.add(rows.getString(1));
            }
        }
        return values;
    }

    /** The schema as comparable lines, the upgrade notes table left out (the only object upgrades add). */
    public static Set<String> schema(Connection db) throws SQLException {
        return new TreeSet<>(strings(db, SCHEMA));
    }

    public static long count(Connection connection, String query) throws SQLException {
        return Long.parseLong(strings(connection, query).get(0));
    }
}
