package org.juniper.upgrade.cli;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** The CLI as an administrator runs it: its own JVM and environment, no terminal, output captured. */
final class CliProcess {
    record Result(int exitCode, String output) {
    }

    private final Process process;
    private final Path output;

    private CliProcess(Process process, Path output) {
        this.process = process;
        this.output = output;
    }

    /** Starts {@code upgrade args...} with the test's classpath, stdout and stderr together in a file. */
    static CliProcess start(Map<String, String> env, Path workDir, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-cp", System.getProperty("java.class.path"), UpgradeCli.class.getName()));
        command.addAll(List.of(args));
        Path output = Files.createTempFile(workDir, "cli-", ".out");
        ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile()).redirectErrorStream(true)
                .redirectOutput(output.toFile()).redirectInput(ProcessBuilder.Redirect.from(new File(
                        "/dev/null")));
        builder.environment().putAll(env);
        return new CliProcess(builder.start(), output);
    }

    static Result run(Map<String, String> env, Path workDir, String... args) throws Exception {
        return start(env, workDir, args).waitFor();
    }

    Result waitFor() throws Exception {
        if (!process.waitFor(90, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("the CLI did not end within 90 s:\n" + output());
        }
        return new Result(process.exitValue(), output());
    }

    /** Stops the CLI as a terminal's Ctrl-C or a kill would (SIGTERM: shutdown hooks run). */
    Result kill() throws Exception {
        process.destroy();
        process.waitFor(30, TimeUnit.SECONDS);
        return new Result(process.exitValue(), output());
    }

    /** Kills the CLI outright (SIGKILL): nothing of its own runs after. */
    Result killOutright() throws Exception {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
        return new Result(process.exitValue(), output());
    }

    private String output() throws IOException {
        try (InputStream in = Files.newInputStream(output)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
