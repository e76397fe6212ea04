package org.juniper.sample;

import static org.juniper.sample.BusinessTables.audited;

import java.io.IOException;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.juniper.erp.JuniperPack;
import org.juniper.sample.DumpWriter.RowWriter;
import org.juniper.sample.DumpWriter.StandardChanges;
import org.juniper.sample.DumpWriter.TableRows;

/**
 * The configuration a customer builds up over the years: languages, mail servers with passwords, live payment
 * and carrier credentials, bank links, webhooks, API keys, custom views and templates, translations. This is what
 * neutralization and the upgrade scripts have to deal with, so the sample carries some of everything.
 */
final class CustomerSetup {
    private static final LocalDateTime CONFIGURED = LocalDateTime.of(2019, 2, 11, 10, 30, 0);

    private final SampleModel model;
    /** The customer's name and mail domain, derived from the database name. */
    private final String company;
    private final String domain;
    private final int admin;

    CustomerSetup(SampleModel model, String databaseName) {
        this.model = model;
        String words = databaseName.replaceAll("[^A-Za-z0-9]+", " ").strip();
        String title = words.isEmpty() ? "Sample" : Character.toUpperCase(words.charAt(0)) + words.substring(1);
        this.company = title + " Furniture SA";
        this.domain = (words.isEmpty() ? "sample" : SampleModel.slug(words).replace('.', '-')) + ".example";
        this.admin = model.ref("base.user_admin");
    }

    /** Each table draws from its own stream, so that its values do not depend on the other tables. */
    private Rng rng(String purpose) {
        return Rng.of(model.seed, 0, purpose.hashCode());
    }

    StandardChanges standardChanges() {
        Rng rng = rng("standard changes");
        int mainPartner = model.ref("base.main_partner");
        return new StandardChanges()
                .set("res_company", model.ref("base.main_company"), "name", company)
                .set("res_company", model.ref("base.main_company"), "email", "info@" + domain)
                .set("res_company", model.ref("base.main_company"), "company_registry", "0477.472.701")
                .set("res_partner", mainPartner, "name", company)
                .set("res_partner", mainPartner, "display_name", company)
                .set("res_partner", mainPartner, "email", "info@" + domain)
                .set("res_partner", mainPartner, "email_normalized", "info@" + domain)
                .set("res_partner", mainPartner, "phone", "+32 81 81 37 00")
                .set("res_partner", mainPartner, "street", "Chaussée de Namur 40")
                .set("res_partner", mainPartner, "zip", "1367")
                .set("res_partner", mainPartner, "city", "Grand-Rosière")
                .set("res_partner", mainPartner, "country_id", 2)
                .set("res_partner", mainPartner, "website", "https://www." + domain)
                .set("res_partner", mainPartner, "vat", "BE0477472701")
                .set("res_partner", model.ref("base.partner_admin"), "email", "admin@" + domain)
                .set("res_partner", model.ref("base.partner_admin"), "email_normalized", "admin@" + domain)
                .set("res_users", admin, "password", BusinessTables.passwordHash(rng))
                .set("stock_warehouse", model.ref("stock.warehouse0"), "name", company)
                .set("website", model.ref("website.default_website"), "domain", "www." + domain)
                .set("website", model.ref("website.default_website"), "google_analytics_key",
                        "UA-" + rng.digits(8) + "-1")
                .set("ir_cron", model.ref("mail.ir_cron_mail_gateway_action"), "active", true)
                .set("payment_acquirer", model.ref("payment.payment_acquirer_stripe"), "state", "enabled")
                .set("payment_acquirer", model.ref("payment.payment_acquirer_stripe"), "stripe_publishable_key",
                        "pk_live_" + rng.alphanumeric(24))
                .set("payment_acquirer", model.ref("payment.payment_acquirer_stripe"), "stripe_secret_key",
                        "sk_live_" + rng.alphanumeric(24))
                .set("payment_acquirer", model.ref("payment.payment_acquirer_stripe"), "stripe_webhook_secret",
                        "whsec_" + rng.alphanumeric(32))
                .set("payment_acquirer", model.ref("payment.payment_acquirer_paypal"), "state", "enabled")
                .set("payment_acquirer", model.ref("payment.payment_acquirer_paypal"), "paypal_email_account",
                        "payments@" + domain)
                .set("payment_acquirer", model.ref("payment.payment_acquirer_paypal"), "paypal_pdt_token",
                        rng.alphanumeric(40))
                .set("payment_acquirer", model.ref("payment.payment_acquirer_adyen"), "state", "test")
                .set("payment_acquirer", model.ref("payment.payment_acquirer_adyen"), "adyen_merchant_account",
                        "FurnitureECOM")
                .set("payment_acquirer", model.ref("payment.payment_acquirer_adyen"), "adyen_skin_hmac_key",
                        rng.hex(64));
    }

