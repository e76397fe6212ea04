package org.juniper.upgrade.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.juniper.upgrade.archive.Sha1;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The CLI as a process, against a real local PostgreSQL (the platform's scratch cluster) and a faithful stand-in for
 * intake: what issue 7 asks of a run from the administrator's side, from the dump to the restored database.
 */
class UpgradeCliProcessTest {
    private static final String ORIGINAL_FILE = "a file the ERP stored before the upgrade";
    private static final Pattern RESTORED = Pattern.compile("database '([^']+)' is the upgraded copy");

    private final ScratchPostgres postgres = new ScratchPostgres();
    private final String prefix = "cli_" + UUID.randomUUID().toString().substring(0, 8);
    private final String database = prefix + "_acme";
    private FakeIntake intake;
    @TempDir
    Path work;
    private Path filestore;

    @BeforeEach
    void setUp() throws Exception {
        intake = new FakeIntake();
        filestore = work.resolve("filestore");
        postgres.createJuniperDatabase(database, 20_000);
        byte[] content = ORIGINAL_FILE.getBytes(StandardCharsets.UTF_8);
        String sha1 = Sha1.of(content);
        Path file = filestore.resolve(database).resolve(sha1.substring(0, 2)).resolve(sha1);
        Files.createDirectories(file.getParent());
        Files.write(file, content);
    }

    @AfterEach
    void tearDown() {
        intake.close();
        postgres.dropStartingWith(prefix);
    }

    @Test
    void testDumpsUploadsFollowsAndRestoresANewNeutralizedDatabaseWithTheMergedFilestore() throws Exception {
        CliProcess.Result run = cli("test", "-d", database, "-t", "17.0");

        assertEquals(Exit.OK, run.exitCode(), run.output());
        assertTrue(run.output().contains("[restore] restoring the zip backup"), "the live log is shown:\n"
                + run.output());
        String restored = restoredName(run.output());
        assertTrue(restored.matches(Pattern.quote(database) + "_test_17\\.0_\\d{4}_\\d{2}_\\d{2}_\\d{2}_\\d{2}"),
                restored);
        assertEquals("base 17.0.1.0\nsale 17.0.1.0", postgres.sql(restored,
                "select name || ' ' || latest_version from ir_module_module where state = 'installed' order by 1"));
        assertEquals("true", postgres.sql(restored,
                "select value from ir_config_parameter where key = 'database.is_neutralized'"));
        assertEquals("20000", postgres.sql(restored, "select count(*) from mail_message"));
        assertEquals(List.of(ORIGINAL_FILE, FakeIntake.NEW_STANDARD_FILE), filestoreContents(restored));
        assertEquals("14.0.1.3", postgres.sql(database, "select latest_version from ir_module_module where "
                + "name = 'base'"), "the original database is untouched");
        assertFalse(Files.exists(work.resolve("data").resolve(database + ".json")), "a finished request is "
                + "forgotten");
        assertEquals(List.of(), filesUnder(work.resolve("data").resolve(database)), "no backup or download is left");
    }

    @Test
    void anUploadCutByKillingTheCliResumesOnTheNextRun() throws Exception {
        intake.stallAfter(3L * intake.partSize());
        CliProcess first = CliProcess.start(env(), work, args("test", "-d", database, "-t", "17.0"));
        assertTrue(intake.awaitStall(), "the upload began");
        first.kill();
        assertTrue(Files.exists(work.resolve("data").resolve(database + ".json")), "the token was kept");

        CliProcess.Result second = cli("test", "-d", database, "-t", "17.0");

        assertEquals(Exit.OK, second.exitCode(), second.output());
        assertTrue(second.output().contains("Resume it? [Y/n] y (not interactive)"), second.output());
        assertTrue(second.output().contains("continuing from there"), second.output());
        assertEquals(1, intake.requests().size(), "the same request went on");
        assertEquals(List.of(0L, 3L * intake.partSize()), intake.patchOffsets.subList(0, 2),
                "the second run sent only what the platform did not have");
        assertEquals("true", postgres.sql(restoredName(second.output()),
                "select value from ir_config_parameter where key = 'database.is_neutralized'"));
    }

    @Test
    void aProductionRunReplacesTheDatabaseAndKeepsTheOriginalUnderABackupName() throws Exception {
        CliProcess.Result run = cli("production", "-d", database, "-t", "17.0");

        assertEquals(Exit.OK, run.exitCode(), run.output());
        assertEquals("17.0.1.0", postgres.sql(database, "select latest_version from ir_module_module where "
                + "name = 'base'"));
        assertEquals("", postgres.sql(database, "select value from ir_config_parameter where "
                + "key = 'database.is_neutralized'"), "a production result is not neutralized");
        List<String> kept = postgres.databasesStartingWith(database + "_before_17.0_");
        assertEquals(1, kept.size(), postgres.databasesStartingWith(prefix).toString());
        assertEquals("14.0.1.3", postgres.sql(kept.get(0), "select latest_version from ir_module_module where "
                + "name = 'base'"));
        assertEquals(List.of(ORIGINAL_FILE, FakeIntake.NEW_STANDARD_FILE), filestoreContents(database));
        assertEquals(List.of(ORIGINAL_FILE), filestoreContents(kept.get(0)));
        assertEquals(List.of(database, kept.get(0)), postgres.databasesStartingWith(prefix).stream().sorted()
                .toList(), "nothing else is left");
    }

    @Test
    void aProductionRunSaysWhatItDoesWithTheLiveDatabaseAndBesideLeavesItAlone() throws Exception {
        CliProcess.Result run = cli("production", "-d", database, "-t", "17.0", "--beside");

        assertEquals(Exit.OK, run.exitCode(), run.output());
        List<String> restored = postgres.databasesStartingWith(database + "_production_17.0_");
        assertEquals(1, restored.size(), postgres.databasesStartingWith(prefix).toString());
        assertTrue(run.output().contains("Once upgraded, the database is restored as '" + restored.get(0) + "'; '"
                + database + "' is left as it is."), run.output());
        assertEquals("17.0.1.0", postgres.sql(restored.get(0), "select latest_version from ir_module_module where "
                + "name = 'base'"));
        assertEquals("14.0.1.3", postgres.sql(database, "select latest_version from ir_module_module where "
                + "name = 'base'"), "the live database is untouched");
        assertEquals(List.of(ORIGINAL_FILE, FakeIntake.NEW_STANDARD_FILE), filestoreContents(restored.get(0)));
    }

    @Test
    void aProductionRunWhoseRestoreFailsLeavesTheOriginalDatabaseInPlace() throws Exception {
        intake.breakResult();

        CliProcess.Result run = cli("production", "-d", database, "-t", "17.0");

        assertEquals(Exit.LOCAL_DATABASE, run.exitCode(), run.output());
        assertTrue(run.output().contains("THIS IS NOT SQL"), "psql's error is shown:\n" + run.output());
        assertEquals(List.of(database), postgres.databasesStartingWith(prefix), "only the original is there");
        assertEquals("14.0.1.3", postgres.sql(database, "select latest_version from ir_module_module where "
                + "name = 'base'"));
        assertEquals("20000", postgres.sql(database, "select count(*) from mail_message"));
        assertEquals(List.of(database), namesIn(filestore), "no filestore folder was added");
        assertEquals(List.of(ORIGINAL_FILE), filestoreContents(database));
    }

    @Test
    void aProductionRunThatFailsOnceTheOriginalWasRenamedGivesItItsNameBack() throws Exception {
        intake.slowRestore(3);
        CliProcess run = CliProcess.start(env(), work, args("production", "-d", database, "-t", "17.0"));
        // a session in the upgraded database keeps it from taking the original's name, after the original moved
        Process session = postgres.session(awaitDatabase(database + "_restoring"));
        CliProcess.Result result;
        try {
            result = run.waitFor();
        } finally {
            session.destroy();
            session.waitFor();
        }

        assertEquals(Exit.LOCAL_DATABASE, result.exitCode(), result.output());
        assertTrue(result.output().contains("Reverted: give '" + database + "' its name back"), result.output());
        assertEquals(List.of(database), postgres.databasesStartingWith(prefix), "only the original is there");
        assertEquals("14.0.1.3", postgres.sql(database, "select latest_version from ir_module_module where "
                + "name = 'base'"));
        assertEquals(List.of(database), namesIn(filestore), "the filestore is back under its name, alone");
        assertEquals(List.of(ORIGINAL_FILE), filestoreContents(database));
    }

    @Test
    void aTestRunWhoseRestoreFailsLeavesNoDatabaseUnderTheNameAskedForNorAnyOther() throws Exception {
        intake.breakResult();

        CliProcess.Result run = cli("test", "-d", database, "-t", "17.0", "-r", prefix + "_copy");

        assertEquals(Exit.LOCAL_DATABASE, run.exitCode(), run.output());
        assertTrue(run.output().contains("THIS IS NOT SQL"), "psql's error is shown:\n" + run.output());
        assertTrue(run.output().contains("Reverted: drop the unfinished database '" + prefix + "_copy_restoring'"),
                run.output());
        assertEquals(List.of(database), postgres.databasesStartingWith(prefix), "only the original is there");
        assertEquals(List.of(database), namesIn(filestore), "no filestore folder was added");
    }

    @Test
    void aRunKilledOutrightDuringTheRestoreLeavesNothingUnderTheNameAskedForAndTheNextRunSaysWhatToDrop()
            throws Exception {
        intake.slowRestore(10);
        String copy = prefix + "_copy";
        CliProcess run = CliProcess.start(env(), work, args("test", "-d", database, "-t", "17.0", "-r", copy));
        awaitDatabase(copy + "_restoring");
        awaitSession(copy + "_restoring", "SELECT pg_sleep(10)");

        run.killOutright();
        CliProcess.Result again = cli("test", "-d", database, "-t", "17.0", "-r", copy);

        assertFalse(postgres.exists(copy), "no half database under the name asked for");
        assertEquals(Exit.LOCAL_DATABASE, again.exitCode(), again.output());
        assertTrue(again.output().contains("a database '" + copy + "_restoring' already exists"), again.output());
        postgres.dropStartingWith(copy + "_restoring");
        intake.slowRestore(0);
        CliProcess.Result last = cli("test", "-d", database, "-t", "17.0", "-r", copy);
        assertEquals(Exit.OK, last.exitCode(), last.output());
        assertEquals("true", postgres.sql(copy,
                "select value from ir_config_parameter where key = 'database.is_neutralized'"));
        assertEquals(List.of(database, copy), postgres.databasesStartingWith(prefix));
    }

    @Test
    void minusJRestoresTheResultOverThatManyPsqlSessionsAtOnce() throws Exception {
        // three indexes whose build takes a while, but only where the CLI restores: the dump stays quick to make
        postgres.sql(database, """
                CREATE FUNCTION public.slow(i integer) RETURNS integer LANGUAGE plpgsql IMMUTABLE AS $$
                BEGIN
                    IF current_database() LIKE '%\\_restoring' THEN
                        PERFORM pg_sleep(3);
                    END IF;
                    RETURN i;
                END $$;
                CREATE TABLE public.slow_index (id integer);
                INSERT INTO public.slow_index VALUES (1);
                CREATE INDEX slow_a ON public.slow_index (public.slow(id));
                CREATE INDEX slow_b ON public.slow_index (public.slow(id + 1));
                CREATE INDEX slow_c ON public.slow_index (public.slow(id + 2));
                """);
        String copy = prefix + "_copy";
        CliProcess run = CliProcess.start(env(), work, args("test", "-d", database, "-t", "17.0", "-r", copy,
                "-j", "3"));
        String staging = awaitDatabase(copy + "_restoring");
        int most = 0;
        for (int i = 0; i < 300 && !postgres.databasesStartingWith(staging).isEmpty(); i++) {
            most = Math.max(most, Integer.parseInt(postgres.sql(postgres.adminDb(), "select count(*) from "
                    + "pg_stat_activity where datname = '" + staging + "' and state = 'active' and query like "
                    + "'CREATE INDEX slow_%'")));
            Thread.sleep(50);
        }
        CliProcess.Result result = run.waitFor();

        assertEquals(Exit.OK, result.exitCode(), result.output());
        assertEquals(3, most, "the three index builds ran at once");
        assertEquals("3", postgres.sql(copy, "select count(*) from pg_indexes where tablename = 'slow_index'"));
    }

    @Test
    void aDownloadCutMidwayContinuesWhereItStoppedOnTheNextRun() throws Exception {
        intake.cutDownloadAfter(64 * 1024);

        CliProcess.Result first = cli("test", "-d", database, "-t", "17.0");
        CliProcess.Result second = cli("test", "-d", database, "-t", "17.0");

        assertEquals(Exit.UNREACHABLE, first.exitCode(), first.output());
        assertTrue(first.output().contains("run the same command again to continue it"), first.output());
        assertEquals(Exit.OK, second.exitCode(), second.output());
        assertEquals(1, intake.requests().size(), "the same request went on");
        assertEquals(2, intake.downloadRanges.size(), intake.downloadRanges.toString());
        assertEquals("", intake.downloadRanges.get(0));
        Matcher range = Pattern.compile("bytes=(\\d+)-").matcher(intake.downloadRanges.get(1));
        assertTrue(range.matches() && Long.parseLong(range.group(1)) > 0
                && Long.parseLong(range.group(1)) <= 64 * 1024, "the second run asked only for the rest: "
                + intake.downloadRanges);
        assertTrue(second.output().contains("of the result: continuing from there"), second.output());
        String restored = restoredName(second.output());
        assertEquals("true", postgres.sql(restored,
                "select value from ir_config_parameter where key = 'database.is_neutralized'"));
        assertEquals(List.of(ORIGINAL_FILE, FakeIntake.NEW_STANDARD_FILE), filestoreContents(restored));
        assertEquals(List.of(), filesUnder(work.resolve("data").resolve(database)), "no download is left");
    }

    @Test
    void aDownloadThatDoesNotMatchItsChecksumIsNotRestored() throws Exception {
        intake.damageDownloads();

        CliProcess.Result run = cli("test", "-d", database, "-t", "17.0");

        assertEquals(Exit.CORRUPT_DOWNLOAD, run.exitCode(), run.output());
        assertTrue(run.output().contains("as the platform recorded: it was damaged on the way"), run.output());
        assertEquals(List.of(database), postgres.databasesStartingWith(prefix), "nothing was restored");
        assertEquals(List.of(), filesUnder(work.resolve("data").resolve(database)), "the damaged file is gone");
        assertTrue(Files.exists(work.resolve("data").resolve(database + ".json")), "the next run downloads again");
    }

    @Test
    void aMissingPgDumpIsSixAndNamesThePackageBeforeAnythingIsSent() throws Exception {
        Path bin = Files.createDirectories(work.resolve("bin"));
        Path psql = Stream.of(System.getenv("PATH").split(":")).map(dir -> Path.of(dir, "psql"))
                .filter(Files::isExecutable).findFirst().orElseThrow();
        Files.createSymbolicLink(bin.resolve("psql"), psql);

        CliProcess.Result run = cli("test", "-d", database, "-t", "17.0", "--pg-bin", bin.toString());

        assertEquals(Exit.LOCAL_TOOLS, run.exitCode(), run.output());
        assertTrue(run.output().contains("pg_dump is not in " + bin), run.output());
        assertTrue(run.output().contains("sudo apt install postgresql-client"), run.output());
        assertEquals(List.of(), intake.requests(), "no request was created");
    }

    @Test
    void aRestoreNameThatIsTakenIsRefusedBeforeAnythingIsSent() throws Exception {
        CliProcess.Result run = cli("test", "-d", database, "-t", "17.0", "-r", database);

        assertEquals(Exit.LOCAL_DATABASE, run.exitCode(), run.output());
        assertTrue(run.output().contains("a database '" + database + "' already exists"), run.output());
        assertEquals(List.of(), intake.requests(), "no request was created");
    }

    @Test
    void theCustomModulesScriptsAreSentBeforeTheRequestStarts() throws Exception {
        Path scripts = work.resolve("upgrade-scripts");
        Files.createDirectories(scripts.resolve("16.0/customer_loyalty"));
        Files.writeString(scripts.resolve("16.0/customer_loyalty/post-10-rename.sql"), "SELECT 1;");

        CliProcess.Result run = cli("test", "-d", database, "-t", "17.0", "--scripts", scripts.toString());

        assertEquals(Exit.OK, run.exitCode(), run.output());
        assertTrue(run.output().contains("The platform has the 1 upgrade script(s) for customer_loyalty"),
                run.output());
        assertEquals(1, intake.requests().size());
        assertTrue(intake.requests().get(0).scriptsAtStart != null, "the scripts were there when it started");
    }

    @Test
    void aScriptsFolderThePlatformWouldRefuseStopsTheRunBeforeAnythingIsSent() throws Exception {
        Path scripts = work.resolve("upgrade-scripts");
        Files.createDirectories(scripts.resolve("customer_loyalty"));
        Files.writeString(scripts.resolve("customer_loyalty/post-10-rename.sql"), "SELECT 1;");

        CliProcess.Result run = cli("test", "-d", database, "-t", "17.0", "--scripts", scripts.toString());

        assertEquals(Exit.REFUSED, run.exitCode(), run.output());
        assertTrue(run.output().contains("'customer_loyalty/post-10-rename.sql' is not where a script goes"),
                run.output());
        assertEquals(List.of(), intake.requests(), "no request was created");
    }

    @Test
    void aFirstRunTakesTheContractTheDatabaseRecordsAndWithoutATerminalSaysHowToGiveTheAddress() throws Exception {
        postgres.sql(database, "insert into ir_config_parameter (key, value) values ('database.enterprise_code', '"
                + FakeIntake.CONTRACT + "')");
        List<String> withoutContract = List.of("test", "-d", database, "-t", "17.0", "--url", intake.url().toString(),
                "--poll-interval", "0.05", "--data-dir", work.resolve("data").toString(), "--filestore-root",
                filestore.toString());

        CliProcess.Result unaddressed = CliProcess.run(env(), work, withoutContract.toArray(String[]::new));
        List<String> addressed = new ArrayList<>(withoutContract);
        addressed.addAll(List.of("--email", "it@acme.example"));
        CliProcess.Result run = CliProcess.run(env(), work, addressed.toArray(String[]::new));

        assertEquals(Exit.USAGE, unaddressed.exitCode(), unaddressed.output());
        assertTrue(unaddressed.output().contains("give the address with --email ADDRESS"), unaddressed.output());
        assertEquals(Exit.OK, run.exitCode(), run.output());
        assertTrue(run.output().contains("Contract " + FakeIntake.CONTRACT + ", as database '" + database
                + "' records it."), run.output());
        assertTrue(Files.readString(work.resolve("data/.requester.json")).contains("it@acme.example"),
                "the address is remembered for the next runs");
    }

    private CliProcess.Result cli(String... args) throws Exception {
        return CliProcess.run(env(), work, args(args));
    }

    private String[] args(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("-c", FakeIntake.CONTRACT, "--email", "it@acme.example", "--url", intake.url().toString(),
                "--poll-interval", "0.05", "--data-dir", work.resolve("data").toString(), "--filestore-root",
                filestore.toString()));
        return all.toArray(String[]::new);
    }

    private Map<String, String> env() {
        return new HashMap<>(postgres.env());
    }

    /** The database whose name starts with {@code prefix}, once the CLI has created it. */
    private String awaitDatabase(String prefix) throws InterruptedException {
        for (int i = 0; i < 600; i++) {
            List<String> found = postgres.databasesStartingWith(prefix);
            if (!found.isEmpty()) {
                return found.get(0);
            }
            Thread.sleep(50);
        }
        throw new AssertionError("no database " + prefix + "* within 30 s");
    }

    /** Waits until a session in {@code database} runs {@code query}. */
    private void awaitSession(String database, String query) throws InterruptedException {
        for (int i = 0; i < 600; i++) {
            if (!postgres.sql(postgres.adminDb(), "select 1 from pg_stat_activity where datname = '" + database
                    + "' and query like '" + query + "%'").isEmpty()) {
                return;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("no session runs " + query + " in " + database + " within 30 s");
    }

    private static String restoredName(String output) {
        Matcher m = RESTORED.matcher(output);
        assertTrue(m.find(), "the restored database is named:\n" + output);
        return m.group(1);
    }

    /** The contents of a database's filestore files, sorted. */
    private List<String> filestoreContents(String db) throws Exception {
        List<String> contents = new ArrayList<>();
        for (Path file : filesUnder(filestore.resolve(db))) {
            contents.add(Files.readString(file));
        }
        return contents.stream().sorted().toList();
    }

    private static List<Path> filesUnder(Path folder) throws Exception {
        if (!Files.exists(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(Files::isRegularFile).sorted().toList();
        }
    }

    private static List<String> namesIn(Path folder) throws Exception {
        try (Stream<Path> entries = Files.list(folder)) {
            return entries.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
