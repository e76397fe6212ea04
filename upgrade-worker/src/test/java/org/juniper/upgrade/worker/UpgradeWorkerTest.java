package org.juniper.upgrade.worker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.juniper.upgrade.worker.WorkerFixtures.archive;
import static org.juniper.upgrade.worker.WorkerFixtures.requested;
import static org.juniper.upgrade.worker.WorkerFixtures.runRole;
import static org.juniper.upgrade.worker.WorkerFixtures.scratchAdmin;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.juniper.sample.CustomModule;
import org.juniper.sample.SampleDatabase;
import org.juniper.sample.SampleSpec;
import org.juniper.upgrade.bindings.objectstore.ArtifactStore;
import org.juniper.upgrade.bindings.testing.PlatformEvents;
import org.juniper.upgrade.events.ArtifactKeys;
import org.juniper.upgrade.events.CloudEvent;
import org.juniper.upgrade.events.CloudEvents;
import org.juniper.upgrade.events.DumpUpgraded;
import org.juniper.upgrade.events.Purpose;
import org.juniper.upgrade.events.StoredObject;
import org.juniper.upgrade.events.Topics;
import org.juniper.upgrade.events.UpgradeFacts;
import org.juniper.upgrade.events.UpgradeFailed;
import org.juniper.upgrade.events.UpgradeRequested;
import org.juniper.upgrade.worker.config.ScratchConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The worker on the real broker, S3 server and scratch PostgreSQL, with real pg_dump and psql. */
@QuarkusTest
class UpgradeWorkerTest {
    private static final Duration WAIT = Duration.ofSeconds(90);

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Inject
    ArtifactStore store;

    @Inject
    ScratchConfig scratch;

    @Test
    void aSampleBackupIsRestoredUpgradedHopByHopDumpedAndAnnounced() throws Exception {
        ByteArrayOutputStream backup = new ByteArrayOutputStream();
        new SampleDatabase().writeBackup(backup, new SampleSpec("acme", "14.0", 0.01, 7));
        String id = UUID.randomUUID().toString();
        StoredObject stored = store.put(ArtifactKeys.of(id).backup(), backup.toByteArray(), "application/zip");
        UpgradeRequested request = requested(id, stored);

        try (PlatformEvents platform = new PlatformEvents(bootstrapServers)) {
            CloudEvent requested = platform.publish(request);
            DumpUpgraded upgraded = CloudEvents.data(platform.read(Topics.DUMP_UPGRADED, id, WAIT, l -> !l.isEmpty())
                    .get(0).event(), DumpUpgraded.class);

            assertEquals(request.attempt(), upgraded.attempt());
            assertEquals(ArtifactKeys.of(id).attempt(request.attempt()).upgraded(), upgraded.artifact().key());
            assertEquals(upgraded.artifact(), store.find(upgraded.artifact().key()).orElseThrow());
            UpgradeFacts facts = CloudEvents.json().readValue(store.readAllBytes(upgraded.factsKey()),
                    UpgradeFacts.class);
            assertEquals(List.of("15.0", "16.0", "17.0"), facts.hops().stream().map(UpgradeFacts.Hop::version).toList());
            assertTrue(facts.modulesAfter().get("base").startsWith("17.0"), facts.modulesAfter().toString());
            assertEquals(rows(facts, "res_partner").rowsBefore(), rows(facts, "res_partner").rowsAfter(),
                    "no partner lost");
            assertEquals(-1, rows(facts, "ir_translation").rowsAfter(), "translations moved into their records");
            assertTrue(facts.modulesAfter().containsKey("account_online_synchronization"), "bank_sync renamed");
            assertTrue(facts.notes().stream().anyMatch(n -> n.kind().contains("template")), facts.notes()
                    .toString());
            assertTrue(facts.timings().containsKey("attachments"));
            assertTrue(facts.filestoreFiles() > 0);
            assertFalse(scratchDatabaseExists(request.attempt()), "the scratch database is dropped after the run");
            String log = new String(store.readAllBytes(upgraded.logKey()), StandardCharsets.UTF_8);
            assertTrue(log.contains("reached 17.0"), log);

            platform.publish(requested);
            List<PlatformEvents.Received> announced = platform.read(Topics.DUMP_UPGRADED, id, WAIT,
                    l -> l.size() == 2);
            assertEquals(2, announced.size(), "a redelivered attempt is announced again");
            assertEquals(upgraded.artifact(), CloudEvents.data(announced.get(1).event(), DumpUpgraded.class)
                    .artifact(), "with the same archive, not a new one");
            long restores = platform.read(Topics.PROGRESS, id, Duration.ofSeconds(3), l -> false).stream()
                    .filter(r -> r.value().contains("restoring")).count();
            assertEquals(1, restores, "and it is not restored a second time");
        }
    }

