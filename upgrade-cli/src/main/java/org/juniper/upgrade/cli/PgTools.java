package org.juniper.upgrade.cli;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The local PostgreSQL client tools (psql, pg_dump, pg_restore), found on the PATH or in {@code --pg-bin}. They run
 * with the process environment, so the usual libpq settings (PGHOST, PGPORT, PGUSER, PGPASSWORD, ~/.pgpass) choose
 * the server, exactly as for psql at the same prompt.
 */
final class PgTools {
    private static final int ERROR_TAIL = 4000;
    private static final Pattern VERSION = Pattern.compile("\\) (\\d+)(?:\\.(\\d+))?");

    private final Path binDir;

    /** @param binDir where the tools are, or null to look on the PATH */
    PgTools(Path binDir) {
        this.binDir = binDir;
    }

    interface StdinWriter {
        void write(OutputStream stdin) throws Exception;
    }

    /** How a tool ended; {@code errors} is the tail of its standard error. */
    record Result(int exitCode, String errors) {
        /** The last lines of the errors on one line, for a message. */
        String lastErrors() {
            String[] lines = errors.strip().split("\n");
            return String.join(" | ", Arrays.copyOfRange(lines, Math.max(0, lines.length - 4), lines.length));
        }
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
        ProcessBuilder builder = new ProcessBuilder(command);
        if (stdin == null) {
            builder.redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        }
        if (stdout == null) {
            builder.redirectOutput(ProcessBuilder.Redirect.DISCARD);
        }
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new CliFailure(Exit.LOCAL_TOOLS, "cannot run " + command.get(0) + ": " + e.getMessage(), e);
        }
        try {
            StringBuilder errors = new StringBuilder();
            Thread errorReader = daemon(() -> keepTail(process.getErrorStream(), errors, errorLines));
            Thread outputCopier = stdout == null ? null : daemon(() -> {
                try (InputStream out = process.getInputStream()) {
                    out.transferTo(stdout);
                } catch (IOException e) {
                    // the receiver failed (disk full, ...): stopping the tool makes the failure visible
                    process.destroy();
                }
            });
            IOException inputFailure = null;
            if (stdin != null) {
                try (OutputStream in = process.getOutputStream()) {
                    stdin.write(in);
                } catch (IOException e) {
                    // the tool stopped reading: its exit code and errors say why
                    inputFailure = e;
                }
            }
            int exit = process.waitFor();
            errorReader.join();
            if (outputCopier != null) {
                outputCopier.join();
            }
            if (exit == 0 && inputFailure != null) {
                throw inputFailure;
            }
            return new Result(exit, errors.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CliFailure(Exit.FAILED, command.get(0) + " was interrupted", e);
        } catch (CliFailure e) {
            throw e;
        } catch (Exception e) {
            throw new CliFailure(Exit.FAILED, "feeding " + command.get(0) + " failed: " + e.getMessage(), e);
        } finally {
            if (process.isAlive()) {
                process.destroyForcibly();
            }
        }
    }

    /** The command line for a tool: its path, then the arguments. */
    List<String> command(String tool, String... args) {
        List<String> command = new ArrayList<>();
        command.add(find(tool).toString());
        command.addAll(Arrays.asList(args));
        return command;
    }

    private static Thread daemon(Runnable body) {
        Thread thread = new Thread(body, "pg-tool-stream");
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    private static void keepTail(InputStream errors, StringBuilder tail, Consumer<String> lines) {
        StringBuilder line = new StringBuilder();
        try (InputStream in = errors) {
            byte[] buffer = new byte[8192];
            int n;
            while ((n = in.read(buffer)) > 0) {
                String text = new String(buffer, 0, n, StandardCharsets.UTF_8);
                if (lines != null) {
                    for (char c : text.toCharArray()) {
                        if (c == '\n') {
                            lines.accept(line.toString());
                            line.setLength(0);
                        } else {
                            line.append(c);
                        }
                    }
                }
                synchronized (tail) {
                    tail.append(text);
                    if (tail.length() > ERROR_TAIL) {
                        tail.delete(0, tail.length() - ERROR_TAIL);
                    }
                }
            }
        } catch (IOException e) {
            // the tool's exit code tells what happened
        }
    }
}
