package org.juniper.upgrade.cli;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.juniper.erp.JuniperPack;
import org.juniper.upgrade.archive.InvalidBackupException;
import org.juniper.upgrade.archive.psql.ParallelRestore;
import org.juniper.upgrade.archive.psql.PgProcess;
import org.juniper.upgrade.archive.psql.PgTools;
import org.juniper.upgrade.archive.psql.RestoreFailedException;

/** The administrator's PostgreSQL server, driven through its client tools as the administrator would. */
final class LocalPostgres {
    /** Where server-wide statements run, as for createdb: postgres, or template1 where postgres is closed. */
    private static final List<String> MAINTENANCE_DBS = List.of("postgres", "template1");
    private static final String FIELD_SEPARATOR = "\u001f";
    /** What pg_dump -v says in parallel mode once a table's data is written. */
    /** What a tool says of its version: "pg_dump (PostgreSQL) 15.18". */
    private static final Pattern TOOL_VERSION = Pattern.compile("\\) (\\d+)(?:\\.(\\d+))?");
    private static final Pattern FINISHED_TABLE = Pattern.compile("finished item \\d+ TABLE DATA (\\S+)$");
    /** psql's exit code when the connection failed or went bad. */
    private static final int PSQL_CONNECTION_FAILED = 2;
    private static final String CONNECTION_HINT = "psql and pg_dump choose the server from PGHOST, PGPORT, PGUSER "
            + "and PGPASSWORD (or ~/.pgpass), as at the prompt; set them, or run as the user that owns the database";

    private final PgTools tools;
    private String maintenanceDb;
    private Integer serverMajor;

    LocalPostgres(PgTools tools) {
        this.tools = tools;
    }

    /**
     * Runs {@code sql} in {@code database}; {@code vars} become psql variables, used as {@code :'name'} (a literal)
     * or {@code :"name"} (an identifier), so that no value is ever pasted into SQL. Returns the rows' fields.
     */
    List<String[]> query(String database, String sql, Map<String, String> vars) {
        List<String> command = commandLine("psql", "-X", "-q", "-A", "-t", "-F", FIELD_SEPARATOR, "-v",
                "ON_ERROR_STOP=1", "-d", database, "-f", "-");
        vars.forEach((name, value) -> command.addAll(List.of("-v", name + "=" + value)));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PgProcess.Result result = run(command, in -> in.write(sql.getBytes(StandardCharsets.UTF_8)), out);
        if (result.exitCode() == PSQL_CONNECTION_FAILED) {
            throw new CliFailure(Exit.LOCAL_DATABASE, "cannot connect to the local PostgreSQL (" + result
                    .lastLines(4) + "); " + CONNECTION_HINT);
        }
        if (result.exitCode() != 0) {
            throw new CliFailure(Exit.LOCAL_DATABASE, "PostgreSQL refused a statement in database '" + database
                    + "': " + result.lastLines(4));
        }
        List<String[]> rows = new ArrayList<>();
        for (String line : out.toString(StandardCharsets.UTF_8).split("\n")) {
            if (!line.isEmpty()) {
                rows.add(line.split(FIELD_SEPARATOR, -1));
            }
        }
        return rows;
    }

    /** The first maintenance database this user may connect to; the connection error of the last otherwise. */
    private String maintenanceDb() {
        if (maintenanceDb == null) {
            CliFailure refused = null;
            for (String candidate : MAINTENANCE_DBS) {
                try {
                    query(candidate, "select 1", Map.of());
                    maintenanceDb = candidate;
                    return candidate;
                } catch (CliFailure e) {
                    refused = e;
                }
            }
            throw refused;
        }
        return maintenanceDb;
    }

    int serverMajor() {
        if (serverMajor == null) {
            serverMajor = Integer.parseInt(query(maintenanceDb(), "show server_version_num", Map.of()).get(0)[0])
                    / 10000;
        }
        return serverMajor;
    }