    Map<String, TableRows> tables() {
        Map<String, TableRows> tables = new LinkedHashMap<>();
        tables.put("res_lang", this::languages);
        tables.put("ir_config_parameter", this::parameters);
        tables.put("ir_act_server", this::serverActions);
        tables.put("ir_cron", this::crons);
        tables.put("ir_mail_server", this::mailServers);
        tables.put("fetchmail_server", this::incomingMailServers);
        tables.put("mail_template", this::mailTemplates);
        tables.put("mail_channel", this::channels);
        tables.put("ir_ui_view", this::views);
        tables.put("website_page", this::websitePages);
        if (model.layout.hasTable("ir_translation")) {
            tables.put("ir_translation", this::translations);
        }
        tables.put("ir_webhook", this::webhooks);
        tables.put("res_users_apikeys", this::apiKeys);
        tables.put("delivery_carrier", this::carriers);
        tables.put("account_online_link", this::bankLinks);
        tables.put("account_online_account", this::bankAccounts);
        if (model.custom != null) {
            tables.put(CustomModule.TABLE, data -> model.custom.writeCards(model, data));
        }
        return tables;
    }

    private void languages(DumpWriter.TableData data) throws IOException {
        RowWriter rows = data.columns(audited("id", "name", "code", "iso_code", "url_code", "active", "direction",
                "date_format", "time_format", "week_start", "grouping", "decimal_point", "thousands_sep"));
        String[][] languages = {{"French / Français", "fr_FR", "fr", ",", "\u202f"},
            {"German / Deutsch", "de_DE", "de", ",", "."}, {"Spanish / Español", "es_ES", "es", ",", "."},
            {"Dutch / Nederlands", "nl_NL", "nl", ",", "."}};
        int id = model.layout.firstFreeId("res_lang");
        for (String[] lang : languages) {
            rows.write(audited(admin, CONFIGURED, CONFIGURED, id++, lang[0], lang[1], lang[2], lang[2], true, "ltr",
                    "%d/%m/%Y", "%H:%M:%S", 1, "[3,0]", lang[3], lang[4]));
        }
    }

    private void parameters(DumpWriter.TableData data) throws IOException {
        Rng rng = rng("parameters");
        RowWriter rows = data.columns(audited("id", "key", "value"));
        String[][] parameters = {{"database.uuid", rng.uuid()}, {"database.secret", rng.uuid()},
            {"database.create_date", "2018-11-02 09:14:03"}, {JuniperPack.CONTRACT_PARAMETER, "M" + rng.digits(12)},
            {"database.expiration_date", "2022-11-02 09:14:03"}, {"web.base.url", "https://erp." + domain},
            {"web.base.url.freeze", "True"}, {"mail.catchall.domain", domain}, {"mail.catchall.alias", "catchall"},
            {"mail.bounce.alias", "bounce"}, {"mail.default.from", "notifications"},
            {"sale.automatic_invoice", "True"}, {"stock.picking_no_backorder", "False"}};
        int id = model.layout.firstFreeId("ir_config_parameter");
        for (String[] parameter : parameters) {
            rows.write(audited(admin, CONFIGURED, CONFIGURED, id++, parameter[0], parameter[1]));
        }
    }

    /** The customer's own scheduled actions, which run code against outside systems. */
    private record Cron(String name, String model, String code, int interval, String unit, boolean active) {
    }

    private static final List<Cron> CRONS = List.of(
            new Cron("Webshop: push stock levels", "product.product",
                    "model._push_stock_levels('https://shop.partner.example/api/stock')", 15, "minutes", true),
            new Cron("Accounting: send overdue reminders", "account.move",
                    "records = model.search([('payment_state', '=', 'not_paid')])\nrecords._send_reminders()", 1,
                    "days", true),
            new Cron("Old ERP export (replaced)", "sale.order", "model._export_to_legacy_ftp()", 1, "days", false));