    @Test
    void aProductionRequestDoesNotWaitBehindQueuedTestRequests() throws Exception {
        ByteArrayOutputStream backup = new ByteArrayOutputStream();
        new SampleDatabase().writeBackup(backup, new SampleSpec("acme", "14.0", 0.01, 11));
        List<String> tests = new java.util.ArrayList<>();
        try (PlatformEvents platform = new PlatformEvents(bootstrapServers)) {
            for (int i = 0; i < 5; i++) {
                String id = UUID.randomUUID().toString();
                tests.add(id);
                platform.publish(requested(id, store.put(ArtifactKeys.of(id).backup(), backup.toByteArray(),
                        "application/zip")));
            }
            String production = UUID.randomUUID().toString();
            StoredObject stored = store.put(ArtifactKeys.of(production).backup(), backup.toByteArray(),
                    "application/zip");
            platform.publish(new UpgradeRequested(production, "acme", "14.0", "17.0", Purpose.PRODUCTION, 10,
                    "it@acme.example", stored, "zip", Instant.now(), null, null, UUID.randomUUID().toString()));

            Instant productionDone = announcedAt(platform, production);
            Instant lastTestDone = tests.stream().map(id -> announcedAt(platform, id)).max(Instant::compareTo)
                    .orElseThrow();
            assertTrue(productionDone.isBefore(lastTestDone), "production finished at " + productionDone
                    + ", before the last queued test request at " + lastTestDone);
        }
    }

    private static UpgradeFacts.TableCount rows(UpgradeFacts facts, String table) {
        return facts.tables().stream().filter(t -> t.table().equals(table)).findFirst().orElseThrow();
    }

    private static Instant announcedAt(PlatformEvents platform, String id) {
        return platform.read(Topics.DUMP_UPGRADED, id, Duration.ofMinutes(3), l -> !l.isEmpty()).get(0).event().time();
    }

    @Test
    void aShellEscapeInTheDumpFailsTheRequestAndNeverRuns() throws Exception {
        Path marker = Path.of(System.getProperty("java.io.tmpdir"), "juniper-owned-" + UUID.randomUUID());
        FailedRun run = runDump("CREATE TABLE t (id integer);\n\\! touch " + marker + "\n");

        assertEquals("BACKUP:UNSAFE_DUMP", run.failure.reason());
        assertTrue(run.failure.message().contains("line 2"), run.failure.message());
        assertFalse(Files.exists(marker));
    }

    @Test
    void customerSqlRunsWithoutAnyRightBeyondItsOwnDatabase() throws Exception {
        Path marker = Path.of(System.getProperty("java.io.tmpdir"), "juniper-owned-" + UUID.randomUUID());
        FailedRun run = runDump("COPY (SELECT 1) TO PROGRAM 'touch " + marker + "';\n");

        assertEquals("RESTORE:FAILED", run.failure.reason());
        assertTrue(run.failure.message().contains("permission denied") || run.failure.message().contains("must be"),
                run.failure.message());
        assertFalse(Files.exists(marker));
        assertFalse(scratchDatabaseExists(run.attempt), "the scratch database is dropped after a failure too");
    }

