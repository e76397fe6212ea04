package org.juniper.upgrade.neutralizer;

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
import java.util.UUID;
import org.juniper.upgrade.archive.DumpGuard;

/**
 * Databases on the scratch cluster of the test infrastructure, restored and dumped with the worker's tools and
 * options (psql behind the guard, {@code pg_dump --no-owner --no-privileges}) as an unprivileged owner.
 */
final class Scratch implements AutoCloseable {
    private final String port = env("JUNIPER_SCRATCH_PORT");
    private final String adminUser = env("JUNIPER_SCRATCH_ADMIN_USER");
    private final String adminPassword = env("JUNIPER_SCRATCH_ADMIN_PASSWORD");
    private final String owner = "neutralizer_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    private final List<String> databases = new ArrayList<>();

    Scratch() throws SQLException {
        try (Connection admin = admin(); Statement sql = admin.createStatement()) {
            sql.execute("create role " + owner + " login password '" + owner + "'");
            sql.execute("grant " + owner + " to current_user");
        }
    }

    /** A new database holding {@code dump}. */
    String restore(byte[] dump) throws Exception {
        String name = owner + "_" + databases.size();
        try (Connection admin = admin(); Statement sql = admin.createStatement()) {
            sql.execute("create database " + name + " owner " + owner + " template template0 encoding 'UTF8'");
        }
        databases.add(name);
        Process psql = tool("psql", "-X", "-q", "-v", "ON_ERROR_STOP=1", "--single-transaction", "-d", name);
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        Thread reader = new Thread(() -> {
            try {
                psql.getInputStream().transferTo(output);
            } catch (IOException e) {
                // the exit code tells
            }
        });
        reader.start();
        try (OutputStream in = psql.getOutputStream()) {
            DumpGuard.copy(new ByteArrayInputStream(dump), in, "neutralizerTest");
        }
        int exit = psql.waitFor();
        reader.join();
        if (exit != 0) {
            throw new AssertionError("psql failed: " + output.toString(StandardCharsets.UTF_8));
        }
        return name;
    }

    byte[] dump(String database) throws Exception {
        Process pgDump = tool("pg_dump", "--no-owner", "--no-privileges", "-d", database);
        byte[] dump = pgDump.getInputStream().readAllBytes();
        if (pgDump.waitFor() != 0) {
            throw new AssertionError("pg_dump failed");
        }
        return dump;
    }

    Connection connect(String database) throws SQLException {
        return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + port + "/" + database, owner, owner);
    }

    private Process tool(String tool, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(tool, "-h", "127.0.0.1", "-p", port, "-U", owner));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("PGPASSWORD", owner);
        return builder.start();
    }

    private Connection admin() throws SQLException {
        return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + port + "/" + adminUser, adminUser,
                adminPassword);
    }

    @Override
    public void close() throws SQLException {
        try (Connection admin = admin(); Statement sql = admin.createStatement()) {
            for (String database : databases) {
                sql.execute("drop database if exists " + database + " with (force)");
            }
            sql.execute("drop role if exists " + owner);
        }
    }

    static List<String> strings(Connection db, String query) throws SQLException {
        List<String> values = new ArrayList<>();
        try (Statement sql = db.createStatement(); ResultSet rows = sql.executeQuery(query)) {
            while (rows.next()) {
                values.add(rows.getString(1));
            }
        }
        return values;
    }

    static long count(Connection db, String query) throws SQLException {
        return Long.parseLong(strings(db, query).get(0));
    }

    private static String env(String variable) {
        String value = System.getenv(variable);
        if (value == null) {
            throw new IllegalStateException(variable + " is not set: run the tests through './platform test'");
        }
        return value;
    }
}