    private void serverActions(DumpWriter.TableData data) throws IOException {
        RowWriter rows = data.columns(audited("id", "name", "type", "binding_type", "usage", "state", "sequence",
                "model_name", "code", "activity_user_type"));
        int id = model.layout.firstFreeId("ir_act_server");
        for (Cron cron : CRONS) {
            rows.write(audited(admin, CONFIGURED, CONFIGURED, id++, cron.name(), "ir.actions.server", "action",
                    "ir_cron", "code", 5, cron.model(), cron.code(), "specific"));
        }
    }

    private void crons(DumpWriter.TableData data) throws IOException {
        RowWriter rows = data.columns(audited("id", "ir_actions_server_id", "cron_name", "user_id", "active",
                "interval_number", "interval_type", "numbercall", "doall", "nextcall", "lastcall", "priority"));
        int id = model.layout.firstFreeId("ir_cron");
        int action = model.layout.firstFreeId("ir_act_server");
        for (Cron cron : CRONS) {
            rows.write(audited(admin, CONFIGURED, SampleModel.SNAPSHOT, id++, action++, cron.name(), admin,
                    cron.active(), cron.interval(), cron.unit(), -1, false, SampleModel.SNAPSHOT.plusMinutes(15),
                    cron.active() ? SampleModel.SNAPSHOT.minusMinutes(5) : null, 5));
        }
    }

    private int mailServerId(int index) {
        return model.layout.firstFreeId("ir_mail_server") + index;
    }

    private void mailServers(DumpWriter.TableData data) throws IOException {
        Rng rng = rng("mailServers");
        RowWriter rows = data.columns(audited("id", "name", "smtp_host", "smtp_port", "smtp_user", "smtp_pass",
                "smtp_encryption", "smtp_debug", "sequence", "active"));
        rows.write(audited(admin, CONFIGURED, CONFIGURED, mailServerId(0), "Company SMTP", "smtp." + domain, 587,
                "erp@" + domain, rng.alphanumeric(16), "starttls", false, 10, true));
        rows.write(audited(admin, CONFIGURED, CONFIGURED, mailServerId(1), "Newsletter relay", "in-v3.relay.example",
                465, rng.hex(32), rng.hex(32), "ssl", false, 20, true));
    }

    private void incomingMailServers(DumpWriter.TableData data) throws IOException {
        Rng rng = rng("incomingMailServers");
        RowWriter rows = data.columns(audited("id", "name", "active", "state", "server", "port", "server_type",
                "is_ssl", "attach", "original", "date", "user", "password", "priority"));
        rows.write(audited(admin, CONFIGURED, SampleModel.SNAPSHOT, 1, "Support inbox", true, "done",
                "imap." + domain, 993, "imap", true, true, false, SampleModel.SNAPSHOT.minusMinutes(3),
                "support@" + domain, rng.alphanumeric(14), 5));
    }

    private void mailTemplates(DumpWriter.TableData data) throws IOException {
        RowWriter rows = data.columns(audited("id", "name", "model", "subject", "email_from", "use_default_to",
                "partner_to", "lang", "body_html", "mail_server_id", "auto_delete"));
        int id = model.layout.firstFreeId("mail_template");
        String[][] templates = {
            {"Order follow-up", "sale.order", "Your order ${object.name} with ${object.company_id.name}",
                "<p>Dear ${object.partner_id.name},</p>\n<p>Your order <strong>${object.name}</strong> of "
                    + "${format_amount(object.amount_total, object.currency_id)} is on its way.</p>\n"
                    + "% if object.partner_id.mobile:\n<p>We will text you at ${object.partner_id.mobile}.</p>\n"
                    + "% endif\n<p>${object.user_id.signature | safe}</p>", "0"},
            {"Payment reminder", "account.move", "Reminder: invoice ${object.name} is due",
                "<p>Dear ${object.partner_id.name},</p>\n<p>Invoice ${object.name} of "
                    + "${format_amount(object.amount_residual, object.currency_id)} was due on "
                    + "${format_date(object.invoice_date_due)}.</p>", "1"},
            {"Welcome new customer", "res.partner", "Welcome to ${user.company_id.name}",
                "<p>Hello ${object.name},</p>\n<p>Thank you for choosing us.</p>", ""},
            {"Delivery notice", "stock.picking", "${object.name} has been shipped",
                "<p>Hello ${object.partner_id.name},</p>\n<p>Your delivery ${object.name} left our warehouse "
                    + "on ${format_date(object.date_done)}.</p>", "0"}};
        for (String[] t : templates) {
            rows.write(audited(admin, CONFIGURED, CONFIGURED, id++, t[0], t[1], inline(t[2]),
                    inline("${(object.user_id.email_formatted or user.email_formatted) | safe}"), false,
                    inline(t[1].equals("res.partner") ? "${object.id}" : "${object.partner_id.id}"),
                    inline("${object.partner_id.lang}"), body(t[3]),
                    t[4].isEmpty() ? null : mailServerId(Integer.parseInt(t[4])), true));
        }
    }

