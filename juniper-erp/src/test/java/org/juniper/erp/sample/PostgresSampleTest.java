package org.juniper.erp.sample;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.juniper.erp.ScratchPostgres.count;
import static org.juniper.erp.ScratchPostgres.strings;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;
import org.juniper.erp.JuniperPack;
import org.juniper.erp.NeutralizationRule;
import org.juniper.erp.ScratchPostgres;
import org.juniper.erp.UpgradeScript;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * On a real PostgreSQL, as the upgrade worker uses it: the 14.0 sample restores with psql as an unprivileged role
 * that owns its database, and the pack's rules and scripts apply to it. The server comes from {@code ./platform test}
 * through JUNIPER_SCRATCH_PORT, JUNIPER_SCRATCH_ADMIN_USER and JUNIPER_SCRATCH_ADMIN_PASSWORD.
 */
class PostgresSampleTest {
    private static final JuniperPack PACK = JuniperPack.load();
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
            assertEquals(507, count(db, "SELECT count(*) FROM res_partner"));
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
