package org.juniper.upgrade.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.juniper.erp.JuniperPack;
import org.juniper.sample.SampleDatabase;
import org.juniper.sample.SampleSpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An on-premise administrator's run of the {@code upgrade} client as the platform serves it, against the five running
 * services: {@code python3 <(curl -s <platform>/upgrade) test -d <db> -t 17.0} (and the same with bash), with no
 * other flag, no Java on the PATH and the e-mail address typed at the prompt of a terminal. A local 14.0 database
 * that records its contract (the instance's scratch PostgreSQL plays the administrator's server) becomes a restored,
 * neutralized 17.0 test copy with the original's files plus the new ones.
 */
class UpgradeCliIT extends RunningPlatform {
    private static final Pattern RESTORED = Pattern.compile("database '([^']+)' is the upgraded copy");
    private static final String PROMPT = "E-mail address that receives the upgrade's result";
    private static final String AUTOVACUUM_CRON = "(select res_id from ir_model_data where module = 'base' "
            + "and name = 'autovacuum_job' and model = 'ir.cron')";

    /** Shared by the runs, as on one machine: the client and its Java runtime are fetched once. */
    @TempDir
    static Path cache;

    private final String prefix = "cli_e2e_" + UUID.randomUUID().toString().substring(0, 8);
    private final ScratchPostgres postgres = new ScratchPostgres();
    @TempDir
    Path work;

    @AfterEach
    void dropDatabases() {
        postgres.dropAll(prefix);
    }

    @Test
    void pythonWithOnlyTheDatabaseAndTheTargetRestoresANeutralized17CopyWithTheMergedFilestore() throws Exception {
        upgradesALocal14Database("python3");
    }

    @Test
    void bashDoesTheSame() throws Exception {
        upgradesALocal14Database("bash");
    }

    private void upgradesALocal14Database(String shell) throws Exception {
        String database = prefix + "_acme";
        Path filestore = work.resolve("data/Juniper/filestore");
        localDatabase(database, filestore.resolve(database));
        TestInstance.intake().registerContract(Operations.TOKEN, postgres.sql(database, "select value from ir_config_parameter where key "
                + "= '" + JuniperPack.CONTRACT_PARAMETER + "'"), "acme-hosting");
        List<Path> originalFiles = files(filestore.resolve(database));
        assertTrue(count(database, "ir_cron where active and id not in " + AUTOVACUUM_CRON) > 0
                && count(database, "ir_mail_server where active") > 0 && !originalFiles.isEmpty(),
                "the sample has scheduled actions, a mail server and files");

        String output = atTerminal(shell + " <(curl -s http://127.0.0.1:" + ServiceProcesses.port("intake-service")
                + "/upgrade) test -d " + database + " -t 17.0", "e2e-" + UUID.randomUUID() + "@acme.example");

        Matcher restored = RESTORED.matcher(output);
        assertTrue(restored.find(), output);
        String copy = restored.group(1);
        assertEquals(1, count(postgres.adminDb(), "pg_database where datname = '" + copy + "'"));
        assertEquals("17.0", postgres.sql(copy, "select distinct split_part(latest_version, '.', 1) || '.0' "
                + "from ir_module_module where state = 'installed'"), "every installed module is at 17.0");
        assertEquals("true", postgres.sql(copy, "select value from ir_config_parameter "
                + "where key = 'database.is_neutralized'"));
        assertEquals(0, count(copy, "ir_cron where active and id not in " + AUTOVACUUM_CRON),
                "scheduled actions are off");
        assertEquals(0, count(copy, "ir_mail_server where active and smtp_host <> 'invalid'"),
                "real mail servers are archived");
        List<Path> copyFiles = files(filestore.resolve(copy));
        assertTrue(copyFiles.containsAll(originalFiles), "the original's files are all there");
        assertTrue(copyFiles.size() > originalFiles.size(), "and the new ones of the upgrade");
        assertEquals(0, missingFiles(copy, filestore.resolve(copy)), "every attachment has its file");
        assertEquals("14", postgres.sql(database, "select split_part(latest_version, '.', 1) from ir_module_module "
                + "where name = 'base'"), "the original is untouched");
    }

    /** A sample 14.0 database as an administrator has it: the dump restored, the files in the filestore. */
    private void localDatabase(String database, Path filestore) throws Exception {
        ByteArrayOutputStream backup = new ByteArrayOutputStream();
        new SampleDatabase().writeBackup(backup, new SampleSpec(database, "14.0", 0.01, 42));
        postgres.restore(database, backup.toByteArray(), filestore);
    }

