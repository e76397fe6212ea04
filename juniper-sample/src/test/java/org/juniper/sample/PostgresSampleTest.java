package org.juniper.sample;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.juniper.sample.ScratchPostgres.count;
import static org.juniper.sample.ScratchPostgres.schema;
import static org.juniper.sample.ScratchPostgres.strings;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.juniper.erp.JuniperPack;
import org.juniper.erp.NeutralizationRule;
import org.juniper.erp.UpgradeScript;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * On a real PostgreSQL, as the upgrade worker uses it: the 14.0 sample restores with psql as an unprivileged role
 * that owns its database, and the pack's rules and scripts apply to it; the sample of every version, with the
 * customer's own module, restores into the schema of that version's fresh install plus the module's objects. The server comes from {@code ./platform test}
 * through JUNIPER_SCRATCH_PORT, JUNIPER_SCRATCH_ADMIN_USER and JUNIPER_SCRATCH_ADMIN_PASSWORD.
 */
class PostgresSampleTest {
    private static final JuniperPack PACK = JuniperPack.load();
    private static final String LATEST = PACK.supportedVersions().get(PACK.supportedVersions().size() - 1);
    private static ScratchPostgres scratch;
    private static String restored;
    private static String fresh;

    @BeforeAll
    static void restoreTheSample() throws Exception {
        scratch = ScratchPostgres.start();
        restored = scratch.database("sample");
        fresh = scratch.database("fresh");
        scratch.restore(restored, SampleDumps.dump(new SampleSpec("acme", "14.0", 0.01, 42)));
    }

    @AfterAll
    static void dropTheDatabases() throws SQLException {
        if (scratch != null) {
            scratch.close();
        }
    }

    private static Connection owner(String database) throws SQLException {
        return scratch.owner(database);
    }

    @Test
    void theSampleRestoresWithConsistentData() throws SQLException {
        try (Connection db = owner(restored)) {
            assertEquals(1507, count(db, "SELECT count(*) FROM res_partner"));
            assertEquals(0, count(db, "SELECT count(*) FROM (SELECT move_id FROM account_move_line GROUP BY move_id "
                    + "HAVING sum(debit) <> sum(credit)) unbalanced"));
            assertEquals(0, count(db, "SELECT count(*) FROM sale_order o WHERE amount_untaxed <> (SELECT "
                    + "sum(price_subtotal) FROM sale_order_line l WHERE l.order_id = o.id)"));
            assertTrue(count(db, "SELECT count(*) FROM stock_move_line WHERE qty_done > 0") > 0);
            // sequences continue after the restored rows
            try (Statement sql = db.createStatement()) {
                sql.execute("INSERT INTO res_partner (name, type, active) VALUES ('New', 'contact', true)");
            }
        }
    }

    @Test
    void everyNeutralizationRuleAppliesAndTakesEffect() throws SQLException {
        try (Connection db = owner(restored)) {
            String uuidBefore = strings(db, "SELECT value FROM ir_config_parameter WHERE key = 'database.uuid'")
                    .get(0);
            assertTrue(count(db, "SELECT count(*) FROM ir_cron WHERE active") > 1);
            db.setAutoCommit(false);
            try (Statement sql = db.createStatement()) {
                for (NeutralizationRule rule : PACK.neutralizationRules("14.0", PACK.modules("14.0"))) {
                    sql.execute(rule.sql());
                }
            }
            db.commit();
            assertEquals(List.of("Base: Auto-vacuum internal data"),
                    strings(db, "SELECT cron_name FROM ir_cron WHERE active"));
            assertEquals(List.of("invalid"), strings(db, "SELECT smtp_host FROM ir_mail_server WHERE active"));
            assertEquals(List.of("true"),
                    strings(db, "SELECT value FROM ir_config_parameter WHERE key = 'database.is_neutralized'"));
            assertNotEquals(uuidBefore,
                    strings(db, "SELECT value FROM ir_config_parameter WHERE key = 'database.uuid'").get(0));
            assertEquals(0, count(db, "SELECT count(*) FROM mail_template WHERE mail_server_id IS NOT NULL"));
            assertEquals(0, count(db, "SELECT count(*) FROM fetchmail_server WHERE active"));
            assertEquals(0, count(db, "SELECT count(*) FROM payment_acquirer WHERE state = 'enabled' "
                    + "OR stripe_secret_key IS NOT NULL"));
            assertEquals(0, count(db, "SELECT count(*) FROM payment_token WHERE active"));
            assertEquals(0, count(db, "SELECT count(*) FROM delivery_carrier WHERE prod_environment"));
            assertEquals(0, count(db, "SELECT count(*) FROM account_online_link WHERE auto_sync "
                    + "OR access_token IS NOT NULL"));
            assertEquals(0, count(db, "SELECT count(*) FROM ir_webhook WHERE active"));
            assertEquals(0, count(db, "SELECT count(*) FROM res_users_apikeys"));
            assertEquals(0, count(db, "SELECT count(*) FROM website WHERE domain IS NOT NULL "
                    + "OR robots_txt NOT LIKE '%Disallow: /%'"));
            assertEquals(1, count(db, "SELECT count(*) FROM ir_ui_view WHERE key = 'base.neutralize_banner'"));
        }
    }

