package org.juniper.upgrade.e2e;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.juniper.sample.SampleDatabase;
import org.juniper.sample.SampleSpec;
import org.juniper.upgrade.archive.BackupArchiveWriter;
import org.juniper.upgrade.archive.Manifest;
import org.juniper.upgrade.bindings.objectstore.ArtifactStore;
import org.juniper.upgrade.bindings.testing.InstanceObjectStore;
import org.juniper.upgrade.client.IntakeClient;
import org.juniper.upgrade.client.Token;

/** The infrastructure of the instance the tests run on, as its operator handles it, and what it is fed. */
final class TestInstance {
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    /** The contract the suites register once and request under. */
    static final String CONTRACT = "M2026-0042";

    private TestInstance() {
    }

    /** Stops one part of the infrastructure (kafka, s3proxy, greenmail, postgres-platform, ...). */
    static void stop(String part) throws Exception {
        platform("stop", part);
    }

    static void start(String part) throws Exception {
        platform("start", part);
    }

    private static void platform(String command, String part) throws Exception {
        Path root = Path.of(System.getProperty("juniper.project.root", ".."));
        Process process = new ProcessBuilder(root.resolve("platform").toString(), "--instance",
                ServiceProcesses.env("JUNIPER_PLATFORM_INSTANCE"), command, part).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (process.waitFor() != 0) {
            throw new IllegalStateException("./platform " + command + " " + part + " failed:\n" + output);
        }
    }

    /** The notification service's gauge of mails queued and not sent yet. */
    static long mailsWaiting() throws Exception {
        HttpResponse<String> metrics = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
                + ServiceProcesses.managementPort("notification-service") + "/q/metrics")).build(),
                HttpResponse.BodyHandlers.ofString());
        return metrics.body().lines().filter(line -> line.startsWith("juniper_mails_waiting"))
                .mapToLong(line -> (long) Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .findFirst().orElseThrow(() -> new AssertionError("no juniper_mails_waiting gauge"));
    }

    /** A sample Juniper 14.0 backup of {@code database}; scale 0.01 upgrades in seconds, 0.3 takes a while. */
    static byte[] sample(String database, double scale) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new SampleDatabase().writeBackup(out, new SampleSpec(database, "14.0", scale, 42));
        return out.toByteArray();
    }

    /**
     * A backup that passes intake's checks but is no Juniper database (no module registry): the worker refuses it
     * with {@code BACKUP:NOT_JUNIPER}.
     */
    static byte[] notJuniper(String database) throws Exception {
        return backupOf(database, "CREATE TABLE public.orders (id integer, total numeric);\n");
    }

    /** A 14.0 backup whose dump is {@code dumpSql}: it passes intake's checks, whatever the worker makes of it. */
    static byte[] backupOf(String database, String dumpSql) throws Exception {
        ByteArrayOutputStream backup = new ByteArrayOutputStream();
        try (BackupArchiveWriter writer = new BackupArchiveWriter(backup)) {
            writer.manifest(Manifest.of(database, "14.0", "15", Map.of("base", "14.0.1.3")));
            try (OutputStream dump = writer.dump()) {
                dump.write(dumpSql.getBytes(StandardCharsets.UTF_8));
            }
            writer.finish();
        }
        return backup.toByteArray();
    }

    /** A zip of upgrade scripts laid out as the platform's own: path to SQL. */
    static byte[] scripts(Map<String, String> scripts) throws IOException {
        ByteArrayOutputStream zip = new ByteArrayOutputStream();
        try (ZipOutputStream out = new ZipOutputStream(zip)) {
            for (Map.Entry<String, String> script : scripts.entrySet()) {
                out.putNextEntry(new ZipEntry(script.getKey()));
                out.write(script.getValue().getBytes(StandardCharsets.UTF_8));
                out.closeEntry();
            }
        }
        return zip.toByteArray();
    }

    /** The instance's bucket, through the platform's client, as a hosting platform that keeps backups there. */
    static ArtifactStore objectStore() {
        return new ArtifactStore(new InstanceObjectStore(8 * 1024 * 1024));
    }

    /**
     * The folders the instance's workers keep a run's filestore and archive in, named after the run's attempt and
     * claim: one work folder per worker, side by side.
     */
    static List<Path> workFolders(String attempt) throws IOException {
        Path workers = Path.of(ServiceProcesses.env("JUNIPER_WORKER_WORK_DIR")).getParent();
        if (!Files.isDirectory(workers)) {
            return List.of();
        }
        try (Stream<Path> folders = Files.walk(workers, 2)) {
            return folders.filter(p -> p.getFileName().toString().startsWith(attempt)).toList();
        }
    }

    /** The requester API of the instance's intake. */
    static IntakeClient intake() {
        return new IntakeClient(URI.create("http://127.0.0.1:" + ServiceProcesses.port("intake-service")));
    }

    /** A new request under the suites' contract, as the upgrade website creates it. */
    static Token newRequest(String email, String database, String purpose) {
        return intake().create(new IntakeClient.NewRequest(CONTRACT, email, database, "17.0", null, purpose))
                .token();
    }

    static boolean terminal(String state) {
        return List.of("done", "failed", "cancelled").contains(state);
    }
}
