package org.juniper.erp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.juniper.upgrade.events.FailureReason;
import org.junit.jupiter.api.Test;

/** A request's own scripts, read from their zip against the shipped pack's versions. */
class CustomScriptsTest {
    private final JuniperPack pack = JuniperPack.load();

    private static final Map<String, String> LOYALTY = scripts(
            "0.0.0/customer_loyalty/pre-01-every-hop.sql", "SELECT 'pre every hop';",
            "16.0/customer_loyalty/pre-10-before.sql", "SELECT 'pre 16';",
            "16.0/customer_loyalty/post-10-rename.sql", "ALTER TABLE x_loyalty_card RENAME number TO code;",
            "0.0.0/customer_loyalty/post-50-every-hop.sql", "SELECT 'post every hop';",
            "0.0.0/customer_loyalty/end-99-record.sql", "-- what the hop did\nSELECT 'end every hop';",
            "16.0/customer_loyalty/end-10-end.sql", "SELECT 'end 16';",
            "16.0/x_fleet/pre-05-fleet.sql", "SELECT 'fleet';",
            "17.0/customer_loyalty/post-10-later.sql", "SELECT 'post 17';");

    @Test
    void aZipLaidOutAsThePacksGivesItsModulesItsVersionsAndEachHopsScriptsInThePacksOrder() throws Exception {
        CustomScripts scripts = CustomScripts.read(pack, zip(LOYALTY));

        assertEquals(8, scripts.scripts().size());
        assertEquals(List.of("customer_loyalty", "x_fleet"), scripts.modules());
        assertEquals(List.of("16.0", "17.0"), scripts.versions());
        assertEquals(List.of(
                "0.0.0/customer_loyalty/pre-01-every-hop.sql",
                "16.0/customer_loyalty/pre-10-before.sql",
                "16.0/x_fleet/pre-05-fleet.sql",
                "16.0/customer_loyalty/post-10-rename.sql",
                "0.0.0/customer_loyalty/post-50-every-hop.sql",
                "16.0/customer_loyalty/end-10-end.sql",
                "0.0.0/customer_loyalty/end-99-record.sql"),
                paths(scripts.upgradeScripts("16.0", Set.of("base", "customer_loyalty", "x_fleet"))));
        UpgradeScript rename = scripts.upgradeScripts("16.0", Set.of("customer_loyalty")).stream()
                .filter(s -> s.name().equals("post-10-rename.sql")).findFirst().orElseThrow();
        assertEquals(new UpgradeScript("16.0", "customer_loyalty", Phase.POST, "post-10-rename.sql",
                "ALTER TABLE x_loyalty_card RENAME number TO code;"), rename);
    }

    @Test
    void scriptsOfModulesNotInstalledAreLeftOutOfTheHop() throws Exception {
        CustomScripts scripts = CustomScripts.read(pack, zip(LOYALTY));

        assertEquals(List.of("16.0/x_fleet/pre-05-fleet.sql"), paths(scripts.upgradeScripts("16.0",
                Set.of("base", "x_fleet"))));
        assertEquals(List.of(), scripts.upgradeScripts("15.0", Set.of("x_fleet")));
        assertEquals(List.of("0.0.0/customer_loyalty/pre-01-every-hop.sql",
                "0.0.0/customer_loyalty/post-50-every-hop.sql", "0.0.0/customer_loyalty/end-99-record.sql"),
                paths(scripts.upgradeScripts("18.0", Set.of("customer_loyalty"))));
    }

