package org.juniper.upgrade.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.juniper.erp.JuniperPack;
import org.juniper.erp.NeutralizationRule;
import org.juniper.upgrade.events.Neutralized;
import org.juniper.upgrade.events.Purpose;
import org.juniper.upgrade.events.StoredObject;
import org.juniper.upgrade.events.UpgradeFacts;
import org.juniper.upgrade.report.model.UpgradeReport;
import org.juniper.upgrade.report.service.ReportComposer;

/**
 * The facts of a typical run: a 14.0 trading company with a web shop and a custom module, upgraded to 17.0, where a
 * module was renamed and another merged.
 */
public final class SampleFacts {
    private SampleFacts() {
    }

    /** What the sample's upgrade scripts noted: renamed and merged modules, a disabled custom view... */
    public static final List<UpgradeFacts.Note> NOTES = List.of(
            new UpgradeFacts.Note("15.0", "account_online_synchronization", "module_renamed", null, 41, "bank_sync", 14L,
                    "Juniper 15.0 renames bank_sync to account_online_synchronization"),
            new UpgradeFacts.Note("16.0", "base", "translations_converted", "ir.ui.view", null, "arch_db (terms)",
                    3_120L, "translations live in the records themselves from 16.0 on"),
            new UpgradeFacts.Note("16.0", "base", "translations_dropped", "ir.translation", null, "code terms", 212L,
                    "terms of the code are translated by the modules' own files from 16.0 on"),
            new UpgradeFacts.Note("16.0", "mail", "template_converted", "mail.template", 12, "Sales: Send Quotation", null,
                    "its placeholders moved from ${...} to {{ ... }}"),
            new UpgradeFacts.Note("16.0", "acme_margin", "view_deactivated", "sale.order", 1187,
                    "acme_margin.sale_order_form_margin", null,
                    "it shows the field x_margin, which sale.order no longer has"),
            new UpgradeFacts.Note("17.0", "stock", "model_renamed", "stock.production.lot", null, "stock.lot", 1_250L,
                    "lots and serial numbers are stock.lot from 17.0 on"),
            new UpgradeFacts.Note("17.0", "account", "field_renamed", "account.move.line",
                    null, "exclude_from_invoice_tab -> display_type", 48_210L, "invoice tabs show lines by type"),
            new UpgradeFacts.Note("17.0", "product", "field_removed", "product.template", null, "website_sequence", 2_615L,
                    "the web shop orders products by its own rules"),
            new UpgradeFacts.Note("17.0", "stock", "module_merged", null, 88, "delivery", 38L,
                    "Juniper 17.0 merges delivery into stock"));

    public static UpgradeFacts acme(String requestId, Purpose purpose) {
        return withExtraTables(requestId, purpose, 0);
    }