    boolean exists(String database) {
        return !query(maintenanceDb(), "select 1 from pg_database where datname = :'db'", Map.of("db", database))
                .isEmpty();
    }

    /** Installed module to version, from the module registry; empty when the database has no registry. */
    Map<String, String> installedModules(String database) {
        if (!query(database, JuniperPack.MODULE_REGISTRY.existsSql(), Map.of()).get(0)[0].equals("t")) {
            return Map.of();
        }
        Map<String, String> modules = new TreeMap<>();
        for (String[] row : query(database, JuniperPack.MODULE_REGISTRY.installedSql(), Map.of())) {
            modules.put(row[0], row[1]);
        }
        return modules;
    }

    /** The contract the database records, where the pack says Juniper keeps it; empty when it records none. */
    Optional<String> contract(String database) {
        JuniperPack.Parameters parameters = JuniperPack.PARAMETERS;
        Map<String, String> names = Map.of("qualified", "public." + parameters.table(), "table", parameters.table(),
                "key", parameters.keyColumn(), "value", parameters.valueColumn(), "contract",
                JuniperPack.CONTRACT_PARAMETER);
        if (!query(database, "select to_regclass(:'qualified') is not null", names).get(0)[0].equals("t")) {
            return Optional.empty();
        }
        return query(database, "select :\"value\" from public.:\"table\" where :\"key\" = :'contract' and :\"value\" "
                + "<> ''", names).stream().map(row -> row[0].strip()).findFirst();
    }

    void create(String database) {
        query(maintenanceDb(), "create database :\"db\" template template0 encoding 'UTF8'", Map.of("db", database));
    }

    /** Drops a database this CLI created; sessions still in it (a restore cut short) are ended first. */
    void drop(String database) {
        String force = serverMajor() >= 13 ? " with (force)" : "";
        query(maintenanceDb(), "drop database if exists :\"db\"" + force, Map.of("db", database));
    }

    void rename(String from, String to) {
        Map<String, String> names = new LinkedHashMap<>();
        names.put("old", from);
        names.put("new", to);
        try {
            query(maintenanceDb(), "alter database :\"old\" rename to :\"new\"", names);
        } catch (CliFailure e) {
            if (e.getMessage().contains("being accessed by other users")) {
                throw new CliFailure(Exit.LOCAL_DATABASE, "database '" + from + "' is in use, so it cannot be "
                        + "renamed: stop the Juniper server and every other session on it, then run the command "
                        + "again", e);
            }
            throw e;
        }
    }

    /** pg_dump refuses a server newer than itself: say so before a long run, with what to install. */
    void requireDumpable() {
        int client = majorVersion("pg_dump");
        if (client < serverMajor()) {
            throw new CliFailure(Exit.LOCAL_TOOLS, "pg_dump " + client + " cannot dump a PostgreSQL " + serverMajor()
                    + " server: install the PostgreSQL " + serverMajor() + " client tools (e.g. 'sudo apt install "
                    + "postgresql-client-" + serverMajor() + "') or give their folder with --pg-bin");
        }
    }

    /**
     * Checks that a dump made by pg_dump {@code dumpMajor} restores here: the server must be at least that version
     * (pg_dump writes for its own version), and psql must know restricted mode, which keeps meta-commands in the
     * dump from running.
     */
    void requireRestorable(int dumpMajor) {
        if (serverMajor() < dumpMajor) {
            throw new CliFailure(Exit.LOCAL_TOOLS, "the upgraded dump was made by pg_dump " + dumpMajor + " but the "
                    + "local PostgreSQL server is version " + serverMajor() + ": restore it on a PostgreSQL "
                    + dumpMajor + " server or newer (set PGHOST/PGPORT to it), or keep the download with -x");
        }
        requireRestrictedMode();
    }

