package org.juniper.upgrade.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URISyntaxException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
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
 * {@code bash <(curl -s http://<intake>/upgrade) ...} as an administrator runs it, against a server that serves the
 * launcher and the jar the way intake is to serve them: the jar is fetched once, then only when it changed, and the
 * client talks to the intake the launcher came from.
 */
class LauncherTest {
    private static final ZonedDateTime JAR_TIME = ZonedDateTime.of(2026, 5, 4, 9, 30, 0, 0, ZoneOffset.UTC);

    private HttpServer server;
    private final List<String> jarAnswers = new CopyOnWriteArrayList<>();
    private byte[] jar;
    @TempDir
    Path work;

    @BeforeEach
    void setUp() throws Exception {
        jar = launchingJar();
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/upgrade", this::serve);
        server.start();
    }

    @AfterEach
    void tearDown() {
        server.stop(0);
    }

    @Test
    void theLauncherFetchesTheJarOnceAndRunsItAgainstTheIntakeItCameFrom() throws Exception {
        String token = UUID.randomUUID() + ":secret";

        Run first = launch("status", "-t", token);
        Run second = launch("status", "-t", token);

        assertEquals(Exit.REFUSED, first.exitCode(), first.output());
        assertTrue(first.output().contains("the platform knows no such request"), "the client asked the intake "
                + "the launcher came from:\n" + first.output());
        assertEquals(Exit.REFUSED, second.exitCode(), second.output());
        assertEquals(List.of("200", "304"), jarAnswers, "the cached jar is used while it has not changed");
    }

    @Test
    void withoutTheIntakesAddressTheLauncherSaysWhereToGetIt() throws Exception {
        Process bash = new ProcessBuilder("bash", script().toString(), "--help").redirectErrorStream(true).start();
        String output = new String(bash.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

        assertTrue(bash.waitFor(30, TimeUnit.SECONDS));
        assertEquals(1, bash.exitValue(), output);
        assertTrue(output.contains("the platform's address is unknown"), output);
    }

    private record Run(int exitCode, String output) {
    }

    private Run launch(String... args) throws Exception {
        String url = "http://127.0.0.1:" + server.getAddress().getPort();
        ProcessBuilder builder = new ProcessBuilder(Stream.concat(Stream.of("bash", "-c",
                "bash <(curl -s " + url + "/upgrade) \"$@\"", "upgrade"), Stream.of(args)).toList())
                .redirectErrorStream(true);
        builder.environment().remove("JUNIPER_UPGRADE_URL");
        builder.environment().put("XDG_CACHE_HOME", work.resolve("cache").toString());
        Process bash = builder.start();
        String output = new String(bash.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(bash.waitFor(60, TimeUnit.SECONDS), output);
        return new Run(bash.exitValue(), output);
    }

    /** /upgrade: the launcher with the server's address in it; /upgrade/upgrade-cli.jar: the jar, with its date. */
    private void serve(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (exchange.getRequestURI().getPath().equals("/upgrade")) {
                String address = "http://127.0.0.1:" + server.getAddress().getPort();
                send(exchange, 200, Files.readString(script()).replace("@INTAKE_URL@", address)
                        .getBytes(StandardCharsets.UTF_8));
                return;
            }
            String since = exchange.getRequestHeaders().getFirst("If-Modified-Since");
            if (since != null && !ZonedDateTime.parse(since, DateTimeFormatter.RFC_1123_DATE_TIME).isBefore(
                    JAR_TIME)) {
                jarAnswers.add("304");
                exchange.sendResponseHeaders(304, -1);
                return;
            }
            jarAnswers.add("200");
            exchange.getResponseHeaders().add("Last-Modified", DateTimeFormatter.RFC_1123_DATE_TIME.format(
                    JAR_TIME));
            send(exchange, 200, jar);
        }
    }

    private static void send(HttpExchange exchange, int status, byte[] body) throws IOException {
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    private static Path script() {
        try {
            return Path.of(LauncherTest.class.getResource("/upgrade.sh").toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
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
}
