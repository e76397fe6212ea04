package org.juniper.upgrade.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code python3 <(curl -s https://<platform>/upgrade) ...} and {@code bash <(curl ...)} as an administrator runs
 * them, against a server that serves the launcher, the jar and a Java runtime the way intake does: both are fetched
 * once, checked against the sha256 the launcher carries, and the client talks to the platform the launcher names.
 */
class LauncherTest {
    private HttpServer server;
    private final Map<String, Integer> fetches = new ConcurrentHashMap<>();
    private byte[] jar;
    private byte[] runtime;
    /** What the launcher announces; a test changes one to play a download altered on its way. */
    private String jarSha256;
    private String runtimeSha256;
    @TempDir
    Path work;

    @BeforeEach
    void setUp() throws Exception {
        jar = launchingJar();
        runtime = runtime();
        jarSha256 = sha256(jar);
        runtimeSha256 = sha256(runtime);
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/upgrade", this::serve);
        server.start();
    }

    @AfterEach
    void tearDown() {
        server.stop(0);
    }

    @Test
    void pythonFetchesTheRuntimeAndTheJarOnceAndRunsTheClientAgainstThePlatformTheLauncherNames() throws Exception {
        String token = UUID.randomUUID() + ":secret";

        Run first = launch("python3", "status", "-t", token);
        Run second = launch("python3", "status", "-t", token);

        assertEquals(Exit.REFUSED, first.exitCode(), first.output());
        assertTrue(first.output().contains("the platform knows no such request"), "the client asked the platform "
                + "the launcher names:\n" + first.output());
        assertEquals(Exit.REFUSED, second.exitCode(), second.output());
        assertEquals(Map.of("/upgrade/upgrade-cli.jar", 1, "/upgrade/java-runtime.tar.gz", 1), downloads(),
                "the cached copies are used again");
    }

    @Test
    void bashRunsTheSameLauncher() throws Exception {
        Run help = launch("bash", "--help");

        assertEquals(Exit.OK, help.exitCode(), help.output());
        assertTrue(help.output().contains("Commands:") && help.output().contains("production"), help.output());
    }

    @Test
    void aJarWhoseSha256IsNotTheAnnouncedOneIsRefusedAndNotRun() throws Exception {
        jarSha256 = sha256("another jar".getBytes(StandardCharsets.UTF_8));

        Run run = launch("python3", "--help");

        assertEquals(1, run.exitCode(), run.output());
        assertTrue(run.output().contains("the client fetched from http://") && run.output().contains(
                "not " + jarSha256 + " as the platform announced: it was not run"), run.output());
        assertTrue(!run.output().contains("Commands:"), run.output());
        assertEquals(List.of(), cached(), "nothing unchecked is kept");
    }

    @Test
    void aRuntimeWhoseSha256IsNotTheAnnouncedOneIsRefusedAndNotRun() throws Exception {
        runtimeSha256 = sha256("another runtime".getBytes(StandardCharsets.UTF_8));

        Run run = launch("bash", "--help");

        assertEquals(1, run.exitCode(), run.output());
        assertTrue(run.output().contains("the Java runtime fetched from http://") && run.output().contains(
                "not " + runtimeSha256 + " as the platform announced: it was not run"), run.output());
        assertTrue(!run.output().contains("Commands:"), run.output());
    }

    @Test
    void withoutThePlatformsAddressTheLauncherSaysWhereToGetIt() throws Exception {
        Process python = new ProcessBuilder("python3", launcher().toString(), "--help").redirectErrorStream(true)
                .start();
        String output = new String(python.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

        assertTrue(python.waitFor(30, TimeUnit.SECONDS));
        assertEquals(1, python.exitValue(), output);
        assertTrue(output.contains("the platform's address is unknown"), output);
    }

    private record Run(int exitCode, String output) {
    }

    /** {@code <shell> <(curl -s <platform>/upgrade) args...}, with an empty cache folder of its own. */
    private Run launch(String shell, String... args) throws Exception {
        String url = "http://127.0.0.1:" + server.getAddress().getPort();
        ProcessBuilder builder = new ProcessBuilder(Stream.concat(Stream.of("bash", "-c",
                shell + " <(curl -s " + url + "/upgrade) \"$@\"", "upgrade"), Stream.of(args)).toList())
                .redirectErrorStream(true);
        builder.environment().remove("JUNIPER_UPGRADE_URL");
        builder.environment().put("XDG_CACHE_HOME", work.resolve("cache").toString());
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), output);
        return new Run(process.exitValue(), output);
    }

    private Map<String, Integer> downloads() {
        Map<String, Integer> downloads = new ConcurrentHashMap<>(fetches);
        downloads.remove("/upgrade");
        return downloads;
    }

    private List<String> cached() throws IOException {
        Path cache = work.resolve("cache/juniper-upgrade");
        if (!Files.isDirectory(cache)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(cache)) {
            return files.map(file -> file.getFileName().toString()).toList();
        }
    }

    /** /upgrade: the launcher as intake fills it in; then the jar and the runtime. */
    private void serve(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            fetches.merge(path, 1, Integer::sum);
            switch (path) {
                case "/upgrade" -> send(exchange, Files.readString(launcher())
                        .replace("@PLATFORM_URL@", "http://127.0.0.1:" + server.getAddress().getPort())
                        .replace("@CLIENT_SHA256@", jarSha256).replace("@RUNTIME_SHA256@", runtimeSha256)
                        .getBytes(StandardCharsets.UTF_8));
                case "/upgrade/upgrade-cli.jar" -> send(exchange, jar);
                case "/upgrade/java-runtime.tar.gz" -> send(exchange, runtime);
                default -> exchange.sendResponseHeaders(404, -1);
            }
        }
    }

    private static void send(HttpExchange exchange, byte[] body) throws IOException {
        exchange.sendResponseHeaders(200, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    private static Path launcher() {
        try {
            return Path.of(LauncherTest.class.getResource("/upgrade.py").toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    /** A jar that runs the CLI from this build's classes (the shaded jar is made after the tests). */
    private byte[] launchingJar() throws IOException {
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, UpgradeCli.class.getName());
        manifest.getMainAttributes().put(Attributes.Name.CLASS_PATH, Stream.of(System.getProperty(
                "java.class.path").split(File.pathSeparator)).map(entry -> Path.of(entry).toUri().toString())
                .collect(Collectors.joining(" ")));
        Path file = work.resolve("upgrade-cli.jar");
        try (OutputStream out = Files.newOutputStream(file); JarOutputStream ignored = new JarOutputStream(out,
                manifest)) {
            // the manifest is the whole jar
        }
        try (InputStream in = Files.newInputStream(file)) {
            return in.readAllBytes();
        }
    }

    /** A runtime whose bin/java is the JDK running the tests (the real one is made by the package phase). */
    private byte[] runtime() throws Exception {
        Path image = Files.createDirectories(work.resolve("image/bin"));
        Path java = image.resolve("java");
        Files.writeString(java, "#!/bin/sh\nexec '" + Path.of(System.getProperty("java.home"), "bin", "java")
                + "' \"$@\"\n");
        Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path archive = work.resolve("java-runtime.tar.gz");
        Process tar = new ProcessBuilder("tar", "czf", archive.toString(), "-C", image.getParent().toString(), "bin")
                .redirectErrorStream(true).start();
        String output = new String(tar.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, tar.waitFor(), output);
        return Files.readAllBytes(archive);
    }
}