    /** Hostile statements a dump may carry; each must fail the run with the database's refusal and do nothing. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            a shell command run by the server      | COPY t FROM PROGRAM 'touch MARKER';
            a server file read by COPY              | COPY t FROM '/etc/hostname';
            a server file read by a function        | SELECT pg_read_file('/etc/hostname');
            a file written on the server            | COPY (SELECT 'owned') TO 'MARKER';
            a large object from a server file       | SELECT lo_import('/etc/hostname');
            an untrusted procedural language        | CREATE FUNCTION f() RETURNS void LANGUAGE plperlu AS $$ `touch MARKER` $$;
            a language installed by the dump        | CREATE LANGUAGE plpython3u;
            another role taken                      | SET ROLE ADMIN;
            a role given powers                     | ALTER ROLE CURRENT_USER SUPERUSER;
            another database reached                | CREATE DATABASE owned;
            a function that never ends              | DO $$ BEGIN LOOP PERFORM 1; END LOOP; END $$;
            """)
    void aHostileStatementFailsTheRestoreWithTheDatabasesRefusalAndChangesNothing(String what, String statement)
            throws Exception {
        Path marker = Path.of(System.getProperty("java.io.tmpdir"), "juniper-owned-" + UUID.randomUUID());
        FailedRun run = runDump("CREATE TABLE t (id text);\n" + statement.replace("MARKER", marker.toString())
                .replace("ADMIN", scratch.adminUser()) + "\n");

        assertEquals("RESTORE:FAILED", run.failure.reason(), what + ": " + run.failure.message());
        assertTrue(Stream.of("permission denied", "must be superuser", "does not exist", "is not available",
                "statement timeout", "cannot run inside a transaction block").anyMatch(run.failure.message()::contains),
                run.failure.message());
        assertFalse(Files.exists(marker), "nothing was written on the server");
        assertFalse(scratchDatabaseExists(run.attempt), "the scratch database is dropped");
        assertFalse(databaseExists("owned"), "no other database was made");
    }

    @Test
    void aStatementThatOutlivesTheTimeoutIsStoppedEvenWhenTheDumpLiftsTheTimeout() throws Exception {
        // every pg_dump output starts by lifting the timeout, and a role may change its own settings
        FailedRun run = runDump("""
                SET statement_timeout = 0;
                ALTER ROLE CURRENT_USER SET statement_timeout = 0;
                DO $$ BEGIN LOOP PERFORM 1; END LOOP; END $$;
                """);

        assertEquals("RUN:STATEMENT_TIMEOUT", run.failure.reason(), run.failure.message());
        assertTrue(run.failure.message().contains("DO $$ BEGIN LOOP"), run.failure.message());
        assertFalse(scratchDatabaseExists(run.attempt), "the scratch database is dropped");
    }

    @Test
    void aCustomModuleStopsTheRunWithItsName() throws Exception {
        FailedRun run = runDump("""
                CREATE TABLE public.ir_module_module (name varchar, state varchar, latest_version varchar);
                COPY public.ir_module_module (name, state, latest_version) FROM stdin;
                base\tinstalled\t14.0.1.3
                x_acme_fleet\tinstalled\t14.0.1.0
                \\.
                """);

        assertEquals("MODULE:CUSTOM", run.failure.reason());
        assertTrue(run.failure.message().contains("x_acme_fleet"), run.failure.message());
    }

    @Test
    void theGeneratedCustomModuleStopsTheRunWithItsName() throws Exception {
        ByteArrayOutputStream backup = new ByteArrayOutputStream();
        new SampleDatabase().writeBackup(backup, new SampleSpec("acme", "15.0", 0.01, 3, true));
        FailedRun run = runArchive(backup.toByteArray());

        assertEquals("MODULE:CUSTOM", run.failure.reason());
        assertTrue(run.failure.message().contains(CustomModule.NAME), run.failure.message());
    }

    /** The scripts the customer wrote for the generated custom module: one hop's, and one that runs on every hop. */
    private static final Map<String, String> LOYALTY_SCRIPTS = Map.of(
            "16.0/customer_loyalty/post-10-rename-card-number.sql",
            "ALTER TABLE x_loyalty_card RENAME COLUMN number TO card_number;",
            "0.0.0/customer_loyalty/end-10-record-hop.sql", """
                    -- records each hop with the pack's own helper, so that the report shows it
                    SELECT pg_temp.juniper_note('customer_loyalty', 'loyalty_cards_carried', 'x.loyalty.card', NULL,
                           NULL, (SELECT count(*) FROM x_loyalty_card),
                           'the loyalty cards reached ' || current_setting('juniper.version'));""");

