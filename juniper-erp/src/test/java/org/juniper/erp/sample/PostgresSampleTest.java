package org.juniper.erp.sample;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.juniper.erp.JuniperPack;
import org.juniper.erp.NeutralizationRule;
import org.juniper.erp.UpgradeScript;
import org.juniper.upgrade.archive.BackupArchiveReader;
import org.juniper.upgrade.archive.DumpGuard;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * On a real PostgreSQL, as the upgrade worker uses it: the 14.0 sample restores with psql as an unprivileged role
 * that owns its database, and the pack's rules and scripts apply to it. The server comes from {@code ./platform test}
 * through JUNIPER_SCRATCH_PORT, JUNIPER_SCRATCH_ADMIN_USER and JUNIPER_SCRATCH_ADMIN_PASSWORD.
 */
class PostgresSampleTest {
    private static final String HOST = "127.0.0.1";
    private static final JuniperPack PACK = JuniperPack.load();
    private static final String SUFFIX = UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    private static final String OWNER = "erp_test_" + SUFFIX;
    private static final String OWNER_PASSWORD = UUID.randomUUID().toString();
    private static final String RESTORED = "erp_sample_" + SUFFIX;
    private static final String FRESH = "erp_fresh_" + SUFFIX;

    private static String port;
    private static String adminUser;
    private static String adminPassword;

    @BeforeAll
    static void restoreTheSample() throws Exception {
        port = System.getenv("JUNIPER_SCRATCH_PORT");
        adminUser = System.getenv("JUNIPER_SCRATCH_ADMIN_USER");
        adminPassword = System.getenv("JUNIPER_SCRATCH_ADMIN_PASSWORD");
        if (port == null || adminUser == null || adminPassword == null) {
            fail("JUNIPER_SCRATCH_PORT, JUNIPER_SCRATCH_ADMIN_USER and JUNIPER_SCRATCH_ADMIN_PASSWORD are not set: "
                    + "run this test through './platform test', which starts the scratch PostgreSQL and sets them");
        }
        try (Connection admin = connect(adminUser, adminUser, adminPassword); Statement sql = admin.createStatement()) {
            sql.execute("CREATE ROLE " + OWNER + " LOGIN PASSWORD '" + OWNER_PASSWORD + "'");
            // PostgreSQL 15: a CREATEROLE admin must be a member of the role it makes a database owner
            sql.execute("GRANT " + OWNER + " TO " + adminUser);
            sql.execute("CREATE DATABASE " + RESTORED + " OWNER " + OWNER);
            sql.execute("CREATE DATABASE " + FRESH + " OWNER " + OWNER);
        }
        ByteArrayOutputStream zip = new ByteArrayOutputStream();
        new SampleDatabase().writeBackup(zip, new SampleSpec("acme", "14.0", 0.01, 42));
        byte[][] dump = {null};
        BackupArchiveReader.read(new ByteArrayInputStream(zip.toByteArray()), (name, in) -> {
            if (name.equals("dump.sql")) {
                dump[0] = in.readAllBytes();
            }
        });
        psql(RESTORED, dump[0]);
    }

    @AfterAll
    static void dropTheDatabases() throws SQLException {
        if (port == null || adminUser == null || adminPassword == null) {
            return;
        }
        try (Connection admin = connect(adminUser, adminUser, adminPassword); Statement sql = admin.createStatement()) {
            sql.execute("DROP DATABASE IF EXISTS " + RESTORED + " WITH (FORCE)");
            sql.execute("DROP DATABASE IF EXISTS " + FRESH + " WITH (FORCE)");
            sql.execute("DROP ROLE IF EXISTS " + OWNER);
        }
    }

    /** Restores as the worker does: psql as the owner, one transaction, stop at the first error, no meta-command. */
    private static void psql(String database, byte[] dump) throws Exception {
        ProcessBuilder builder = new ProcessBuilder("psql", "-X", "-q", "-v", "ON_ERROR_STOP=1", "--single-transaction",
                "-h", HOST, "-p", port, "-U", OWNER, "-d", database, "-f", "-")
                .redirectErrorStream(true);
        builder.environment().put("PGPASSWORD", OWNER_PASSWORD);
        Process process = builder.start();
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        Thread reader = new Thread(() -> {
            try {
                process.getInputStream().transferTo(output);
            } catch (IOException e) {
                // the exit code tells
            }
        });
        reader.start();
        try (OutputStream in = process.getOutputStream()) {
            DumpGuard.copy(new ByteArrayInputStream(dump), in, "juniperErpTest" + SUFFIX);
        }
        int exit = process.waitFor();
        reader.join();
        String log = output.toString(StandardCharsets.UTF_8);
        assertEquals(0, exit, "psql failed:\n" + log);
        assertFalse(log.contains("ERROR"), log);
    }

    private static Connection connect(String database, String user, String password) throws SQLException {
        return DriverManager.getConnection("jdbc:postgresql://" + HOST + ":" + port + "/" + database, user, password);
    }

    private static Connection owner(String database) throws SQLException {
        return connect(database, OWNER, OWNER_PASSWORD);
    }

    private static List<String> strings(Connection connection, String query) throws SQLException {
        List<String> values = new ArrayList<>();
        try (Statement sql = connection.createStatement(); ResultSet rows = sql.executeQuery(query)) {
            while (rows.next()) {
                values.add(rows.getString(1));
            }
        }
        return values;
    }

    private static long count(Connection connection, String query) throws SQLException {
        return Long.parseLong(strings(connection, query).get(0));
    }

    @Test
    void theSampleRestoresWithConsistentData() throws SQLException {
        try (Connection db = owner(RESTORED)) {
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
        try (Connection db = owner(RESTORED)) {
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
        try (Connection db = owner(RESTORED)) {
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
        try (Connection db = owner(FRESH); Statement sql = db.createStatement()) {
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