    /** psql gained \restrict in 13.22, 14.19, 15.14, 16.10 and 17.6; older ones would stop on the dump's first line. */
    void requireRestrictedMode() {
        PgProcess.Result result = run(commandLine("psql", "-X", "-q", "-v", "ON_ERROR_STOP=1", "-d",
                maintenanceDb(), "-f", "-"), in -> in.write("\\restrict check\n\\unrestrict check\n"
                        .getBytes(StandardCharsets.US_ASCII)), null);
        if (result.exitCode() == PSQL_CONNECTION_FAILED) {
            throw new CliFailure(Exit.LOCAL_DATABASE, "cannot connect to the local PostgreSQL (" + result
                    .lastLines(4) + "); " + CONNECTION_HINT);
        }
        if (result.exitCode() != 0) {
            throw new CliFailure(Exit.LOCAL_TOOLS, "psql " + majorVersion("psql") + " here is older than the "
                    + "restricted mode (\\restrict) that dumps of current PostgreSQL releases use: update the "
                    + "PostgreSQL client tools to the latest minor release (13.22, 14.19, 15.14, 16.10, 17.6 or "
                    + "newer)");
        }
    }

    /**
     * Restores a plain dump into an existing empty database over {@code jobs} psql sessions, as the worker does.
     * Its statements commit as they go, so the caller restores into a database that takes its name only once whole
     * and is dropped otherwise. psql runs in restricted mode: no meta-command of the dump runs.
     */
    void restorePlain(String database, InputStream dump, int jobs) {
        ParallelRestore.Psql psql = new ParallelRestore.Psql() {
            @Override
            public List<String> command(boolean singleTransaction) {
                List<String> command = commandLine("psql", "-X", "-q", "-v", "ON_ERROR_STOP=1", "-d", database);
                if (singleTransaction) {
                    command.add("--single-transaction");
                }
                return command;
            }

            @Override
            public Map<String, String> env() {
                return Map.of();
            }
        };
        ParallelRestore.Restoring restoring = null;
        try {
            restoring = new ParallelRestore(database, psql, jobs).start(dump);
            restoring.finish();
        } catch (InvalidBackupException e) {
            throw new CliFailure(Exit.LOCAL_DATABASE, "the dump was not restored: " + e.getMessage());
        } catch (RestoreFailedException e) {
            throw new CliFailure(Exit.LOCAL_DATABASE, "restoring into '" + database + "': " + e.getMessage());
        } catch (Exception e) {
            if (restoring != null) {
                restoring.abort();
            }
            throw new CliFailure(Exit.FAILED, "restoring into '" + database + "' failed: " + e.getMessage(), e);
        }
    }

    /**
     * A plain {@code pg_dump --no-owner} of the database to {@code out}: what the platform restores. Privileges are
     * left out as well, since the platform's roles are not the administrator's.
     */
    void dumpPlain(String database, OutputStream out) {
        requireSuccess("pg_dump", run(commandLine("pg_dump", "--no-owner", "--no-privileges", "-d",
                database), null, out));
    }

    /**
     * A directory-format dump made by {@code jobs} parallel workers: the shortest time holding the live database.
     * {@code dumped} is told the name of each table whose data is written.
     */
    void dumpDirectory(String database, Path directory, int jobs, Consumer<String> dumped) {
        requireSuccess("pg_dump", run(commandLine("pg_dump", "--no-owner", "--no-privileges", "-Fd", "-j",
                String.valueOf(jobs), "-v", "-f", directory.toString(), "-d", database), null, null, line -> {
                    Matcher finished = FINISHED_TABLE.matcher(line);
                    if (finished.find()) {
                        dumped.accept(finished.group(1));
                    }
                }));
    }