    @Test
    void theGeneratedCustomModuleUpgradesWithTheRequestsScriptsEachRunAtItsHopAfterThePacks() throws Exception {
        String id = UUID.randomUUID().toString();
        StoredObject backup = store.put(ArtifactKeys.of(id).backup(), loyaltySample(), "application/zip");
        StoredObject scripts = storeScripts(id, LOYALTY_SCRIPTS);

        try (PlatformEvents platform = new PlatformEvents(bootstrapServers)) {
            platform.publish(requested(id, backup, "15.0", scripts));
            DumpUpgraded upgraded = CloudEvents.data(platform.read(Topics.DUMP_UPGRADED, id, WAIT, l -> !l.isEmpty())
                    .get(0).event(), DumpUpgraded.class);

            UpgradeFacts facts = CloudEvents.json().readValue(store.readAllBytes(upgraded.factsKey()),
                    UpgradeFacts.class);
            assertEquals(List.of("16.0", "17.0"), facts.hops().stream().map(UpgradeFacts.Hop::version).toList());
            List<UpgradeFacts.Script> hop16 = facts.hops().get(0).scripts();
            assertEquals(List.of("16.0/customer_loyalty/post-10-rename-card-number.sql",
                    "0.0.0/customer_loyalty/end-10-record-hop.sql"), customPaths(hop16));
            int rename = indexOfCustom(hop16, "post-10-rename-card-number.sql");
            assertTrue(hop16.subList(0, rename).stream().filter(s -> s.customPath() == null)
                    .anyMatch(s -> s.phase().equals("post")), "after the pack's post scripts: " + hop16);
            assertTrue(hop16.subList(rename + 1, hop16.size()).stream().noneMatch(s -> s.phase().equals("post")),
                    "the last of the post phase: " + hop16);
            assertEquals("0.0.0/customer_loyalty/end-10-record-hop.sql", last(hop16).customPath(),
                    "after the pack's end scripts");
            List<UpgradeFacts.Script> hop17 = facts.hops().get(1).scripts();
            assertEquals(List.of("0.0.0/customer_loyalty/end-10-record-hop.sql"), customPaths(hop17));
            assertEquals(new UpgradeFacts.Script("customer_loyalty", "end", "end-10-record-hop.sql",
                    last(hop17).millis(), "0.0.0/customer_loyalty/end-10-record-hop.sql"), last(hop17));
            assertTrue(hop17.stream().anyMatch(s -> s.customPath() == null && s.name().equals(
                    "end-99-module-versions.sql")), "the pack's scripts are still told apart: " + hop17);

            assertEquals(List.of("16.0", "17.0"), facts.notes().stream()
                    .filter(n -> n.kind().equals("loyalty_cards_carried")).map(UpgradeFacts.Note::version).toList(),
                    "the every-hop script ran on each hop");
            assertEquals("15.0.1.0", facts.modulesBefore().get(CustomModule.NAME));
            assertEquals("17.0.1.0", facts.modulesAfter().get(CustomModule.NAME), "the module is at the target");
            String dump = upgradedDump(upgraded.artifact().key());
            assertTrue(dump.contains("COPY public.x_loyalty_card (id, partner_id, card_number, points"),
                    "the 16.0 script renamed the column of the upgraded database");
            assertTrue(dump.contains("'the loyalty cards reached 17.0'") || dump.contains("\tthe loyalty cards "
                    + "reached 17.0\t"), "the note is kept in the upgraded database");
            String log = new String(store.readAllBytes(upgraded.logKey()), StandardCharsets.UTF_8);
            assertTrue(log.contains("the request brings 2 upgrade script(s) of its own, for customer_loyalty"), log);
            assertTrue(log.contains("ran the request's script 16.0/customer_loyalty/post-10-rename-card-number.sql"),
                    log);
            assertFalse(scratchDatabaseExists(upgraded.attempt()));
        }
    }

    @Test
    void aFailingCustomScriptEndsTheRequestWithItsPathAndPostgresqlsMessage() throws Exception {
        FailedRun run = runWithScripts(loyaltySample(), "15.0", Map.of(
                "16.0/customer_loyalty/post-10-rename-card-number.sql", LOYALTY_SCRIPTS.get(
                        "16.0/customer_loyalty/post-10-rename-card-number.sql"),
                "17.0/customer_loyalty/pre-10-points.sql", "UPDATE x_loyalty_card SET no_such_column = 1;"));

        assertEquals("UPGRADE:CUSTOM_SCRIPT_FAILED", run.failure.reason());
        assertTrue(run.failure.message().startsWith("the request's script 17.0/customer_loyalty/pre-10-points.sql "
                + "failed on the hop to 17.0: "), run.failure.message());
        assertTrue(run.failure.message().contains("column \"no_such_column\" of relation \"x_loyalty_card\" does "
                + "not exist"), run.failure.message());
        assertFalse(scratchDatabaseExists(run.attempt));
    }

