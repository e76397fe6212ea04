package org.juniper.upgrade.archive.psql;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/** Runs one PostgreSQL client tool, feeding or draining its standard streams, keeping the tail of its errors. */
public final class PgProcess {
    private static final int ERROR_TAIL = 4000;

    private PgProcess() {
    }

    public interface StdinWriter {
        void write(OutputStream stdin) throws Exception;
    }

    /** How a tool ended; {@code errors} is the tail of its standard error. */
    public record Result(int exitCode, String errors) {
        /** The last {@code count} lines of the errors on one line, for a message. */
        public String lastLines(int count) {
            String[] lines = errors.strip().split("\n");
            return String.join(" | ", Arrays.copyOfRange(lines, Math.max(0, lines.length - count), lines.length));
        }
    }

    /** The tool could not be started at all (not executable, gone): no exit code, no errors of its own. */
    public static final class NotStarted extends IOException {
        NotStarted(String tool, IOException cause) {
            super("cannot run " + tool + ": " + cause.getMessage(), cause);
        }
    }

    /**
     * Runs the tool with {@code env} added to this process's environment; {@code stdin} writes its input (or null),
     * {@code stdout} receives its output (or null).
     */
    public static Result run(List<String> command, Map<String, String> env, StdinWriter stdin, OutputStream stdout)
            throws Exception {
        return run(command, env, stdin, stdout, null);
    }

    /** {@link #run(List, Map, StdinWriter, OutputStream)}, giving each line of standard error to {@code errorLines}. */
    public static Result run(List<String> command, Map<String, String> env, StdinWriter stdin, OutputStream stdout,
            Consumer<String> errorLines) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().putAll(env);
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
            throw new NotStarted(command.get(0), e);
        }
        try {
            StringBuilder errors = new StringBuilder();
            Thread errorReader = daemon(() -> keepTail(process.getErrorStream(), errors, errorLines));
            AtomicReference<Exception> outputFailure = new AtomicReference<>();
            Thread outputCopier = stdout == null ? null : daemon(() -> {
                try (InputStream out = process.getInputStream()) {
                    out.transferTo(stdout);
                } catch (IOException | RuntimeException e) {
                    // the receiver failed (disk full, the object store away): the tool is stopped, and the failure
                    // is the receiver's, not the tool's
                    outputFailure.set(e);
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
            if (outputFailure.get() != null) {
                throw outputFailure.get();
            }
            if (exit == 0 && inputFailure != null) {
                throw inputFailure;
            }
            return new Result(exit, errors.toString());
        } finally {
            if (process.isAlive()) {
                process.destroyForcibly();
            }
        }
    }

    private static void keepTail(InputStream err, StringBuilder tail, Consumer<String> lines) {
        StringBuilder line = new StringBuilder();
        try (InputStream in = err) {
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
        } catch (IOException ignored) {
            // the process ended; what was read is the tail
        }
    }

    private static Thread daemon(Runnable task) {
        Thread thread = new Thread(task, "pg-tool-io");
        thread.setDaemon(true);
        thread.start();
        return thread;
    }
}