    private static final Pattern EXPRESSION = Pattern.compile("\\$\\{\\s*([^}|]*[^}|\\s])\\s*(\\|\\s*safe\\s*)?}");

    /** A one-line template field in the syntax of the version: {@code ${expr}} until 14.0, {@code {{ expr }}} after. */
    private String inline(String template) {
        return model.shape.atLeast("15.0") ? EXPRESSION.matcher(template).replaceAll("{{ $1 }}") : template;
    }

    /** A template body in the syntax of the version: {@code ${expr}} and {@code % if} lines until 14.0, QWeb after. */
    private String body(String template) {
        String body = template;
        if (model.shape.atLeast("15.0")) {
            body = body.replaceAll("(?m)^([ \\t]*)% if (.*):[ \\t]*$", "$1<t t-if=\"$2\">")
                    .replaceAll("(?m)^([ \\t]*)% endif[ \\t]*$", "$1</t>");
            body = EXPRESSION.matcher(body).replaceAll("<t t-out=\"$1\"/>");
        }
        // partners have no mobile from 18.0 on: templates read the phone, where it went
        return model.layout.table("res_partner").columnIndex.containsKey("mobile") ? body
                : body.replaceAll("\\.mobile\\b", ".phone");
    }

    private void channels(DumpWriter.TableData data) throws IOException {
        Rng rng = rng("channels");
        RowWriter rows = data.columns(audited("id", "name", "channel_type", "description", "uuid", "email_send",
                "public", "moderation", "active"));
        int id = model.layout.firstFreeId(model.shape.table("mail_channel"));
        for (String[] channel : new String[][] {{"sales", "public"}, {"warehouse", "public"},
            {"management", "private"}}) {
            rows.write(audited(admin, CONFIGURED, CONFIGURED, id++, channel[0], "channel", null, rng.uuid(), false,
                    channel[1], false, true));
        }
    }

    /** Custom views: some extend standard views through fields a later version removes, such as mobile. */
    private record View(String name, String model, String key, String type, String inheritXmlId, String arch,
            boolean active, String pageUrl, String[] pageTitles) {
    }

