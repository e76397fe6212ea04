package org.juniper.upgrade.worker.scratch;

import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.HexFormat;
import java.util.Map;
import org.juniper.upgrade.archive.DumpGuard;
import org.juniper.upgrade.archive.InvalidBackupException;

/**
 * One run's database, owned by a role that exists only for this run and has no other right. Everything from the
 * customer's backup runs as that role.
 */
public final class ScratchDatabase {
    private static final SecureRandom RANDOM = new SecureRandom();

    private final ScratchDatabases cluster;
    private final String name;
    private final String role;
    private final String password;

    ScratchDatabase(ScratchDatabases cluster, String name, String role, String password) {
        this.cluster = cluster;
        this.name = name;
        this.role = role;
        this.password = password;
    }

    public String name() {
        return name;
    }

    /** Restores a plain SQL dump with psql; psql meta-commands in it never run. */
    public void restorePlain(InputStream dump) throws Exception {
        String restrictKey = HexFormat.of().formatHex(randomBytes());
        InvalidBackupException[] refused = {null};
        PgTool.Result result;
        try {
            result = PgTool.run(
                    PgTool.args(cluster.tool("psql"), "-X", "-q", "-v", "ON_ERROR_STOP=1", "--single-transaction",
                            "-h", cluster.host(), "-p", cluster.port(), "-U", role, "-d", name),
                    env(), stdin -> {
                        try {
                            DumpGuard.copy(dump, stdin, restrictKey);
                        } catch (InvalidBackupException e) {
                            refused[0] = e;
                            // closing psql's input early ends it; the refusal below says why
                            throw new java.io.IOException("dump refused", e);
                        }
                    }, null);
        } catch (java.io.IOException e) {
            if (refused[0] == null) {
                throw e;
            }
            result = null;
        }
        if (refused[0] != null) {
            throw new ScratchFailure(refused[0].reason(), refused[0].getMessage());
        }
        if (result.exitCode() != 0) {
            throw new ScratchFailure("RESTORE:FAILED", "the dump does not restore: " + lastLines(result.errors()));
        }
    }

    /** Restores a pg_dump custom-format file; ownership and privileges in it are ignored. */
    public void restoreCustom(Path file) throws Exception {
        PgTool.Result result = PgTool.run(
                PgTool.args(cluster.tool("pg_restore"), "--no-owner", "--no-privileges", "--exit-on-error",
                        "--single-transaction", "-h", cluster.host(), "-p", cluster.port(), "-U", role, "-d", name,
                        file.toString()),
                env(), null, null);
        if (result.exitCode() != 0) {
            throw new ScratchFailure("RESTORE:FAILED", "the custom-format dump does not restore: "
                    + lastLines(result.errors()));
        }
    }

    /** Writes a plain {@code pg_dump --no-owner} of the database to {@code out}. */
    public void dump(OutputStream out) throws Exception {
        PgTool.Result result = PgTool.run(
                PgTool.args(cluster.tool("pg_dump"), "--no-owner", "--no-privileges", "-h", cluster.host(), "-p",
                        cluster.port(), "-U", role, "-d", name),
                env(), null, out);
        if (result.exitCode() != 0) {
            throw new ScratchFailure("DUMP:FAILED", "pg_dump failed: " + lastLines(result.errors()));
        }
    }

    /** A connection as the run's role. */
    public Connection connect() throws SQLException {
        return DriverManager.getConnection(cluster.jdbcUrl(name), role, password);
    }

    /** Drops the database and its role. */
    public void drop() throws SQLException {
        cluster.drop(name, role);
    }

    private Map<String, String> env() {
        return Map.of("PGPASSWORD", password, "PGCONNECT_TIMEOUT", "10");
    }

    static String newPassword() {
        return HexFormat.of().formatHex(randomBytes());
    }

    private static byte[] randomBytes() {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return bytes;
    }

    private static String lastLines(String errors) {
        String trimmed = errors.strip();
        String[] lines = trimmed.split("\n");
        int from = Math.max(0, lines.length - 5);
        return String.join(" | ", java.util.Arrays.copyOfRange(lines, from, lines.length));
    }
}