    /** Hostile statements a custom script may carry: each fails the run with the database's refusal. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            a shell command run by the server  | COPY (SELECT 1) TO PROGRAM 'touch MARKER';
            a server file read by a function    | SELECT pg_read_file('/etc/hostname');
            a file written on the server        | COPY x_loyalty_card TO 'MARKER';
            a role given powers                 | ALTER ROLE CURRENT_USER SUPERUSER;
            another role taken                  | SET ROLE ADMIN;
            another role changed                | ALTER ROLE ADMIN PASSWORD 'owned';
            """)
    void aHostileCustomScriptFailsWithTheDatabasesRefusalAndChangesNothingOutsideItsDatabase(String what,
            String statement) throws Exception {
        Path marker = Path.of(System.getProperty("java.io.tmpdir"), "juniper-owned-" + UUID.randomUUID());
        FailedRun run = runWithScripts(loyaltySample(), "15.0", Map.of("0.0.0/customer_loyalty/pre-10-hostile.sql",
                statement.replace("MARKER", marker.toString()).replace("ADMIN", scratch.adminUser())));

        assertEquals("UPGRADE:CUSTOM_SCRIPT_FAILED", run.failure.reason(), what + ": " + run.failure.message());
        assertTrue(run.failure.message().contains("0.0.0/customer_loyalty/pre-10-hostile.sql"),
                run.failure.message());
        assertTrue(Stream.of("permission denied", "must be superuser").anyMatch(run.failure.message()::contains),
                run.failure.message());
        assertFalse(Files.exists(marker), "nothing was written on the server");
        assertFalse(scratchDatabaseExists(run.attempt), "the scratch database is dropped");
        assertFalse(roleExists(runRole(run.attempt)), "and its role");
        try (Connection admin = scratchAdmin(scratch)) {
            assertTrue(admin.isValid(5), "the admin's password is unchanged");
        }
    }

    @Test
    void modulesNeitherThePackNorTheScriptsCoverStillStopTheRun() throws Exception {
        FailedRun run = runWithScripts(archive("""
                CREATE TABLE public.ir_module_module (name varchar, state varchar, latest_version varchar);
                COPY public.ir_module_module (name, state, latest_version) FROM stdin;
                base\tinstalled\t14.0.1.3
                customer_loyalty\tinstalled\t14.0.1.0
                x_acme_fleet\tinstalled\t14.0.1.0
                \\.
                """), "14.0", LOYALTY_SCRIPTS);

        assertEquals("MODULE:CUSTOM", run.failure.reason());
        assertTrue(run.failure.message().contains("no scripts for: x_acme_fleet (the request's scripts cover "
                + "customer_loyalty)"), run.failure.message());
    }

    @Test
    void scriptsThatAreNotTheOnesIntakeCheckedFailTheRunBeforeTheRestore() throws Exception {
        String id = UUID.randomUUID().toString();
        StoredObject backup = store.put(ArtifactKeys.of(id).backup(), archive(registry("14.0.1.3")),
                "application/zip");
        StoredObject checked = storeScripts(id, LOYALTY_SCRIPTS);
        StoredObject other = new StoredObject(checked.key(), "0".repeat(64), checked.size());

        try (PlatformEvents platform = new PlatformEvents(bootstrapServers)) {
            platform.publish(requested(id, backup, "14.0", other));
            UpgradeFailed failure = CloudEvents.data(platform.read(Topics.FAILED, id, WAIT, l -> !l.isEmpty())
                    .get(0).event(), UpgradeFailed.class);

            assertEquals("SCRIPTS:CHECKSUM_MISMATCH", failure.reason());
            assertTrue(failure.message().contains(checked.sha256()), failure.message());
            assertTrue(platform.read(Topics.PROGRESS, id, Duration.ofSeconds(2), l -> false).stream()
                    .noneMatch(r -> r.value().contains("restoring")), "nothing was restored");
        }
    }

    @Test
    void theHopsFollowTheDatabaseNotTheRequest() throws Exception {
        // the request says 14.0 to 17.0; the database says 17.0
        FailedRun downgrade = runDump(registry("17.0.1.3"));
        assertEquals("TARGET:DOWNGRADE", downgrade.failure.reason());
        assertTrue(downgrade.failure.message().contains("the database is at 17.0"), downgrade.failure.message());

        FailedRun unknown = runDump(registry("12.0.1.3"));
        assertEquals("SOURCE:UNKNOWN", unknown.failure.reason());
        assertTrue(unknown.failure.message().contains("12.0"), unknown.failure.message());
    }

    private static String registry(String baseVersion) {
        return """
                CREATE TABLE public.ir_module_module (name varchar, state varchar, latest_version varchar);
                COPY public.ir_module_module (name, state, latest_version) FROM stdin;
                base\tinstalled\t%s
                \\.
                """.formatted(baseVersion);
    }

    @Test
    void aDatabaseThatIsNotJuniperIsRefusedWithThatReason() throws Exception {
        FailedRun run = runDump("CREATE TABLE public.customers (id integer);\n");

        assertEquals("BACKUP:NOT_JUNIPER", run.failure.reason());
    }

    record FailedRun(String id, String attempt, UpgradeFailed failure) {
    }

    private FailedRun runDump(String dumpSql) throws Exception {
        return runArchive(archive(dumpSql));
    }

    private FailedRun runArchive(byte[] archive) throws Exception {
        String id = UUID.randomUUID().toString();
        StoredObject stored = store.put(ArtifactKeys.of(id).backup(), archive, "application/zip");
        try (PlatformEvents platform = new PlatformEvents(bootstrapServers)) {
            UpgradeRequested request = requested(id, stored);
            platform.publish(request);
            return failed(platform, request);
        }
    }

    private FailedRun runWithScripts(byte[] archive, String sourceVersion, Map<String, String> scripts)
            throws Exception {
        String id = UUID.randomUUID().toString();
        StoredObject stored = store.put(ArtifactKeys.of(id).backup(), archive, "application/zip");
        StoredObject zip = storeScripts(id, scripts);
        try (PlatformEvents platform = new PlatformEvents(bootstrapServers)) {
            UpgradeRequested request = requested(id, stored, sourceVersion, zip);
            platform.publish(request);
            return failed(platform, request);
        }
    }

    private static FailedRun failed(PlatformEvents platform, UpgradeRequested request) {
        UpgradeFailed failure = CloudEvents.data(platform.read(Topics.FAILED, request.requestId(), WAIT,
                l -> !l.isEmpty()).get(0).event(), UpgradeFailed.class);
        assertEquals(request.attempt(), failure.attempt());
        return new FailedRun(request.requestId(), request.attempt(), failure);
    }

    /** The 15.0 sample with the customer's own module, generated once for the tests that need it. */
    private static synchronized byte[] loyaltySample() throws IOException {
        if (loyaltySample == null) {
            ByteArrayOutputStream backup = new ByteArrayOutputStream();
            new SampleDatabase().writeBackup(backup, new SampleSpec("acme", "15.0", 0.01, 3, true));
            loyaltySample = backup.toByteArray();
        }
        return loyaltySample;
    }