    private static final List<View> VIEWS = List.of(
            new View("res.partner.form.mobile.required", "res.partner", null, "form", "base.view_partner_form",
                    "<data>\n    <field name=\"mobile\" position=\"attributes\">\n"
                            + "        <attribute name=\"required\">1</attribute>\n    </field>\n</data>", true, null,
                    null),
            new View("res.partner.tree.mobile", "res.partner", null, "tree", "base.view_partner_tree",
                    "<data>\n    <field name=\"mobile\" position=\"attributes\">\n"
                            + "        <attribute name=\"optional\">show</attribute>\n    </field>\n</data>", true,
                    null, null),
            new View("res.partner.kanban.mobile", "res.partner", null, "kanban", "contacts.res_partner_kanban_view",
                    "<data>\n    <field name=\"phone\" position=\"after\">\n        <field name=\"mobile\"/>\n"
                            + "    </field>\n</data>", true, null, null),
            new View("sale.order.form.customer.reference", "sale.order", null, "form", "sale.view_order_form",
                    "<data>\n    <field name=\"partner_id\" position=\"after\">\n"
                            + "        <field name=\"client_order_ref\"/>\n        <field name=\"commitment_date\"/>\n"
                            + "    </field>\n</data>", true, null, null),
            new View("account.move.form.narration", "account.move", null, "form", "account.view_move_form",
                    "<data>\n    <field name=\"invoice_line_ids\" position=\"after\">\n"
                            + "        <field name=\"narration\" placeholder=\"Terms and conditions\"/>\n"
                            + "    </field>\n</data>", true, null, null),
            new View("product.template.form.legacy", "product.template", null, "form",
                    "product.product_template_form_view",
                    "<data>\n    <field name=\"default_code\" position=\"after\">\n"
                            + "        <field name=\"x_legacy_reference\"/>\n    </field>\n</data>", false, null, null),
            new View("layout.footer", null, "custom.layout_footer", "qweb", "base.layout",
                    "<data inherit_id=\"base.layout\">\n    <xpath expr=\"//body\" position=\"inside\">\n"
                            + "        <footer><span t-esc=\"res_company.name\"/> - Chaussée de Namur 40</footer>\n"
                            + "    </xpath>\n</data>", true, null, null),
            new View("About us", null, "website.aboutus", "qweb", null,
                    "<t name=\"About us\" t-name=\"website.aboutus\">\n    <t t-call=\"website.layout\">\n"
                            + "        <h1>About us</h1>\n        <p>Office furniture since 1987.</p>\n    </t>\n</t>",
                    true, "/aboutus", new String[] {"About us", "À propos", "Über uns", "Sobre nosotros"}),
            new View("Contact us", null, "website.contactus", "qweb", null,
                    "<t name=\"Contact us\" t-name=\"website.contactus\">\n    <t t-call=\"website.layout\">\n"
                            + "        <h1>Contact us</h1>\n        <p>Call us on +32 81 81 37 00.</p>\n    </t>\n</t>",
                    true, "/contactus", new String[] {"Contact us", "Contactez-nous", "Kontakt", "Contacto"}),
            new View("Careers", null, "website.careers", "qweb", null,
                    "<t name=\"Careers\" t-name=\"website.careers\">\n    <t t-call=\"website.layout\">\n"
                            + "        <h1>Careers</h1>\n        <p>Join our team.</p>\n    </t>\n</t>", true,
                    "/careers", new String[] {"Careers", "Carrières", "Karriere", "Empleo"}));

    private int viewId(int index) {
        return model.layout.firstFreeId("ir_ui_view") + index;
    }

    private void views(DumpWriter.TableData data) throws IOException {
        RowWriter rows = data.columns(audited("id", "name", "model", "key", "priority", "type", "arch_db",
                "arch_updated", "inherit_id", "mode", "active", "customize_show"));
        boolean mobile = model.layout.table("res_partner").columnIndex.containsKey("mobile");
        for (int i = 0; i < VIEWS.size(); i++) {
            View view = VIEWS.get(i);
            if (!mobile && view.arch().contains("name=\"mobile\"")) {
                continue; // made for a field the version no longer has
            }
            Integer inherit = view.inheritXmlId() == null ? null : model.ref(view.inheritXmlId());
            rows.write(audited(admin, CONFIGURED.plusDays(i * 20L), CONFIGURED.plusDays(i * 40L), viewId(i),
                    view.name(), view.model(), view.key(), 99, view.type(), arch(view), true, inherit,
                    inherit == null ? "primary" : "extension", view.active(), false));
        }
    }

    /** The architecture with its translated terms: in ir_translation until 15.0, one per language from 16.0. */
    private static Translated arch(View view) {
        Map<String, String> translations = new LinkedHashMap<>();
        for (int lang = 0; view.pageTitles() != null && lang < Words.TRANSLATED_LANGS.length; lang++) {
            translations.put(Words.TRANSLATED_LANGS[lang], view.arch().replace(">" + view.pageTitles()[0] + "<",
                    ">" + view.pageTitles()[1 + lang] + "<"));
        }
        return new Translated(view.arch(), translations);
    }

    private void websitePages(DumpWriter.TableData data) throws IOException {
        RowWriter rows = data.columns(audited("id", "url", "view_id", "website_indexed", "is_published",
                "date_publish", "header_overlay"));
        int id = model.layout.firstFreeId("website_page");
        for (int i = 0; i < VIEWS.size(); i++) {
            if (VIEWS.get(i).pageUrl() != null) {
                rows.write(audited(admin, CONFIGURED, CONFIGURED, id++, VIEWS.get(i).pageUrl(), viewId(i), true, true,
                        CONFIGURED, false));
            }
        }
    }