    @Test
    void theEveryHopScriptRecordsTheHopVersionOnEachModule() throws SQLException {
        try (Connection db = owner(restored)) {
            db.setAutoCommit(false);
            try (Statement sql = db.createStatement()) {
                sql.execute("SET LOCAL juniper.version = '15.0'");
                for (UpgradeScript script : PACK.upgradeScripts("15.0", PACK.modules("14.0"))) {
                    sql.execute(script.sql());
                }
                assertEquals(List.of("base 15.0.1.3", "sale 15.0.1.1"), strings(db, "SELECT name || ' ' || "
                        + "latest_version FROM ir_module_module WHERE name IN ('base', 'sale') ORDER BY name"));
            } finally {
                db.rollback();
            }
        }
    }

    @ParameterizedTest
    @MethodSource("versions")
    void theSampleOfEachVersionHasItsFreshInstallSchemaPlusTheCustomModule(String version) throws Exception {
        String sample = scratch.database("custom_" + version);
        String freshInstall = scratch.database("fresh_" + version);
        scratch.restore(sample, SampleDumps.dump(new SampleSpec("acme", version, 0.01, 42, true)));
        try (Connection db = owner(sample); Connection fresh = owner(freshInstall);
                Statement sql = fresh.createStatement()) {
            for (String module : PACK.modules(version)) {
                sql.execute(PACK.schemaSql(version, module).orElseThrow());
            }
            Set<String> custom = new TreeSet<>();
            Set<String> standard = new TreeSet<>();
            for (String line : schema(db)) {
                (line.contains(CustomModule.TABLE) || line.contains(" res_partner.x_loyalty_") ? custom : standard)
                        .add(line);
            }
            assertEquals(schema(fresh), standard);
            assertEquals(Set.of("column res_partner.x_loyalty_points integer",
                    "column res_partner.x_loyalty_tier character varying"), custom.stream()
                    .filter(line -> line.startsWith("column res_partner.")).collect(Collectors.toSet()));
            assertTrue(custom.size() > 8, custom.toString());

            List<String> installed = strings(db, "SELECT name FROM ir_module_module WHERE state = 'installed'");
            assertEquals(List.of(CustomModule.NAME), PACK.unknownModules(version, installed));
            String arch = strings(db, "SELECT arch_db::text FROM ir_ui_view WHERE id = (SELECT res_id FROM "
                    + "ir_model_data WHERE module = '" + CustomModule.NAME + "' AND model = 'ir.ui.view')").get(0);
            assertTrue(arch.contains("x_loyalty_tier"), arch);
            if (!version.equals(LATEST)) {
                assertTrue(arch.contains("name=\\\"mobile\\\"") || arch.contains("name=\"mobile\""),
                        "the module's view extends the mobile, which " + LATEST + " removes: " + arch);
            }
            assertTrue(count(db, "SELECT count(*) FROM " + CustomModule.TABLE) > 100);
            assertTrue(count(db, "SELECT count(*) FROM res_partner WHERE x_loyalty_tier IS NOT NULL") > 100);

            String translations = version.compareTo("16.0") < 0
                    ? "SELECT DISTINCT lang FROM ir_translation ORDER BY 1"
                    : "SELECT DISTINCT key FROM product_template, jsonb_each_text(name) ORDER BY 1";
            assertEquals(version.compareTo("16.0") < 0 ? List.of("de_DE", "es_ES", "fr_FR")
                    : List.of("de_DE", "en_US", "es_ES", "fr_FR"), strings(db, translations));
            assertTrue(count(db, "SELECT count(*) FROM ir_attachment WHERE db_datas IS NOT NULL") > 0);
            assertTrue(count(db, "SELECT count(*) FROM ir_attachment WHERE store_fname IS NOT NULL") > 10);
            assertEquals(0, count(db, "SELECT count(*) FROM (SELECT move_id FROM account_move_line "
                    + "GROUP BY move_id HAVING sum(debit) <> sum(credit)) unbalanced"));
        }
    }

    static List<String> versions() {
        return PACK.supportedVersions();
    }

    @Test
    void theFreshInstallSchemaAppliesToAnEmptyDatabase() throws SQLException {
        try (Connection db = owner(fresh); Statement sql = db.createStatement()) {
            for (String module : PACK.modules("14.0")) {
                sql.execute(PACK.schemaSql("14.0", module).orElseThrow());
            }
            assertEquals(12, count(db, "SELECT count(*) FROM ir_module_module WHERE state = 'installed'"));
            // the sequences were moved past the standard rows
            sql.execute("INSERT INTO ir_cron (ir_actions_server_id, user_id, nextcall) VALUES (1, 1, now())");
            assertEquals(PACK.modules("14.0").size(),
                    strings(db, "SELECT name FROM ir_module_module").stream()
                            .map(name -> name.toLowerCase(Locale.ROOT)).distinct().count());
        }
    }
}
