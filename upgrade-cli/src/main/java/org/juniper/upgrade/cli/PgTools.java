package org.juniper.upgrade.cli;

import java.io.File;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.juniper.upgrade.archive.psql.PgProcess;
import org.juniper.upgrade.archive.psql.PgProcess.Result;
import org.juniper.upgrade.archive.psql.PgProcess.StdinWriter;

/**
 * The local PostgreSQL client tools (psql, pg_dump, pg_restore), found on the PATH or in {@code --pg-bin}. They run
 * with the process environment, so the usual libpq settings (PGHOST, PGPORT, PGUSER, PGPASSWORD, ~/.pgpass) choose
 * the server, exactly as for psql at the same prompt.
 */
final class PgTools {
    private static final Pattern VERSION = Pattern.compile("\\) (\\d+)(?:\\.(\\d+))?");

    private final Path binDir;

    /** @param binDir where the tools are, or null to look on the PATH */
    PgTools(Path binDir) {
        this.binDir = binDir;
    }

    /** The tool's path; a missing tool ends the command with what to install. */
    Path find(String tool) {
        if (binDir != null) {
            Path path = binDir.resolve(tool);
            if (Files.isExecutable(path)) {
                return path;
            }
            throw missing(tool, "is not in " + binDir + " (--pg-bin)");
        }
        String searchPath = System.getenv("PATH");
        for (String dir : (searchPath == null ? "" : searchPath).split(File.pathSeparator)) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, tool))) {
                return Path.of(dir, tool);
            }
        }
        throw missing(tool, "is not installed (not found on the PATH)");
    }

    private static CliFailure missing(String tool, String where) {
        return new CliFailure(Exit.LOCAL_TOOLS, tool + " " + where + ". It comes with the PostgreSQL client tools: "
                + "install them with 'sudo apt install postgresql-client' (Debian, Ubuntu), 'sudo dnf install "
                + "postgresql' (Fedora, RHEL) or 'brew install libpq' (macOS), choosing the major version of your "
                + "PostgreSQL server or a newer one, or give their folder with --pg-bin");
    }

    /** The major version of a tool, from {@code <tool> --version} ("pg_dump (PostgreSQL) 15.18" gives 15). */
    int majorVersion(String tool) {
        List<String> command = List.of(find(tool).toString(), "--version");
        StringBuilder out = new StringBuilder();
        Result result = run(command, null, new OutputStream() {
            @Override
            public void write(int b) {
                out.append((char) b);
            }
        });
        Matcher m = VERSION.matcher(out);
        if (result.exitCode() != 0 || !m.find()) {
            throw new CliFailure(Exit.LOCAL_TOOLS, "cannot tell the version of " + command.get(0) + " ('" + out
                    .toString().strip() + "'); reinstall the PostgreSQL client tools");
        }
        return Integer.parseInt(m.group(1));
    }

    /**
     * Runs a tool; {@code stdin} writes its input (or null for none), {@code stdout} receives its output (or null
     * to drop it).
     */
    Result run(List<String> command, StdinWriter stdin, OutputStream stdout) {
        return run(command, stdin, stdout, null);
    }

    /** {@link #run(List, StdinWriter, OutputStream)}, giving each line of standard error to {@code errorLines}. */
    Result run(List<String> command, StdinWriter stdin, OutputStream stdout, Consumer<String> errorLines) {
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

    /** The command line for a tool: its path, then the arguments. */
    List<String> command(String tool, String... args) {
        List<String> command = new ArrayList<>();
        command.add(find(tool).toString());
        command.addAll(Arrays.asList(args));
        return command;
    }
}