    /** The same run with {@code extra} more tables of its own, to make the lists long. */
    public static UpgradeFacts withExtraTables(String requestId, Purpose purpose, int extra) {
        Map<String, String> before = new TreeMap<>();
        Map<String, String> after = new TreeMap<>();
        Map.of("base", "1.3", "mail", "1.2", "contacts", "1.0", "product", "1.2", "website", "1.0", "account", "1.1",
                "stock", "1.1", "payment", "1.0", "purchase", "1.2").forEach((module, v) -> {
                    before.put(module, "14.0." + v);
                    after.put(module, "17.0." + v);
                });
        before.put("sale", "14.0.1.1");
        after.put("sale", "17.0.1.2");
        before.put("bank_sync", "14.0.1.0");
        after.put("account_online_synchronization", "17.0.1.0");
        before.put("delivery", "14.0.1.0");
        before.put("acme_margin", "14.0.1.0");
        after.put("spreadsheet", "17.0.1.0");

        List<UpgradeFacts.TableCount> tables = new ArrayList<>(List.of(
                table("account_move_line", 48_210, 48_210), table("mail_message", 31_874, 31_874),
                table("ir_translation", 18_452, -1), table("stock_move", 14_320, 14_320),
                table("stock_move_line", 14_102, 14_102), table("account_move", 9_877, 9_877),
                table("sale_order_line", 8_415, 8_415), table("ir_model_data", 7_960, 8_312),
                table("purchase_order_line", 5_210, 5_210), table("res_partner", 4_388, 4_388),
                table("stock_quant", 3_905, 3_905), table("product_product", 2_840, 2_840),
                table("product_template", 2_615, 2_615), table("stock_picking", 2_590, 2_590),
                table("sale_order", 2_211, 2_211), table("ir_attachment", 1_960, 1_960),
                table("ir_ui_view", 1_204, 1_231), table("purchase_order", 1_187, 1_187),
                table("payment_transaction", 640, 640), table("account_move_line_account_tax_rel", 610, 610),
                table("res_partner_category", 48, 48), table("mail_template", 41, 44),
                table("account_account", 212, 212), table("account_tax", 36, 36), table("ir_cron", 31, 33),
                table("product_category", 18, 18), table("account_journal", 12, 12), table("res_users", 23, 23),
                table("stock_location", 22, 22), table("website_page", 14, 14), table("payment_token", 9, 9),
                table("delivery_carrier", 4, 4), table("ir_mail_server", 2, 2),
                table("account_move_line_payment_rel", 0, 1_532), table("stock_production_lot", 1_250, -1),
                table("stock_lot", 0, 1_250)));
        for (int i = 0; i < extra; i++) {
            tables.add(table("x_acme_table_" + i, i, i));
        }

        List<UpgradeFacts.Hop> hops = List.of(
                new UpgradeFacts.Hop("15.0", 21_400, List.of(script("base", "pre", "pre-10-res-partner.sql", 2_100),
                        script("account", "post", "post-10-move-line-amounts.sql", 9_800),
                        script("stock", "post", "post-20-quants.sql", 4_300),
                        script("base", "end", "end-99-module-versions.sql", 40))),
                new UpgradeFacts.Hop("16.0", 74_900, List.of(
                        script("base", "pre", "pre-20-translations-to-jsonb.sql", 48_200),
                        script("mail", "post", "post-10-templates.sql", 3_100),
                        script("sale", "post", "post-10-order-lines.sql", 11_700),
                        script("base", "end", "end-50-disable-invalid-views.sql", 6_900),
                        script("base", "end", "end-99-module-versions.sql", 35))),
                new UpgradeFacts.Hop("17.0", 38_700, List.of(script("base", "pre", "pre-10-users.sql", 1_200),
                        script("account", "post", "post-10-payment-reconciliation.sql", 22_600),
                        script("website", "post", "post-10-pages.sql", 2_900),
                        script("base", "end", "end-99-module-versions.sql", 37))));
        Map<String, Long> timings = new LinkedHashMap<>();
        timings.put("restore", 41_300L);
        timings.put("upgrade", 135_000L);
        timings.put("dump", 18_900L);
        return new UpgradeFacts(requestId, "acme", "14.0", "17.0", purpose,
                new StoredObject("requests/" + requestId + "/backup", "a".repeat(64), 187_430_912L), "zip", before,
                after, hops, tables, timings, 1_960, List.of(
                        "module acme_margin was not upgraded: the request brought no upgrade scripts for it",
                        "3 mail templates use placeholders of your own; read them before you send mail"), NOTES);
    }

    /** The same run as if its scripts had noted nothing. */
    /** The report of these facts, for a test copy with what the neutralizer reports. */
    public static UpgradeReport report(ReportComposer composer, UpgradeFacts f) {
        return composer.compose(f, neutralized(f));
    }

    /** What the neutralizer reports for a test copy of these facts: the pack's rules, each with a count. */
    public static List<Neutralized.Action> neutralized(UpgradeFacts f) {
        List<NeutralizationRule> rules = JuniperPack.load().neutralizationRules(f.targetVersion(),
                f.modulesAfter().keySet());
        List<Neutralized.Action> actions = new ArrayList<>();
        for (int i = 0; i < rules.size(); i++) {
            actions.add(new Neutralized.Action(rules.get(i).module(), rules.get(i).rule(), (long) (i % 4)));
        }
        return actions;
    }

    public static UpgradeFacts withoutNotes(UpgradeFacts f) {
        return new UpgradeFacts(f.requestId(), f.database(), f.sourceVersion(), f.targetVersion(), f.purpose(),
                f.backup(), f.backupFormat(), f.modulesBefore(), f.modulesAfter(), f.hops(), f.tables(), f.timings(),
                f.filestoreFiles(), f.warnings());
    }

    private static UpgradeFacts.TableCount table(String name, long before, long after) {
        return new UpgradeFacts.TableCount(name, before, after);
    }

    private static UpgradeFacts.Script script(String module, String phase, String name, long millis) {
        return new UpgradeFacts.Script(module, phase, name, millis);
    }
}
