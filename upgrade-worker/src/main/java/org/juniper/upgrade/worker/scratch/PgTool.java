package org.juniper.upgrade.worker.scratch;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Runs one PostgreSQL client tool, feeding or draining its standard streams, keeping the tail of its errors. */
final class PgTool {
    private static final int ERROR_TAIL = 4000;

    private PgTool() {
    }

    interface StdinWriter {
        void write(OutputStream stdin) throws Exception;
    }

    record Result(int exitCode, String errors) {
    }

    static Path binary(Optional<String> pgBin, String tool) {
        if (pgBin.isEmpty()) {
            return Path.of(tool);
        }
        Path path = Path.of(pgBin.get(), tool);
        if (!Files.isExecutable(path)) {
            throw new IllegalStateException(tool + " not found in " + pgBin + "; install the PostgreSQL client "
                    + "tools or set juniper.scratch.pg-bin");
        }
        return path;
    }

    /** Runs the tool; {@code stdin} writes its input (or null), {@code stdout} receives its output (or null). */
    static Result run(List<String> command, Map<String, String> env, StdinWriter stdin, OutputStream stdout)
            throws Exception {
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().putAll(env);
        if (stdin == null) {
            builder.redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        }
        if (stdout == null) {
            builder.redirectOutput(ProcessBuilder.Redirect.DISCARD);
        }
        Process process = builder.start();
        StringBuilder errors = new StringBuilder();
        Thread errorReader = daemon(() -> keepTail(process.getErrorStream(), errors));
        Thread outputCopier = stdout == null ? null : daemon(() -> {
            try (InputStream out = process.getInputStream()) {
                out.transferTo(stdout);
            } catch (IOException e) {
                process.destroy();
            }
        });
        Exception inputFailure = null;
        if (stdin != null) {
            try (OutputStream in = process.getOutputStream()) {
                stdin.write(in);
            } catch (IOException e) {
                // the tool stopped reading: its exit code and errors say why
                inputFailure = e;
            } catch (Exception e) {
                process.destroyForcibly();
                throw e;
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
    }

    private static void keepTail(InputStream err, StringBuilder tail) {
        try (InputStream in = err) {
            byte[] buffer = new byte[8192];
            int n;
            while ((n = in.read(buffer)) > 0) {
                synchronized (tail) {
                    tail.append(new String(buffer, 0, n, StandardCharsets.UTF_8));
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

    static List<String> args(Path binary, String... args) {
        List<String> command = new ArrayList<>();
        command.add(binary.toString());
        command.addAll(List.of(args));
        return command;
    }
}