    /**
     * Runs {@code command} with bash in a terminal ({@code script} gives it one), with a PATH of bash, curl, Python
     * and the PostgreSQL client tools only, and types {@code email} when the client asks for it; returns what the
     * terminal showed.
     */
    private String atTerminal(String command, String email) throws Exception {
        ProcessBuilder builder = new ProcessBuilder("/usr/bin/script", "-qfec", command, "/dev/null")
                .directory(work.toFile()).redirectErrorStream(true);
        Map<String, String> env = builder.environment();
        env.clear();
        env.putAll(postgres.env);
        env.put("PATH", pathWithoutJava().toString());
        env.put("SHELL", tool("bash").toString());
        env.put("HOME", work.toString());
        env.put("XDG_DATA_HOME", work.resolve("data").toString());
        env.put("XDG_CACHE_HOME", cache.toString());
        env.put("TERM", "dumb");
        long started = System.nanoTime();
        Process terminal = builder.start();
        // a client that waits for an answer that never comes would keep the terminal open for ever
        Thread watchdog = new Thread(() -> {
            try {
                if (!terminal.waitFor(8, TimeUnit.MINUTES)) {
                    terminal.destroyForcibly();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        watchdog.setDaemon(true);
        watchdog.start();
        StringBuilder shown = new StringBuilder();
        long promptAt = 0;
        try (InputStream screen = terminal.getInputStream(); OutputStream keyboard = terminal.getOutputStream()) {
            byte[] buffer = new byte[8192];
            for (int n; (n = screen.read(buffer)) > 0; ) {
                shown.append(new String(buffer, 0, n, StandardCharsets.UTF_8));
                if (promptAt == 0 && shown.indexOf(PROMPT) >= 0) {
                    promptAt = System.nanoTime();
                    keyboard.write((email + "\n").getBytes(StandardCharsets.UTF_8));
                    keyboard.flush();
                }
            }
        }
        terminal.waitFor();
        assertTrue(promptAt > 0, "the client asked for the e-mail address:\n" + shown);
        assertEquals(0, terminal.exitValue(), shown.toString());
        System.out.printf("%s: the prompt after %.1f s (client fetched or cached, Java runtime started), the whole "
                + "run %.1f s%n", command.substring(0, command.indexOf(' ')), (promptAt - started) / 1e9,
                (System.nanoTime() - started) / 1e9);
        return shown.toString();
    }

    /** A folder of links to the only programs the launcher and the client need: no java among them. */
    private Path pathWithoutJava() throws Exception {
        Path bin = Files.createDirectories(work.resolve("bin"));
        for (String name : List.of("bash", "curl", "python3")) {
            Files.createSymbolicLink(bin.resolve(name), tool(name));
        }
        Path pgBin = pgBin();
        for (String name : List.of("psql", "pg_dump", "pg_restore")) {
            Files.createSymbolicLink(bin.resolve(name), pgBin.resolve(name));
        }
        return bin;
    }
    /** The program {@code name} on this machine's PATH, links resolved; Python's own executable, not a wrapper. */
    private static Path tool(String name) throws Exception {
        if (name.equals("python3")) {
            Process python = new ProcessBuilder("python3", "-c", "import sys; print(sys.executable)").start();
            String executable = new String(python.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            assertEquals(0, python.waitFor(), "python3 is needed on the PATH");
            return Path.of(executable).toRealPath();
        }
        for (String folder : System.getenv("PATH").split(File.pathSeparator)) {
            Path candidate = Path.of(folder, name);
            if (Files.isExecutable(candidate)) {
                return candidate.toRealPath();
            }
        }
        throw new AssertionError(name + " is needed on the PATH");
    }

    /** The newest PostgreSQL client tools, as the platform's runner takes the newest server. */
    private static Path pgBin() throws IOException {
        try (Stream<Path> versions = Files.list(Path.of("/usr/lib/postgresql"))) {
            return versions.map(version -> version.resolve("bin")).filter(bin -> Files.isExecutable(bin.resolve(
                    "pg_dump"))).max(Comparator.comparingInt(bin -> Integer.parseInt(bin.getParent().getFileName()
                    .toString()))).orElseThrow(() -> new AssertionError("no PostgreSQL client tools under "
                    + "/usr/lib/postgresql"));
        }
    }

    private long count(String database, String fromWhere) {
        return Long.parseLong(postgres.sql(database, "select count(*) from " + fromWhere));
    }

    /** Attachments of {@code database} whose file is not in {@code filestore}. */
    private long missingFiles(String database, Path filestore) {
        return postgres.sql(database, "select store_fname from ir_attachment where store_fname is not null").lines()
                .filter(name -> !Files.isRegularFile(filestore.resolve(name))).count();
    }

    /** The files under {@code folder}, relative to it. */
    private static List<Path> files(Path folder) throws IOException {
        try (Stream<Path> all = Files.walk(folder)) {
            return all.filter(Files::isRegularFile).map(folder::relativize).sorted().toList();
        }
    }
}
