package org.juniper.upgrade.e2e;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * The instance's scratch PostgreSQL as a customer's or an administrator's server: databases made from backup
 * archives, read and dropped through psql, the tool they would use.
 */
final class ScratchPostgres {
    final Map<String, String> env;

    ScratchPostgres() {
        this(ServiceProcesses.env("JUNIPER_SCRATCH_PORT"), ServiceProcesses.env("JUNIPER_SCRATCH_ADMIN_USER"),
                ServiceProcesses.env("JUNIPER_SCRATCH_ADMIN_PASSWORD"));
    }

    private ScratchPostgres(String port, String user, String password) {
        env = Map.of("PGHOST", "127.0.0.1", "PGPORT", port, "PGUSER", user, "PGPASSWORD", password);
    }

    /** The worker's own database in the services' cluster (its run queue), read as an operator would. */
    static ScratchPostgres workerQueue() {
        return new ScratchPostgres(ServiceProcesses.env("JUNIPER_PLATFORM_DB_PORT"), "worker", "worker");
    }

    /** Intake's role in the services' cluster: the owner of intake's database, who can close it to everyone. */
    static ScratchPostgres intakeDatabaseOwner() {
        return new ScratchPostgres(ServiceProcesses.env("JUNIPER_PLATFORM_DB_PORT"), "intake", "intake");
    }

    /** Runs name their scratch database and role after their attempt and claim: run_<attempt>_<claim>. */
    List<String> runDatabases(String attempt) {
        return lines(sql(adminDb(), "select datname from pg_database where datname like " + runPattern(attempt)));
    }

    List<String> runRoles(String attempt) {
        return lines(sql(adminDb(), "select rolname from pg_roles where rolname like " + runPattern(attempt)));
    }

    int runSessions(String attempt) {
        return Integer.parseInt(sql(adminDb(), "select count(*) from pg_stat_activity where datname like "
                + runPattern(attempt)));
    }

    private static String runPattern(String attempt) {
        return "'run\\_" + attempt.replace("-", "") + "%'";
    }

    private static List<String> lines(String out) {
        return out.isEmpty() ? List.of() : List.of(out.split("\n"));
    }

    /** The admin's own database: the cluster closes "postgres" to everyone but its owner. */
    String adminDb() {
        return env.get("PGUSER");
    }

    /**
     * A new database from a backup archive's dump; its filestore files go under {@code filestore} when it is not
     * null.
     */
    void restore(String database, byte[] archive, Path filestore) throws IOException {
        sql(adminDb(), "create database \"" + database + "\"");
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(archive))) {
            for (ZipEntry entry; (entry = zip.getNextEntry()) != null;) {
                if (entry.getName().equals("dump.sql")) {
                    sql(database, new String(zip.readAllBytes(), StandardCharsets.UTF_8));
                } else if (filestore != null && entry.getName().startsWith("filestore/") && !entry.isDirectory()) {
                    Path file = filestore.resolve(entry.getName().substring("filestore/".length()));
                    Files.createDirectories(file.getParent());
                    Files.write(file, zip.readAllBytes());
                }
            }
        }
    }

    /** Records per table of the public schema, counted. */
    Map<String, Long> rowCounts(String database) {
        Map<String, Long> counts = new TreeMap<>();
        String rows = sql(database, """
                select table_name || '|' || (xpath('/row/c/text()', query_to_xml(
                           format('select count(*) as c from public.%I', table_name), false, true, '')))[1]::text
                from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE'""");
        rows.lines().map(line -> line.split("\\|")).forEach(f -> counts.put(f[0], Long.parseLong(f[1])));
        return counts;
    }

    void dropAll(String prefix) {
        String names = sql(adminDb(), "select datname from pg_database where starts_with(datname, '" + prefix + "')");
        for (String name : names.isEmpty() ? List.<String>of() : List.of(names.split("\n"))) {
            sql(adminDb(), "drop database \"" + name + "\" with (force)");
        }
    }

    /** Runs SQL with psql; returns its unaligned, tuples-only output. */
    String sql(String database, String sql) {
        try {
            ProcessBuilder builder = new ProcessBuilder(List.of("psql", "-X", "-q", "-A", "-t", "-v",
                    "ON_ERROR_STOP=1", "-d", database, "-f", "-")).redirectErrorStream(true);
            builder.environment().putAll(env);
            Process psql = builder.start();
            try (OutputStream in = psql.getOutputStream()) {
                in.write(sql.getBytes(StandardCharsets.UTF_8));
            }
            String out = new String(psql.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            if (!psql.waitFor(2, TimeUnit.MINUTES) || psql.exitValue() != 0) {
                throw new IllegalStateException("psql failed on " + database + ": " + out);
            }
            return out;
        } catch (IOException e) {
            throw new IllegalStateException("cannot run psql", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