    /**
     * The size of each table's data (heap and TOAST) by table name, what its dump roughly weighs: a dump's progress
     * is measured against it.
     */
    Map<String, Long> tableSizes(String database) {
        Map<String, Long> sizes = new TreeMap<>();
        for (String[] row : query(database, "select c.relname, pg_table_size(c.oid) from pg_class c join "
                + "pg_namespace n on n.oid = c.relnamespace where c.relkind in ('r', 'm') and n.nspname not in "
                + "('pg_catalog', 'information_schema') and n.nspname not like 'pg\\_toast%'", Map.of())) {
            sizes.merge(row[0], Long.parseLong(row[1]), Long::sum);
        }
        return sizes;
    }

    /** The plain SQL of a custom-format or directory dump, written by pg_restore to {@code out}. */
    void plainFrom(Path dump, OutputStream out) {
        requireSuccess("pg_restore", run(commandLine("pg_restore", "--no-owner", "--no-privileges", "-f",
                "-", dump.toString()), null, out));
    }

    /** Only the data of the module registry of a custom-format or directory dump, as plain COPY text. */
    void moduleRegistryFrom(Path dump, OutputStream out) {
        requireSuccess("pg_restore", run(commandLine("pg_restore", "--data-only", "--table="
                + JuniperPack.MODULE_REGISTRY.table(), "-f", "-", dump.toString()), null, out));
    }

    /** The command line of a tool; a missing tool ends the command with what to install. */
    private List<String> commandLine(String tool, String... args) {
        try {
            return tools.command(tool, args);
        } catch (PgTools.Missing e) {
            throw new CliFailure(Exit.LOCAL_TOOLS, e.getMessage() + ". It comes with the PostgreSQL client tools: "
                    + "install them with 'sudo apt install postgresql-client' (Debian, Ubuntu), 'sudo dnf install "
                    + "postgresql' (Fedora, RHEL) or 'brew install libpq' (macOS), choosing the major version of your "
                    + "PostgreSQL server or a newer one, or give their folder with --pg-bin");
        }
    }

    /** The major version of a tool, from {@code <tool> --version} ("pg_dump (PostgreSQL) 15.18" gives 15). */
    private int majorVersion(String tool) {
        List<String> command = commandLine(tool, "--version");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PgProcess.Result result = run(command, null, out);
        Matcher m = TOOL_VERSION.matcher(out.toString(StandardCharsets.UTF_8));
        if (result.exitCode() != 0 || !m.find()) {
            throw new CliFailure(Exit.LOCAL_TOOLS, "cannot tell the version of " + command.get(0) + " ('" + out
                    .toString(StandardCharsets.UTF_8).strip() + "'); reinstall the PostgreSQL client tools");
        }
        return Integer.parseInt(m.group(1));
    }

    /**
     * Runs a tool; {@code stdin} writes its input (or null for none), {@code stdout} receives its output (or null
     * to drop it).
     */
    private PgProcess.Result run(List<String> command, PgProcess.StdinWriter stdin, OutputStream stdout) {
        return run(command, stdin, stdout, null);
    }

    /** {@link #run(List, PgProcess.StdinWriter, OutputStream)}, giving each error line to {@code errorLines}. */
    private PgProcess.Result run(List<String> command, PgProcess.StdinWriter stdin, OutputStream stdout,
            Consumer<String> errorLines) {
        try {
            return PgProcess.run(command, Map.of(), stdin, stdout, errorLines);
        } catch (PgProcess.NotStarted e) {
            throw new CliFailure(Exit.LOCAL_TOOLS, e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CliFailure(Exit.FAILED, command.get(0) + " was interrupted", e);
        } catch (CliFailure e) {
            throw e;
        } catch (Exception e) {
            throw new CliFailure(Exit.FAILED, "feeding " + command.get(0) + " failed: " + e.getMessage(), e);
        }
    }

    private static void requireSuccess(String tool, PgProcess.Result result) {
        if (result.exitCode() != 0) {
            throw new CliFailure(Exit.LOCAL_DATABASE, tool + " failed: " + result.lastLines(4)
                    + (result.errors().contains("connection") ? "; " + CONNECTION_HINT : ""));
        }
    }
}
