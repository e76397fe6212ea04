package org.juniper.upgrade.e2e;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The five services as the operator runs them: {@code java -jar} of their built applications, configured only
 * through the environment that {@code ./platform test} exports for its infrastructure.
 */
final class ServiceProcesses implements AutoCloseable {
    static final List<String> SERVICES = List.of("intake-service", "upgrade-worker", "neutralizer-service",
            "report-service", "notification-service");
    private static final Map<String, String> PORT_VARIABLES = Map.of(
            "intake-service", "JUNIPER_INTAKE_PORT",
            "upgrade-worker", "JUNIPER_WORKER_PORT",
            "neutralizer-service", "JUNIPER_NEUTRALIZER_PORT",
            "report-service", "JUNIPER_REPORT_PORT",
            "notification-service", "JUNIPER_NOTIFICATION_PORT");
    /** Where each service answers health and metrics, apart from its own port. */
    private static final Map<String, String> MANAGEMENT_PORT_VARIABLES = Map.of(
            "intake-service", "JUNIPER_INTAKE_MANAGEMENT_PORT",
            "upgrade-worker", "JUNIPER_WORKER_MANAGEMENT_PORT",
            "neutralizer-service", "JUNIPER_NEUTRALIZER_MANAGEMENT_PORT",
            "report-service", "JUNIPER_REPORT_MANAGEMENT_PORT",
            "notification-service", "JUNIPER_NOTIFICATION_MANAGEMENT_PORT");
    /**
     * Settings of the tests' own, so that what takes minutes in production shows within a test's patience: intake's
     * reconciler looks over the requests every few seconds and takes a request no part reported on for 20 s for
     * lost; a worker silent for 10 s is taken for dead; a platform fault is retried for 45 s before the request
     * fails with it.
     */
    private static final Map<String, Map<String, String>> SETTINGS = Map.of(
            "intake-service", Map.of("JUNIPER_INTAKE_RECONCILER_INTERVAL", "5s",
                    "JUNIPER_INTAKE_RECONCILER_PICKUP_TIMEOUT", "PT20S", "JUNIPER_INTAKE_PUBLIC_URL", publicUrl(),
                    "JUNIPER_OBJECT_STORE_PUBLIC_ENDPOINT", publicObjectStore()),
            "notification-service", Map.of("JUNIPER_NOTIFICATION_INTAKE_URL", publicUrl()),
            "upgrade-worker", Map.of("JUNIPER_WORKER_LEASE", "PT10S", "JUNIPER_WORKER_HEARTBEAT", "PT2S",
                    "JUNIPER_WORKER_RETRY_WINDOW", "PT45S"));

    private static final Duration READY_TIMEOUT = Duration.ofSeconds(300);

    private final Path root = Path.of(System.getProperty("juniper.project.root", ".."));
    // one folder per instance: suites on two instances of one machine keep their logs apart
    private final Path logs = root.resolve("end-to-end-tests/target/service-logs")
            .resolve(env("JUNIPER_PLATFORM_INSTANCE"));
    private final Map<String, Process> running = new LinkedHashMap<>();
    private final HttpClient http = HttpClient.newHttpClient();
    private final String tracesEndpoint;

    /** {@code tracesEndpoint}: the OTLP (http/protobuf) collector every service exports its traces to. */
    ServiceProcesses(String tracesEndpoint) {
        this.tracesEndpoint = tracesEndpoint;
    }

    /**
     * Where people reach intake, as a proxy in front of it would publish it: not the address it binds, so that a
     * link naming the bound address shows.
     */
    static String publicUrl() {
        return "http://localhost:" + env("JUNIPER_INTAKE_PORT");
    }

    /** The object store as people reach it, by another name than the one the services use. */
    static String publicObjectStore() {
        return env("JUNIPER_OBJECT_STORE_ENDPOINT").replace("127.0.0.1", "localhost");
    }

