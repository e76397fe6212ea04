package org.juniper.upgrade.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.juniper.erp.sample.SampleDatabase;
import org.juniper.erp.sample.SampleSpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An on-premise administrator's run of the {@code upgrade} CLI, the built jar as a process, against the five running
 * services: a local 14.0 database (the instance's scratch PostgreSQL plays the administrator's server) becomes a
 * restored, neutralized 17.0 test copy with the original's files plus the new ones.
 */
class UpgradeCliIT extends RunningPlatform {
    private static final Pattern RESTORED = Pattern.compile("database '([^']+)' is the upgraded copy");
    private static final String AUTOVACUUM_CRON = "(select res_id from ir_model_data where module = 'base' "
            + "and name = 'autovacuum_job' and model = 'ir.cron')";

    private final Path root = Path.of(System.getProperty("juniper.project.root", ".."));
    private final String prefix = "cli_e2e_" + UUID.randomUUID().toString().substring(0, 8);
    private final ScratchPostgres postgres = new ScratchPostgres();
    @TempDir
    Path work;

    @AfterEach
    void dropDatabases() {
        postgres.dropAll(prefix);
    }

    @Test
    void testRestoresANeutralized17CopyOfALocal14DatabaseWithTheMergedFilestore() throws Exception {
        String database = prefix + "_acme";
        Path filestore = work.resolve("filestore");
        localDatabase(database, filestore.resolve(database));
        List<Path> originalFiles = files(filestore.resolve(database));
        assertTrue(count(database, "ir_cron where active and id not in " + AUTOVACUUM_CRON) > 0
                && count(database, "ir_mail_server where active") > 0 && !originalFiles.isEmpty(),
                "the sample has scheduled actions, a mail server and files");

        String output = cli("test", "-d", database, "-t", "17.0", "-c", "M2026-0042", "--email",
                "e2e-" + UUID.randomUUID() + "@acme.example", "--url", "http://127.0.0.1:"
                        + ServiceProcesses.port("intake-service"), "--filestore-root", filestore.toString(),
                "--data-dir", work.resolve("data").toString(), "--poll-interval", "1");

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

    /** Runs the built jar as the administrator would, without a terminal; returns what it printed. */
    private String cli(String... args) throws Exception {
        Path jar = root.resolve("upgrade-cli/target/upgrade-cli.jar");
        assertTrue(Files.exists(jar), jar + " is missing: build upgrade-cli first");
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin",
                "java").toString(), "-jar", jar.toString()));
        command.addAll(List.of(args));
        Path output = work.resolve("cli.out");
        ProcessBuilder builder = new ProcessBuilder(command).directory(work.toFile()).redirectErrorStream(true)
                .redirectOutput(output.toFile()).redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        builder.environment().putAll(postgres.env);
        Process process = builder.start();
        if (!process.waitFor(6, TimeUnit.MINUTES)) {
            process.destroyForcibly().waitFor();
            throw new AssertionError("the CLI did not end within 6 min:\n" + Files.readString(output));
        }
        String printed = Files.readString(output);
        assertEquals(0, process.exitValue(), printed);
        return printed;
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