    @Test
    void directoryEntriesAndAByteOrderMarkAreNoProblem() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream out = new ZipOutputStream(bytes)) {
            out.putNextEntry(new ZipEntry("16.0/"));
            out.putNextEntry(new ZipEntry("16.0/customer_loyalty/"));
            out.putNextEntry(new ZipEntry("16.0/customer_loyalty/post-10-a.sql"));
            out.write("\uFEFFSELECT 1;".getBytes(StandardCharsets.UTF_8));
        }

        CustomScripts scripts = CustomScripts.read(pack, bytes.toByteArray());

        assertEquals("SELECT 1;", scripts.scripts().get(0).sql());
    }

    @Test
    void aPathOutsideTheLayoutIsRefusedWithThePathAndTheLayout() throws Exception {
        for (String path : List.of("customer_loyalty/post-10-a.sql", "16.0/customer_loyalty/sub/post-10-a.sql",
                "16.0/customer_loyalty/migrate-10-a.sql", "16.0/customer_loyalty/post-1-a.sql",
                "16.0/customer_loyalty/post-10-a.txt", "16.0/Customer_Loyalty/post-10-a.sql",
                "../16.0/customer_loyalty/post-10-a.sql", "/16.0/customer_loyalty/post-10-a.sql",
                "16.0\\customer_loyalty\\post-10-a.sql", "latest/customer_loyalty/post-10-a.sql",
                "16.0/customer_loyalty/post-10-a b.sql", "__MACOSX/16.0/._post-10-a.sql")) {
            CustomScripts.Problem problem = onlyProblem(scripts(path, "SELECT 1;"));

            assertEquals(FailureReason.SCRIPTS_INVALID, problem.reason(), path);
            assertEquals(path, problem.path());
            assertTrue(problem.message().contains("'" + path + "' is not where a script goes"), problem.message());
            assertTrue(problem.expected().contains("<version>/<module>/{pre,post,end}-NN-name.sql")
                    && problem.expected().contains("0.0.0"), problem.expected());
        }
    }

    @Test
    void aVersionNoUpgradeReachesIsRefusedWithTheVersionsThatAre() throws Exception {
        for (String version : List.of("13.0", "14.0", "19.0", "16.1")) {
            String path = version + "/customer_loyalty/post-10-a.sql";
            CustomScripts.Problem problem = onlyProblem(scripts(path, "SELECT 1;"));

            assertEquals(path, problem.path());
            assertTrue(problem.message().contains("version " + version + ", which no upgrade reaches"),
                    problem.message());
            assertEquals("one of 15.0, 16.0, 17.0, 18.0, or 0.0.0 for every hop", problem.expected());
        }
    }

    @Test
    void aScriptThatIsNotUtf8IsRefused() throws Exception {
        byte[] latin1 = "UPDATE x_loyalty_card SET number = 'caf\u00e9';".getBytes(StandardCharsets.ISO_8859_1);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream out = new ZipOutputStream(bytes)) {
            out.putNextEntry(new ZipEntry("16.0/customer_loyalty/post-10-a.sql"));
            out.write(latin1);
        }

        CustomScripts.Problem problem = onlyProblem(bytes.toByteArray());

        assertEquals("'16.0/customer_loyalty/post-10-a.sql' is not UTF-8 text", problem.message());
        assertEquals("SQL saved as UTF-8", problem.expected());
    }

    @Test
    void anEmptyScriptOrOneOfOnlyCommentsIsRefused() throws Exception {
        for (String sql : List.of("", "  \n\t\n", "-- to do\n   -- later\n")) {
            CustomScripts.Problem problem = onlyProblem(zip(scripts("0.0.0/customer_loyalty/end-10-a.sql", sql)));

            assertEquals("'0.0.0/customer_loyalty/end-10-a.sql' holds no SQL, only blanks or comments",
                    problem.message());
        }
    }

    @Test
    void aScriptWithTransactionControlOrAPsqlMetaCommandIsRefusedNamingTheStatementAndItsLine() throws Exception {
        Map<String, String> refused = new LinkedHashMap<>();
        refused.put("UPDATE t SET a = 1;\nCOMMIT;", "COMMIT on line 2");
        refused.put("rollback to savepoint s;", "ROLLBACK on line 1");
        refused.put("Begin;\nSELECT 1;", "BEGIN on line 1");
        refused.put("SELECT 1; START  TRANSACTION;", "START TRANSACTION on line 1");
        refused.put("SAVEPOINT s;", "SAVEPOINT on line 1");
        refused.put("SELECT 1;\n-- a comment\nRELEASE SAVEPOINT s;", "RELEASE on line 3");
        refused.put("PREPARE TRANSACTION 'x';", "PREPARE TRANSACTION on line 1");
        refused.put("END;", "END on line 1");
        refused.put("/* first */ ABORT;", "ABORT on line 1");
        refused.put("SELECT 1;\n\\! rm -rf /\n", "the psql meta-command '\\!' on line 2");
        refused.put("SELECT 1 \\gexec", "the psql meta-command '\\gexec' on line 1");
        for (Map.Entry<String, String> sql : refused.entrySet()) {
            CustomScripts.Problem problem = onlyProblem(scripts("16.0/customer_loyalty/post-10-a.sql",
                    sql.getKey()));

            assertEquals(FailureReason.SCRIPTS_INVALID, problem.reason(), sql.getKey());
            assertEquals("'16.0/customer_loyalty/post-10-a.sql' holds " + sql.getValue()
                    + ", which would end the hop's transaction", problem.message(), sql.getKey());
            assertEquals("16.0/customer_loyalty/post-10-a.sql", problem.path());
        }
    }

    @Test
    void transactionWordsInLiteralsCommentsBodiesAndNamesAreNoTransactionControl() throws Exception {
        String sql = """
                -- commit; rollback; \\! in a comment
                /* nested /* BEGIN; */ COMMIT; */
                UPDATE x_loyalty_card SET note = 'COMMIT; ROLLBACK; \\!' WHERE note = E'it''s \\' ; commit';
                SELECT "commit", "end;" FROM x_loyalty_card WHERE $1 IS NULL OR a$b = 1;
                CREATE FUNCTION pg_temp.f() RETURNS void LANGUAGE plpgsql AS $body$
                BEGIN
                    -- commit is not allowed here anyway
                    UPDATE x_loyalty_card SET state = 'end';
                END
                $body$;
                DO $$ BEGIN PERFORM 1; END $$;
                CREATE FUNCTION pg_temp.g(a int) RETURNS int LANGUAGE sql BEGIN ATOMIC
                    SELECT CASE WHEN a > 0 THEN 1 ELSE 0 END;
                    SELECT a;
                END;
                SELECT end_date, begin_date FROM x_loyalty_card;
                """;

        CustomScripts scripts = CustomScripts.read(pack, zip(scripts("16.0/customer_loyalty/post-10-a.sql", sql)));

        assertEquals(1, scripts.scripts().size());
    }

    @Test
    void aPathTwiceInTheZipIsRefusedOnce() throws Exception {
        byte[] zip = zip(scripts("16.0/customer_loyalty/post-10-a.sql", "SELECT 1;",
                "16.0/customer_loyalty/post-10-b.sql", "SELECT 2;", "16.0/customer_loyalty/post-10-c.sql",
                "SELECT 3;"));
        // ZipOutputStream refuses a name twice; other tools do not: rename b and c to a in the headers
        zip = replace(replace(zip, "post-10-b.sql", "post-10-a.sql"), "post-10-c.sql", "post-10-a.sql");

        CustomScripts.Problem problem = onlyProblem(zip);

        assertEquals("'16.0/customer_loyalty/post-10-a.sql' is in the zip twice", problem.message());
        assertEquals("each script once", problem.expected());
    }

    @Test
    void aZipWithoutAnyScriptIsRefused() throws Exception {
        ByteArrayOutputStream folders = new ByteArrayOutputStream();
        try (ZipOutputStream out = new ZipOutputStream(folders)) {
            out.putNextEntry(new ZipEntry("16.0/customer_loyalty/"));
        }
        ByteArrayOutputStream empty = new ByteArrayOutputStream();
        new ZipOutputStream(empty).close();

        for (byte[] zip : List.of(folders.toByteArray(), empty.toByteArray())) {
            CustomScripts.Problem problem = onlyProblem(zip);

            assertEquals("the zip holds no script", problem.message());
            assertTrue(problem.expected().contains("16.0/customer_loyalty/post-10-rename-card-number.sql"),
                    problem.expected());
        }
    }

    @Test
    void somethingElseThanAZipIsRefused() {
        CustomScripts.Problem problem = onlyProblem("SELECT 1;".getBytes(StandardCharsets.UTF_8));

        assertEquals("the scripts are not a zip archive", problem.message());
    }

    @Test
    void scriptsAboveTheCapAreRefusedZippedOrUnzipped() throws Exception {
        // compressed well below the cap, unzipped above it: a zip bomb stops at the cap
        String big = "SELECT 1;\n".repeat(2_000);
        CustomScripts.Problem unzipped = onlyProblem(() -> CustomScripts.read(pack,
                zip(scripts("16.0/customer_loyalty/post-10-a.sql", big)), 10_000));
        assertEquals(FailureReason.SCRIPTS_TOO_LARGE, unzipped.reason());
        assertEquals("the scripts are larger than 10000 bytes, zipped or unzipped", unzipped.message());

        byte[] random = new byte[20_000];
        new Random(1).nextBytes(random);
        CustomScripts.Problem zipped = onlyProblem(() -> CustomScripts.read(pack, random, 10_000));
        assertEquals(FailureReason.SCRIPTS_TOO_LARGE, zipped.reason());
        assertEquals(16L << 20, CustomScripts.MAX_BYTES);
    }

    @Test
    void everyProblemIsListedAtOnceUpToACap() throws Exception {
        InvalidScriptsException three = assertThrows(InvalidScriptsException.class, () -> CustomScripts.read(pack,
                zip(scripts("16.0/customer_loyalty/post-10-a.sql", "SELECT 1;", "13.0/customer_loyalty/post-10-a.sql",
                        "SELECT 1;", "16.0/customer_loyalty/notes.txt", "x", "17.0/customer_loyalty/end-10-a.sql",
                        " "))));
        assertEquals(List.of("13.0/customer_loyalty/post-10-a.sql", "16.0/customer_loyalty/notes.txt",
                "17.0/customer_loyalty/end-10-a.sql"), three.problems().stream().map(CustomScripts.Problem::path)
                .toList());

        Map<String, String> many = new LinkedHashMap<>();
        for (int i = 0; i < 30; i++) {
            many.put("misplaced-" + i + ".sql", "SELECT 1;");
        }
        InvalidScriptsException capped = assertThrows(InvalidScriptsException.class,
                () -> CustomScripts.read(pack, zip(many)));
        assertEquals(CustomScripts.MAX_PROBLEMS + 1, capped.problems().size());
        assertEquals("10 more problems are not listed", capped.problems().get(CustomScripts.MAX_PROBLEMS)
                .message());
    }

    @Test
    void scriptsOfVersionsTheUpgradeDoesNotGoThroughAreNamed() throws Exception {
        CustomScripts scripts = CustomScripts.read(pack, zip(LOYALTY));

        assertEquals(List.of(), scripts.outsideHops(pack.hops("14.0", "18.0")));
        List<CustomScripts.Problem> outside = scripts.outsideHops(pack.hops("16.0", "18.0"));
        assertEquals(List.of("16.0/customer_loyalty/end-10-end.sql", "16.0/customer_loyalty/post-10-rename.sql",
                "16.0/customer_loyalty/pre-10-before.sql", "16.0/x_fleet/pre-05-fleet.sql"),
                outside.stream().map(CustomScripts.Problem::path).toList());
        assertEquals(FailureReason.SCRIPTS_OUTSIDE_HOPS, outside.get(0).reason());
        assertEquals("'16.0/customer_loyalty/end-10-end.sql' is a script of 16.0, which this upgrade does not go "
                + "through (it goes through 17.0, 18.0)", outside.get(0).message());
        assertEquals("scripts of 17.0, 18.0, or of 0.0.0 for every hop", outside.get(0).expected());
    }

    private interface Read {
        CustomScripts read() throws Exception;
    }

    private CustomScripts.Problem onlyProblem(Read read) {
        InvalidScriptsException e = assertThrows(InvalidScriptsException.class, read::read);
        assertEquals(1, e.problems().size(), e.problems().toString());
        assertEquals(e.problems().get(0).reason(), e.reason());
        return e.problems().get(0);
    }

    private CustomScripts.Problem onlyProblem(byte[] zip) {
        return onlyProblem(() -> CustomScripts.read(pack, zip));
    }

    private CustomScripts.Problem onlyProblem(Map<String, String> files) {
        return onlyProblem(() -> CustomScripts.read(pack, zip(files)));
    }

    private static Map<String, String> scripts(String... pathsAndSql) {
        Map<String, String> files = new LinkedHashMap<>();
        for (int i = 0; i < pathsAndSql.length; i += 2) {
            files.put(pathsAndSql[i], pathsAndSql[i + 1]);
        }
        return files;
    }

    static byte[] zip(Map<String, String> files) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream out = new ZipOutputStream(bytes)) {
            for (Map.Entry<String, String> file : files.entrySet()) {
                out.putNextEntry(new ZipEntry(file.getKey()));
                out.write(file.getValue().getBytes(StandardCharsets.UTF_8));
            }
        }
        return bytes.toByteArray();
    }

    private static List<String> paths(List<UpgradeScript> scripts) {
        return scripts.stream().map(UpgradeScript::path).toList();
    }

    private static byte[] replace(byte[] bytes, String from, String to) {
        byte[] a = from.getBytes(StandardCharsets.US_ASCII);
        byte[] b = to.getBytes(StandardCharsets.US_ASCII);
        byte[] result = bytes.clone();
        for (int i = 0; i + a.length <= result.length; i++) {
            if (Arrays.equals(result, i, i + a.length, a, 0, a.length)) {
                System.arraycopy(b, 0, result, i, b.length);
            }
        }
        return result;
    }
}