    /** Terms of the code the customer's users see in their language. */
    private static final String[][] CODE_TERMS = {
        {"sale", "addons/sale/models/sale.py", "Quotation", "Devis", "Angebot", "Presupuesto"},
        {"sale", "addons/sale/models/sale.py", "Sales Order", "Bon de commande", "Verkaufsauftrag", "Pedido de venta"},
        {"account", "addons/account/models/account_move.py", "Invoice", "Facture", "Rechnung", "Factura"},
        {"account", "addons/account/models/account_move.py", "Vendor Bill", "Facture fournisseur",
            "Lieferantenrechnung", "Factura de proveedor"},
        {"stock", "addons/stock/models/stock_picking.py", "Delivery Orders", "Bons de livraison", "Lieferscheine",
            "Órdenes de entrega"},
        {"purchase", "addons/purchase/models/purchase.py", "Request for Quotation", "Demande de prix",
            "Angebotsanfrage", "Solicitud de presupuesto"},
        {"base", "addons/base/models/res_partner.py", "Mobile", "Portable", "Mobil", "Móvil"},
        {"base", "addons/base/models/res_partner.py", "Phone", "Téléphone", "Telefon", "Teléfono"}};

    private void translations(DumpWriter.TableData data) throws IOException {
        RowWriter rows = data.columns("id", "name", "res_id", "lang", "type", "src", "value", "module", "state");
        int id = 1;
        for (int lang = 0; lang < Words.TRANSLATED_LANGS.length; lang++) {
            for (String[] term : CODE_TERMS) {
                rows.write(id++, term[1], 0, Words.TRANSLATED_LANGS[lang], "code", term[2], term[3 + lang], term[0],
                        "translated");
            }
        }
        for (int i = 0; i < VIEWS.size(); i++) {
            String[] titles = VIEWS.get(i).pageTitles();
            for (int lang = 0; titles != null && lang < Words.TRANSLATED_LANGS.length; lang++) {
                rows.write(id++, "ir.ui.view,arch_db", viewId(i), Words.TRANSLATED_LANGS[lang], "model_terms",
                        titles[0], titles[1 + lang], null, "translated");
            }
        }
        for (int index = 0; index < model.products; index++) {
            SampleModel.Product product = model.product(index);
            for (int lang = 0; lang < Words.TRANSLATED_LANGS.length; lang++) {
                rows.write(id++, "product.template,name", product.templateId(), Words.TRANSLATED_LANGS[lang],
                        "model", product.name(), product.names()[1 + lang], null,
                        index % 25 == 0 ? "to_translate" : "translated");
            }
        }
    }

    private void webhooks(DumpWriter.TableData data) throws IOException {
        Rng rng = rng("webhooks");
        RowWriter rows = data.columns(audited("id", "name", "model_name", "trigger", "url", "secret", "active",
                "last_call"));
        String[][] hooks = {{"Orders to fulfilment", "sale.order", "on_write",
            "https://hooks.fulfilment.example/orders/" + rng.alphanumeric(20), "t"},
            {"Invoices to accounting firm", "account.move", "on_create",
                "https://api.accountants.example/v2/inbox?key=" + rng.alphanumeric(24), "t"},
            {"Leads to newsletter tool", "res.partner", "on_create", "https://hooks.mailer.example/catch/"
                + rng.digits(7) + "/" + rng.alphanumeric(6), "f"}};
        int id = 1;
        for (String[] hook : hooks) {
            boolean active = hook[4].equals("t");
            rows.write(audited(admin, CONFIGURED, SampleModel.SNAPSHOT, id++, hook[0], hook[1], hook[2], hook[3],
                    rng.alphanumeric(32), active, active ? SampleModel.SNAPSHOT.minusMinutes(id * 7L) : null));
        }
    }

