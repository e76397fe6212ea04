package org.juniper.upgrade.neutralizer;

import static org.juniper.upgrade.neutralizer.Scratch.count;
import static org.juniper.upgrade.neutralizer.Scratch.strings;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.juniper.erp.JuniperPack;
import org.juniper.erp.UpgradeScript;
import org.juniper.sample.SampleDatabase;
import org.juniper.sample.SampleSpec;
import org.juniper.upgrade.archive.ArchiveLayout;
import org.juniper.upgrade.archive.BackupArchiveReader;
import org.juniper.upgrade.archive.BackupArchiveWriter;
import org.juniper.upgrade.archive.Manifest;
import org.juniper.upgrade.bindings.objectstore.ArtifactStore;
import org.juniper.upgrade.bindings.testing.PlatformEvents;
import org.juniper.upgrade.events.ArtifactKeys;
import org.juniper.upgrade.events.CloudEvents;
import org.juniper.upgrade.events.DumpUpgraded;
import org.juniper.upgrade.events.Neutralized;
import org.juniper.upgrade.events.Purpose;
import org.juniper.upgrade.events.RunStopped;
import org.juniper.upgrade.events.StoredObject;
import org.juniper.upgrade.events.Topics;
import org.juniper.upgrade.neutralizer.rules.DeclaredRule;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The neutralizer on the real broker and S3 server. A 14.0 sample with every module of the pack is upgraded
 * through every version by the pack's scripts, as the worker runs them; at each version its dump is announced as a
 * test request's upgraded archive, and the test archive the neutralizer stores is restored into a fresh PostgreSQL
 * database and checked rule by rule against the upgraded database it came from.
 */
@QuarkusTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NeutralizerServiceTest {
    /** The attempt every event of these tests belongs to. */
    private static final String ATTEMPT = "a1b2c3d4-0000-4000-8000-000000000001";
    private static final Duration WAIT = Duration.ofSeconds(120);
    private static final JuniperPack PACK = JuniperPack.load();
    private static final String PROVIDERS = "coalesce(to_regclass('payment_provider'), "
            + "to_regclass('payment_acquirer'))::text";

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Inject
    ArtifactStore store;

    private Scratch scratch;
    private final Map<String, Copy> copies = new HashMap<>();

    /** One version's upgraded archive, its test archive, and both restored. */
    private record Copy(String id, StoredObject upgraded, Neutralized event, String before, String after) {
    }

    @BeforeAll
    void neutralizeTheSampleAtEveryVersion() throws Exception {
        scratch = new Scratch();
        String source = PACK.supportedVersions().get(0);
        byte[] sample = dumpOf(sampleBackup(source));
        String working = scratch.restore(sample);
        try (Connection db = scratch.connect(working); PlatformEvents platform = new PlatformEvents(bootstrapServers)) {
            List<String> installed = strings(db, "SELECT name FROM ir_module_module WHERE state = 'installed'");
            for (String version : PACK.supportedVersions()) {
                if (!version.equals(source)) {
                    upgrade(db, version, installed);
                }
                byte[] dump = scratch.dump(working);
                String id = UUID.randomUUID().toString();
                StoredObject upgraded = store.put(ArtifactKeys.of(id).attempt(ATTEMPT).upgraded(), archive(version, installed, dump),
                        "application/zip");
                platform.publish(announcement(id, Purpose.TEST, source, version, upgraded));
                Neutralized event = CloudEvents.data(platform.read(Topics.NEUTRALIZED, id, WAIT, l -> !l.isEmpty())
                        .get(0).event(), Neutralized.class);
                copies.put(version, new Copy(id, upgraded, event, scratch.restore(dump),
                        scratch.restore(dumpOf(store.readAllBytes(event.artifact().key())))));
            }
        }
    }

    @AfterAll
    void dropTheDatabases() throws SQLException {
        if (scratch != null) {
            scratch.close();
        }
    }

    List<String> versions() {
        return PACK.supportedVersions();
    }

    // ------------------------------------------------------------------ the rules, one by one

    @ParameterizedTest(name = "{0}")
    @MethodSource("versions")
    void scheduledActionsAreOffExceptTheHousekeepingOne(String version) throws Exception {
        assertTrue(before(version, "SELECT count(*) FROM ir_cron WHERE active") > 1);
        assertEquals(List.of("Base: Auto-vacuum internal data"),
                afterStrings(version, "SELECT cron_name FROM ir_cron WHERE active"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("versions")
    void outgoingMailServersAreArchived(String version) throws Exception {
        assertTrue(before(version, "SELECT count(*) FROM ir_mail_server WHERE active") > 0);
        assertEquals(0, after(version, "SELECT count(*) FROM ir_mail_server WHERE active AND smtp_host <> 'invalid'"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("versions")
    void theOnlyActiveMailServerIsAFakeThatCannotDeliver(String version) throws Exception {
        assertEquals(List.of("invalid:1"),
                afterStrings(version, "SELECT smtp_host || ':' || smtp_port FROM ir_mail_server WHERE active"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("versions")
    void mailTemplatesAreDetachedFromMailServers(String version) throws Exception {
        assertTrue(before(version, "SELECT count(*) FROM mail_template WHERE mail_server_id IS NOT NULL") > 0);
        assertEquals(0, after(version, "SELECT count(*) FROM mail_template WHERE mail_server_id IS NOT NULL"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("versions")
    void incomingMailServersAreOff(String version) throws Exception {
        assertTrue(before(version, "SELECT count(*) FROM fetchmail_server WHERE active") > 0);
        assertEquals(0, after(version, "SELECT count(*) FROM fetchmail_server WHERE active"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("versions")
    void paymentProvidersAreInTestModeOrDisabled(String version) throws Exception {
        String providers = providers(version);
        assertTrue(before(version, "SELECT count(*) FROM " + providers + " WHERE state = 'enabled'") > 0);
        assertEquals(0, after(version, "SELECT count(*) FROM " + providers
                + " WHERE state NOT IN ('test', 'disabled')"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("versions")
    void paymentProviderSecretsAreCleared(String version) throws Exception {
        String secrets = "SELECT count(*) FROM " + providers(version) + " WHERE stripe_secret_key IS NOT NULL "
                + "OR stripe_webhook_secret IS NOT NULL OR paypal_pdt_token IS NOT NULL "
                + "OR adyen_skin_hmac_key IS NOT NULL";
        assertTrue(before(version, secrets) > 0);
        assertEquals(0, after(version, secrets));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("versions")
    void savedPaymentTokensCannotBeChargedAgain(String version) throws Exception {
        assertTrue(before(version, "SELECT count(*) FROM payment_token WHERE active") > 0);
        assertEquals(0, after(version, "SELECT count(*) FROM payment_token WHERE active"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("versions")
    void deliveryCarriersUseTheirTestEnvironment(String version) throws Exception {
        assertTrue(before(version, "SELECT count(*) FROM delivery_carrier WHERE prod_environment") > 0);
        assertEquals(0, after(version, "SELECT count(*) FROM delivery_carrier WHERE prod_environment"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("versions")
    void carriersThatCallOutsideServicesAreOff(String version) throws Exception {
        String external = "SELECT count(*) FROM delivery_carrier WHERE active "
                + "AND delivery_type NOT IN ('fixed', 'base_on_rule')";
        assertTrue(before(version, external) > 0);
        assertEquals(0, after(version, external));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("versions")
    void bankSynchronizationIsOffAndItsTokensCleared(String version) throws Exception {
        String live = "SELECT count(*) FROM account_online_link WHERE auto_sync OR access_token IS NOT NULL "
                + "OR refresh_token IS NOT NULL OR state IS DISTINCT FROM 'disconnected'";
        assertTrue(before(version, live) > 0);
        assertEquals(0, after(version, live));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("versions")
    void webhooksAreOffAndTheirSecretsCleared(String version) throws Exception {
        String live = "SELECT count(*) FROM ir_webhook WHERE active OR secret IS NOT NULL";
        assertTrue(before(version, live) > 0);
        assertEquals(0, after(version, live));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("versions")
    void apiKeysOfTheProductionDatabaseAreRevoked(String version) throws Exception {
        assertTrue(before(version, "SELECT count(*) FROM res_users_apikeys") > 0);
        assertEquals(0, after(version, "SELECT count(*) FROM res_users_apikeys"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("versions")
    void websiteIndexingIsBlocked(String version) throws Exception {
        assertEquals(0, after(version, "SELECT count(*) FROM website "
                + "WHERE robots_txt IS DISTINCT FROM E'User-agent: *\\nDisallow: /\\n'"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("versions")
    void websiteDomainsAndAnalyticsAreCleared(String version) throws Exception {
        String live = "SELECT count(*) FROM website WHERE domain IS NOT NULL OR google_analytics_key IS NOT NULL";
        assertTrue(before(version, live) > 0);
        assertEquals(0, after(version, live));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("versions")
    void everyPageShowsATestDatabaseBanner(String version) throws Exception {
        assertEquals(List.of("base.layout"), afterStrings(version, "SELECT parent.key FROM ir_ui_view banner "
                + "JOIN ir_ui_view parent ON parent.id = banner.inherit_id "
                + "WHERE banner.key = 'base.neutralize_banner' AND banner.active AND banner.mode = 'extension' "
                + "AND banner.arch_db::text LIKE '%This is a neutralized test copy%'"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("versions")
    void theDatabaseHasANewIdentity(String version) throws Exception {
        String identity = "SELECT key || '=' || value FROM ir_config_parameter "
                + "WHERE key IN ('database.uuid', 'database.secret') ORDER BY key";
        List<String> before = beforeStrings(version, identity);
        List<String> after = afterStrings(version, identity);
        assertEquals(2, before.size());
        assertEquals(2, after.size());
        for (int i = 0; i < 2; i++) {
            assertNotEquals(before.get(i), after.get(i));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("versions")
    void theDatabaseIsFlaggedNeutralized(String version) throws Exception {
        assertEquals(List.of("true"), afterStrings(version,
                "SELECT value FROM ir_config_parameter WHERE key = 'database.is_neutralized'"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("versions")
    void addedRowsLeaveTheSequencesAheadOfEveryId(String version) throws Exception {
        for (String table : List.of("ir_mail_server", "ir_ui_view", "ir_config_parameter")) {
            assertTrue(after(version, "SELECT last_value FROM " + table + "_id_seq")
                    >= after(version, "SELECT max(id) FROM " + table), table);
        }
    }

    // ------------------------------------------------------------------ the event, the preview, the purposes

    @ParameterizedTest(name = "{0}")
    @MethodSource("versions")
    void theEventCountsTheRowsEachRuleChanged(String version) throws Exception {
        Map<String, Long> rows = new HashMap<>();
        copies.get(version).event().actions().forEach(action -> rows.put(action.rule(), action.rows()));
        assertEquals(before(version, "SELECT count(*) FROM ir_cron WHERE active") - 1, rows.get("crons-off"));
        assertEquals(before(version, "SELECT count(*) FROM res_users_apikeys"), rows.get("api-keys-cleared"));
        assertEquals(1L, rows.get("fake-mail-server"));
        assertEquals(2L, rows.get("database-identity"));
        assertEquals(PACK.neutralizationRules(version, PACK.modules(version)).size(), rows.size());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("versions")
    void thePreviewRunOnTheUpgradedDatabaseGivesTheTestArchivesDatabase(String version) throws Exception {
        Copy copy = copies.get(version);
        String preview = io.restassured.RestAssured.given().contentType("application/zip")
                .body(store.readAllBytes(copy.upgraded().key())).post("/neutralization/preview")
                .then().statusCode(200).extract().asString();
        assertTrue(preview.contains("-- rule: base/crons-off: " + copy.event().actions().stream()
                .filter(a -> a.rule().equals("crons-off")).findFirst().orElseThrow().rows() + " rows"), preview);
        try (Connection before = scratch.connect(copy.before()); Connection after = scratch.connect(copy.after())) {
            before.setAutoCommit(false);
            try (Statement sql = before.createStatement()) {
                sql.execute(preview);
                for (String table : tablesOfTheRules(version)) {
                    assertEquals(contentOf(after, table), contentOf(before, table), table);
                }
            } finally {
                before.rollback();
            }
        }
    }

    @Test
    void aRedeliveredRequestIsAnnouncedAgainWithTheSameArchiveAndCounts() throws Exception {
        Copy copy = copies.get(PACK.supportedVersions().get(PACK.supportedVersions().size() - 1));
        Neutralized again;
        try (PlatformEvents platform = new PlatformEvents(bootstrapServers)) {
            platform.publish(announcement(copy.id(), Purpose.TEST, "14.0", "18.0", copy.upgraded()));
            again = CloudEvents.data(platform.read(Topics.NEUTRALIZED, copy.id(), WAIT, l -> l.size() >= 2).get(1)
                    .event(), Neutralized.class);
        }
        assertEquals(copy.event(), again);
    }

    @Test
    void aProductionRequestIsNeverNeutralized() throws Exception {
        String id = UUID.randomUUID().toString();
        ByteArrayOutputStream backup = new ByteArrayOutputStream();
        new SampleDatabase().writeBackup(backup, new SampleSpec("acme", "14.0", 0.01, 3));
        StoredObject upgraded = store.put(ArtifactKeys.of(id).attempt(ATTEMPT).upgraded(), backup.toByteArray(), "application/zip");
        try (PlatformEvents platform = new PlatformEvents(bootstrapServers)) {
            platform.publish(announcement(id, Purpose.PRODUCTION, "13.0", "14.0", upgraded));
            assertTrue(platform.read(Topics.NEUTRALIZED, id, Duration.ofSeconds(5), l -> !l.isEmpty()).isEmpty());
        }
        assertTrue(store.find(ArtifactKeys.of(id).attempt(ATTEMPT).neutralized()).isEmpty());
    }

    @Test
    void aStoppedAttemptGetsNoTestCopyNorAnnouncement() throws Exception {
        String id = UUID.randomUUID().toString();
        String attempt = UUID.randomUUID().toString();
        StoredObject upgraded = store.put(ArtifactKeys.of(id).attempt(attempt).upgraded(), sampleBackup("14.0"),
                "application/zip");
        try (PlatformEvents platform = new PlatformEvents(bootstrapServers)) {
            platform.publish(new RunStopped(id, attempt, "operations", "the customer migrated by hand",
                    Instant.now()));
            // the stop reaches every instance; the run's announcement, already on its way, comes after it
            Thread.sleep(2000);
            platform.publish(new DumpUpgraded(id, Purpose.TEST, "13.0", "14.0", upgraded,
                    ArtifactKeys.of(id).attempt(attempt).facts(), ArtifactKeys.of(id).attempt(attempt).log(),
                    Map.of(), attempt));
            // the retry's run, on the same partition behind it: once it is neutralized, the stopped one was passed by
            String retry = UUID.randomUUID().toString();
            StoredObject retried = store.put(ArtifactKeys.of(id).attempt(retry).upgraded(), sampleBackup("14.0"),
                    "application/zip");
            platform.publish(new DumpUpgraded(id, Purpose.TEST, "13.0", "14.0", retried,
                    ArtifactKeys.of(id).attempt(retry).facts(), ArtifactKeys.of(id).attempt(retry).log(), Map.of(),
                    retry));
            List<Neutralized> announced = platform.read(Topics.NEUTRALIZED, id, Duration.ofMinutes(2),
                    l -> !l.isEmpty()).stream().map(r -> CloudEvents.data(r.event(), Neutralized.class)).toList();
            assertEquals(List.of(retry), announced.stream().map(Neutralized::attempt).toList());
        }
        assertTrue(store.find(ArtifactKeys.of(id).attempt(attempt).neutralized()).isEmpty());
    }

    // ------------------------------------------------------------------ helpers

    private static byte[] sampleBackup(String version) throws Exception {
        ByteArrayOutputStream backup = new ByteArrayOutputStream();
        new SampleDatabase().writeBackup(backup, new SampleSpec("acme", version, 0.01, 3));
        return backup.toByteArray();
    }

    /** Runs a hop's scripts as the worker does: one transaction, {@code juniper.version} set for it. */
    private static void upgrade(Connection db, String version, List<String> installed) throws SQLException {
        db.setAutoCommit(false);
        try (Statement sql = db.createStatement()) {
            sql.execute("SELECT set_config('juniper.version', '" + version + "', true)");
            for (UpgradeScript script : PACK.upgradeScripts(version, installed)) {
                sql.execute(script.sql());
            }
        }
        db.commit();
        db.setAutoCommit(true);
    }

    /** An upgraded archive as the worker writes it: the manifest first, then the dump. */
    private static byte[] archive(String version, List<String> installed, byte[] dump) throws Exception {
        ByteArrayOutputStream zip = new ByteArrayOutputStream();
        try (BackupArchiveWriter writer = new BackupArchiveWriter(zip)) {
            writer.manifest(Manifest.of("acme", version, "15", PACK.moduleVersions(version, installed)));
            try (OutputStream out = writer.dump()) {
                out.write(dump);
            }
            writer.finish();
        }
        return zip.toByteArray();
    }

    private static DumpUpgraded announcement(String id, Purpose purpose, String source, String target,
            StoredObject upgraded) {
        ArtifactKeys.AttemptKeys keys = ArtifactKeys.of(id).attempt(ATTEMPT);
        return new DumpUpgraded(id, purpose, source, target, upgraded, keys.facts(), keys.log(), Map.of(), ATTEMPT);
    }

    private static byte[] dumpOf(byte[] zip) throws Exception {
        byte[][] dump = {null};
        BackupArchiveReader.read(new ByteArrayInputStream(zip), (name, in) -> {
            if (name.equals(ArchiveLayout.DUMP)) {
                dump[0] = in.readAllBytes();
            }
        });
        return dump[0];
    }

    private static List<String> tablesOfTheRules(String version) {
        return new ArrayList<>(DeclaredRule.of(PACK, version, PACK.modules(version)).stream()
                .map(DeclaredRule::table).distinct().toList());
    }

    /** A table's rows, but for what differs by nature between two runs: ids and times of added rows, new uuids. */
    private static List<String> contentOf(Connection db, String table) throws SQLException {
        return strings(db, "SELECT (to_jsonb(t) - 'id' - 'create_date' - 'write_date'"
                + (table.equals("ir_config_parameter") ? " || jsonb_build_object('value', CASE WHEN key IN "
                        + "('database.uuid', 'database.secret') THEN 'new' ELSE value END)" : "")
                + ")::text AS row FROM " + table + " t ORDER BY 1");
    }

    private String providers(String version) throws SQLException {
        return beforeStrings(version, "SELECT " + PROVIDERS).get(0);
    }

    private long before(String version, String query) throws SQLException {
        try (Connection db = scratch.connect(copies.get(version).before())) {
            return count(db, query);
        }
    }

    private long after(String version, String query) throws SQLException {
        try (Connection db = scratch.connect(copies.get(version).after())) {
            return count(db, query);
        }
    }

    private List<String> beforeStrings(String version, String query) throws SQLException {
        try (Connection db = scratch.connect(copies.get(version).before())) {
            return strings(db, query);
        }
    }

    private List<String> afterStrings(String version, String query) throws SQLException {
        try (Connection db = scratch.connect(copies.get(version).after())) {
            return strings(db, query);
        }
    }
}