    static String env(String name) {
        String value = System.getenv(name);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException(name + " is not set: run the end-to-end tests through './platform test', "
                    + "which starts their infrastructure and exports its addresses");
        }
        return value;
    }

    static int port(String service) {
        return Integer.parseInt(env(PORT_VARIABLES.get(service)));
    }

    static int managementPort(String service) {
        return Integer.parseInt(env(MANAGEMENT_PORT_VARIABLES.get(service)));
    }

    /**
     * Starts the five and waits until each is ready. The lanes of one suite run take turns (a lock in the project's
     * runner folder): the services of two lanes and the modules' tests starting at once on two cores take minutes.
     */
    void startAll() throws Exception {
        Path lockFile = root.resolve(".platform/e2e-services-start.lock");
        Files.createDirectories(lockFile.getParent());
        try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                FileLock turn = channel.lock()) {
            for (String service : SERVICES) {
                launch(service);
            }
            for (String service : SERVICES) {
                awaitReady(service);
            }
        }
    }

    void start(String service) throws Exception {
        launch(service);
        awaitReady(service);
    }

    private void launch(String service) throws IOException {
        launch(service, service, port(service), managementPort(service), Map.of());
    }

    /**
     * Starts one more instance of a service, as a second pod would be, under {@code name} on its own ports (the
     * worker's instance id derives from its port) and with its own work folder, and {@code settings} besides the
     * tests' own.
     */
    void startAnother(String service, String name, int port, int managementPort, Map<String, String> settings)
            throws Exception {
        Map<String, String> own = new HashMap<>(settings);
        own.put("JUNIPER_WORKER_WORK_DIR", Path.of(env("JUNIPER_WORKER_WORK_DIR")).resolveSibling(name).toString());
        launch(service, name, port, managementPort, own);
        awaitReady(name, managementPort);
    }

    /** Freezes a running instance as SIGSTOP does (a stalled pod, a long GC), or thaws it. */
    void signal(String name, String signal) throws Exception {
        Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(running.get(name).pid())).start();
        if (kill.waitFor() != 0) {
            throw new IllegalStateException("kill -" + signal + " " + name + " failed");
        }
    }

    private void launch(String service, String name, int port, int managementPort, Map<String, String> settings)
            throws IOException {
        Path jar = root.resolve(service).resolve("target/quarkus-app/quarkus-run.jar");
        if (!Files.exists(jar)) {
            throw new IllegalStateException(jar + " is missing: build the services first (./mvnw package)");
        }
        Files.createDirectories(logs);
        // the same options as ./platform gives them, marker property included, so that the tests see what it runs
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-Djuniper.platform.part=" + name + "@end-to-end-tests", "-jar", jar.toString());
        builder.environment().put("QUARKUS_HTTP_PORT", Integer.toString(port));
        builder.environment().put("QUARKUS_MANAGEMENT_PORT", Integer.toString(managementPort));
        // traced as in production: the SDK on, a collector named
        builder.environment().put("QUARKUS_OTEL_SDK_DISABLED", "false");
        builder.environment().put("QUARKUS_OTEL_EXPORTER_OTLP_TRACES_ENDPOINT", tracesEndpoint);
        builder.environment().putAll(SETTINGS.getOrDefault(service, Map.of()));
        builder.environment().putAll(settings);
        builder.redirectErrorStream(true);
        builder.redirectOutput(ProcessBuilder.Redirect.appendTo(logs.resolve(name + ".log").toFile()));
        running.put(name, builder.start());
    }

    private void awaitReady(String service) throws Exception {
        awaitReady(service, managementPort(service));
    }

    private void awaitReady(String service, int managementPort) throws Exception {
        // more patient than ./platform up: on two busy cores, another lane and the modules' tests run meanwhile
        long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
        URI ready = URI.create("http://127.0.0.1:" + managementPort + "/q/health/ready");
        while (System.nanoTime() < deadline) {
            Process process = running.get(service);
            if (!process.isAlive()) {
                throw new IllegalStateException(service + " exited with " + process.exitValue() + "; see "
                        + logs.resolve(service + ".log"));
            }
            try {
                HttpResponse<String> response = http.send(HttpRequest.newBuilder(ready).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException(service + " did not become ready in " + READY_TIMEOUT.toSeconds() + " s; see " + logs.resolve(service
                + ".log"));
    }

    /**
     * Puts the platform back to the five services, each running: stops every instance a test added and starts again
     * any of the five that is gone, thawing first what a test left frozen.
     */
    void restoreStandardSet() throws Exception {
        for (String name : List.copyOf(running.keySet())) {
            if (running.get(name).isAlive()) {
                signal(name, "CONT");
            }
            if (!SERVICES.contains(name)) {
                kill(name);
            }
        }
        for (String service : SERVICES) {
            Process process = running.get(service);
            if (process == null || !process.isAlive()) {
                start(service);
            }
        }
    }

    /** Ends the service the hard way, like a crashed pod: no shutdown hook runs, nothing is committed. */
    void kill(String service) throws InterruptedException {
        Process process = running.remove(service);
        process.destroyForcibly();
        process.waitFor();
    }

    @Override
    public void close() throws InterruptedException {
        for (Process process : running.values()) {
            process.destroy();
        }
        for (Process process : running.values()) {
            if (!process.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        }
        running.clear();
    }
}