    private void apiKeys(DumpWriter.TableData data) throws IOException {
        Rng rng = rng("apiKeys");
        RowWriter rows = data.columns("id", "name", "user_id", "scope", "index", "key", "create_date");
        String[] names = {"Webshop connector", "BI dashboard", "Mobile scanner app", "Zapier"};
        for (int i = 0; i < names.length; i++) {
            String key = rng.hex(40);
            rows.write(i + 1, names[i], i == 0 ? admin : model.userId(i % model.users), "rpc", key.substring(0, 8),
                    "$pbkdf2-sha512$6000$" + rng.alphanumeric(22) + "$" + rng.alphanumeric(86),
                    CONFIGURED.plusMonths(i * 5L));
        }
    }

    private void carriers(DumpWriter.TableData data) throws IOException {
        Rng rng = rng("carriers");
        RowWriter rows = data.columns(audited("id", "name", "active", "sequence", "delivery_type",
                "integration_level", "prod_environment", "debug_logging", "company_id", "product_id",
                "invoice_policy", "margin", "free_over", "amount", "fixed_price", "fedex_developer_key",
                "fedex_developer_password", "fedex_account_number", "fedex_meter_number", "ups_username",
                "ups_passwd", "ups_shipper_number", "ups_access_number", "dhl_site_id", "dhl_password",
                "dhl_account_number"));
        int product = model.ref("delivery.product_product_delivery");
        int id = model.layout.firstFreeId("delivery_carrier");
        rows.write(audited(admin, CONFIGURED, CONFIGURED, id++, "FedEx International", true, 20, "fedex", "rate",
                true, false, 1, product, "real", 0.0, false, null, null, rng.alphanumeric(16), rng.alphanumeric(25),
                rng.digits(9), rng.digits(9), null, null, null, null, null, null, null));
        rows.write(audited(admin, CONFIGURED, CONFIGURED, id++, "UPS Standard", true, 30, "ups", "rate_and_ship",
                true, false, 1, product, "real", 0.0, true, SampleModel.money(50_000), null, null, null, null, null,
                "furniture" + rng.digits(3), rng.alphanumeric(12), rng.alphanumeric(6), rng.hex(16), null, null,
                null));
        rows.write(audited(admin, CONFIGURED, CONFIGURED, id, "DHL Express", true, 40, "dhl", "rate_and_ship", false,
                true, 1, product, "estimated", 0.0, false, null, null, null, null, null, null, null, null, null,
                null, "v62_" + rng.alphanumeric(10), rng.alphanumeric(12), rng.digits(9)));
    }

    private void bankLinks(DumpWriter.TableData data) throws IOException {
        Rng rng = rng("bankLinks");
        RowWriter rows = data.columns(audited("id", "name", "state", "auto_sync", "client_id", "access_token",
                "refresh_token", "provider_data", "expiring_synchronization_date", "last_refresh", "company_id",
                "provider_type"));
        String[] banks = {"BNP Paribas Fortis", "Revolut Business"};
        for (int i = 0; i < banks.length; i++) {
            rows.write(audited(admin, CONFIGURED, SampleModel.SNAPSHOT, i + 1, banks[i], "connected", true,
                    rng.uuid(), "at_" + rng.alphanumeric(40), "rt_" + rng.alphanumeric(40),
                    "{\"institution_id\": \"" + rng.alphanumeric(8) + "\", \"consent\": \"" + rng.uuid() + "\"}",
                    SampleModel.SNAPSHOT.toLocalDate().plusDays(60 + 30L * i), SampleModel.SNAPSHOT.minusHours(6),
                    1, "ponto"));
        }
    }

    private void bankAccounts(DumpWriter.TableData data) throws IOException {
        Rng rng = rng("bankAccounts");
        RowWriter rows = data.columns(audited("id", "name", "account_online_link_id", "online_identifier",
                "balance", "account_number", "journal_id", "last_sync"));
        int bank = model.ref("account.1_bank");
        String[][] accounts = {{"1", "Current account", "BE71096123456769"}, {"1", "Savings", "BE68539007547034"},
            {"2", "EUR main", "LT121000011101001000"}};
        for (int i = 0; i < accounts.length; i++) {
            rows.write(audited(admin, CONFIGURED, SampleModel.SNAPSHOT, i + 1, accounts[i][1],
                    Integer.parseInt(accounts[i][0]), rng.uuid(), SampleModel.money(1_000_000L * (i + 3) + 4_250),
                    accounts[i][2], i == 0 ? bank : null, SampleModel.SNAPSHOT.toLocalDate()));
        }
    }
}
