package org.juniper.upgrade.worker.scratch;

import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.juniper.upgrade.archive.InvalidBackupException;
import org.juniper.upgrade.archive.psql.ParallelRestore;
import org.juniper.upgrade.archive.psql.PgProcess;
import org.juniper.upgrade.archive.psql.RestoreFailedException;
import org.juniper.upgrade.events.FailureReason;

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

    /** Restores a plain SQL dump over parallel psql sessions; psql meta-commands in it never run. */
    public void restorePlain(InputStream dump) throws Exception {
        startPlainRestore(dump).finish();
    }

    /**
     * {@link #restorePlain}, returning once the whole dump is read: its last statements still run, so that what
     * follows the dump in an archive is read meanwhile. The caller finishes or aborts what it gets.
     */
    public Restoring startPlainRestore(InputStream dump) throws Exception {
        ParallelRestore.Restoring restoring;
        try {
            restoring = new ParallelRestore(name, new ParallelRestore.Psql() {
                @Override
                public List<String> command(boolean singleTransaction) {
                    return psqlCommand(singleTransaction);
                }

                @Override
                public Map<String, String> env() {
                    return ScratchDatabase.this.env();
                }
            }, cluster.restoreSessions()).start(dump);
        } catch (InvalidBackupException e) {
            throw new ScratchFailure(e.reason(), e.getMessage());
        } catch (RestoreFailedException e) {
            throw restoreFailed(e);
        }
        return new Restoring() {
            @Override
            public void finish() throws Exception {
                try {
                    restoring.finish();
                } catch (RestoreFailedException e) {
                    throw restoreFailed(e);
                }
            }

            @Override
            public void abort() {
                restoring.abort();
            }
        };
    }

    private static ScratchFailure restoreFailed(RestoreFailedException e) {
        return new ScratchFailure(FailureReason.RESTORE_FAILED, e.getMessage());
    }

    /** A restore whose dump is read and whose last statements may still run. */
    public interface Restoring {
        /** Waits for the restore's end; throws {@link ScratchFailure} when it failed. */
        void finish() throws Exception;

        /** Stops what still runs, when the run fails for another reason. */
        void abort();
    }

    List<String> psqlCommand(boolean singleTransaction) {
        List<String> command = cluster.command("psql", "-X", "-q", "-v", "ON_ERROR_STOP=1", "-h",
                cluster.host(), "-p", cluster.port(), "-U", role, "-d", name);
        if (singleTransaction) {
            command.add("--single-transaction");
        }
        return command;
    }

    /** Restores a pg_dump custom-format file; ownership and privileges in it are ignored. */
    public void restoreCustom(Path file) throws Exception {
        PgProcess.Result result = PgProcess.run(
                cluster.command("pg_restore", "--no-owner", "--no-privileges", "--exit-on-error",
                        "--single-transaction", "-h", cluster.host(), "-p", cluster.port(), "-U", role, "-d", name,
                        file.toString()),
                env(), null, null);
        if (result.exitCode() != 0) {
            throw new ScratchFailure(FailureReason.RESTORE_FAILED, "the custom-format dump does not restore: "
                    + result.lastLines(5));
        }
    }

    /** Writes a plain {@code pg_dump --no-owner} of the database to {@code out}. */
    public void dump(OutputStream out) throws Exception {
        PgProcess.Result result = PgProcess.run(
                cluster.command("pg_dump", "--no-owner", "--no-privileges", "-h", cluster.host(), "-p",
                        cluster.port(), "-U", role, "-d", name),
                env(), null, out);
        if (result.exitCode() != 0) {
            throw new ScratchFailure(FailureReason.DUMP_FAILED, "pg_dump failed: " + result.lastLines(5));
        }
    }

    /** A connection as the run's role. */
    public Connection connect() throws SQLException {
        return DriverManager.getConnection(cluster.jdbcUrl(name), role, password);
    }

    /**
     * The failure to report when the run's statement was stopped for running too long, whatever the tool or driver
     * said about it (only that its connection was ended).
     */
    public java.util.Optional<ScratchFailure> timedOut() {
        return cluster.overran(role).map(statement -> new ScratchFailure(FailureReason.RUN_STATEMENT_TIMEOUT,
                "a statement ran longer than " + readable(cluster.statementTimeout()) + " and was stopped ("
                + statement.strip() + "); no statement of a dump or of upgrade scripts may run longer, whatever it "
                + "sets: remove it from the backup or the scripts"));
    }

    private static String readable(java.time.Duration duration) {
        return duration.toSeconds() < 120 ? duration.toSeconds() + " seconds" : duration.toMinutes() + " minutes";
    }

    /** Drops the database and its role. */
    public void drop() throws SQLException {
        cluster.drop(name, role);
    }

    Map<String, String> env() {
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
}