    private static byte[] loyaltySample;

    /** Stores the scripts as intake does once it has checked them. */
    private StoredObject storeScripts(String id, Map<String, String> scripts) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream out = new ZipOutputStream(bytes)) {
            for (Map.Entry<String, String> script : new TreeMap<>(scripts).entrySet()) {
                out.putNextEntry(new ZipEntry(script.getKey()));
                out.write(script.getValue().getBytes(StandardCharsets.UTF_8));
            }
        }
        return store.put(ArtifactKeys.of(id).customScripts(), bytes.toByteArray(), "application/zip");
    }

    private static List<String> customPaths(List<UpgradeFacts.Script> scripts) {
        return scripts.stream().map(UpgradeFacts.Script::customPath).filter(java.util.Objects::nonNull).toList();
    }

    private static int indexOfCustom(List<UpgradeFacts.Script> scripts, String name) {
        for (int i = 0; i < scripts.size(); i++) {
            if (scripts.get(i).customPath() != null && scripts.get(i).name().equals(name)) {
                return i;
            }
        }
        throw new AssertionError(name + " did not run: " + scripts);
    }

    private static UpgradeFacts.Script last(List<UpgradeFacts.Script> scripts) {
        return scripts.get(scripts.size() - 1);
    }

    /** The dump.sql of the upgraded archive, as text. */
    private String upgradedDump(String key) throws IOException {
        try (ZipInputStream zip = new ZipInputStream(store.open(key))) {
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                if (entry.getName().equals("dump.sql")) {
                    return new String(zip.readAllBytes(), StandardCharsets.UTF_8);
                }
            }
        }
        throw new AssertionError("no dump.sql in " + key);
    }

    private boolean scratchDatabaseExists(String attempt) throws Exception {
        return databaseExists(runRole(attempt).replace("_owner", ""));
    }

    private boolean roleExists(String name) throws Exception {
        return scratchCatalogHas("select 1 from pg_roles where rolname = ?", name);
    }

    private boolean databaseExists(String name) throws Exception {
        return scratchCatalogHas("select 1 from pg_database where datname = ?", name);
    }

    private boolean scratchCatalogHas(String query, String name) throws Exception {
        try (Connection c = scratchAdmin(scratch); PreparedStatement sql = c.prepareStatement(query)) {
            sql.setString(1, name);
            try (ResultSet rs = sql.executeQuery()) {
                return rs.next();
            }
        }
    }
}
