package org.juniper.sample;

import static org.juniper.sample.SampleModel.money;

import java.io.IOException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.juniper.sample.DumpWriter.RowWriter;
import org.juniper.sample.DumpWriter.TableRows;
import org.juniper.sample.SampleModel.Line;
import org.juniper.sample.SampleModel.Order;
import org.juniper.sample.SampleModel.Partner;
import org.juniper.sample.SampleModel.Product;

/** The rows of the customer's business, in 14.0 terms: partners, products, orders, stock and invoices. */
final class BusinessTables {
    private final SampleModel model;

    BusinessTables(SampleModel model) {
        this.model = model;
    }

    /** The four columns every table of the ERP carries: who created and last wrote the row, and when. */
    static String[] audited(String... columns) {
        String[] all = Arrays.copyOf(columns, columns.length + 4);
        all[columns.length] = "create_uid";
        all[columns.length + 1] = "create_date";
        all[columns.length + 2] = "write_uid";
        all[columns.length + 3] = "write_date";
        return all;
    }

    @SafeVarargs
    private static <T> T[] with(T[] first, T... more) {
        T[] all = Arrays.copyOf(first, first.length + more.length);
        System.arraycopy(more, 0, all, first.length, more.length);
        return all;
    }

    static Object[] audited(int user, LocalDateTime created, LocalDateTime written, Object... values) {
        Object[] all = Arrays.copyOf(values, values.length + 4);
        all[values.length] = user;
        all[values.length + 1] = created;
        all[values.length + 2] = user;
        all[values.length + 3] = written.isAfter(SampleModel.SNAPSHOT) ? SampleModel.SNAPSHOT : written;
        return all;
    }

    Map<String, TableRows> tables() {
        Map<String, TableRows> tables = new LinkedHashMap<>();
        tables.put("res_partner", this::partners);
        tables.put("res_users", this::users);
        tables.put("res_partner_category", this::partnerCategories);
        tables.put("res_partner_res_partner_category_rel", this::partnerCategoryLinks);
        tables.put("product_category", this::productCategories);
        tables.put("product_template", this::productTemplates);
        tables.put("product_product", this::productVariants);
        tables.put("stock_production_lot", this::lots);
        tables.put("stock_quant", this::quants);
        tables.put("sale_order", this::saleOrders);
        tables.put("sale_order_line", this::saleOrderLines);
        tables.put("sale_order_line_invoice_rel", this::saleLineInvoiceLinks);
        tables.put("sale_order_transaction_rel", this::saleTransactionLinks);
        tables.put("purchase_order", this::purchaseOrders);
        tables.put("purchase_order_line", this::purchaseOrderLines);
        tables.put("account_move_purchase_order_rel", this::purchaseBillLinks);
        tables.put("stock_picking", this::pickings);
        tables.put("stock_move", this::moves);
        tables.put("stock_move_line", this::moveLines);
        tables.put("account_move", this::invoices);
        tables.put("account_move_line", this::invoiceLines);
        tables.put("account_move_line_account_tax_rel", this::invoiceLineTaxes);
        tables.put("payment_token", this::paymentTokens);
        tables.put("payment_transaction", this::paymentTransactions);
        tables.put("mail_message", this::messages);
        return tables;
    }

    // ------------------------------------------------------------------ partners and users

    private void partners(DumpWriter.TableData data) throws IOException {
        boolean loyalty = model.custom != null;
        String[] columns = {"id", "name", "display_name", "parent_id", "ref", "lang", "tz",
            "vat", "website", "comment", "active", "employee", "function", "type", "street", "zip", "city",
            "country_id", "email", "phone", "mobile", "is_company", "color", "partner_share",
            "commercial_partner_id", "commercial_company_name", "company_id", "email_normalized",
            "message_bounce", "customer_rank", "supplier_rank"};
        if (loyalty) {
            columns = with(columns, "x_loyalty_tier", "x_loyalty_points");
        }
        RowWriter rows = data.columns(audited(columns));
        // without the mobile (18.0 on), a partner who had only a mobile has it as phone
        boolean mobile = data.hasColumn("mobile");
        for (int index = 0; index < model.partners; index++) {
            Partner p = model.partner(index);
            boolean employee = index < model.users;
            Object[] values = {p.id(), p.name(), p.displayName(), p.parentId(), p.ref(), p.lang(), "Europe/Brussels",
                p.vat(), p.website(), comment(index), employee || index % 97 != 0, employee, p.function(), p.type(),
                p.street(), p.zip(), p.city(), p.country().id(), p.email(),
                mobile || p.phone() != null ? p.phone() : p.mobile(), p.mobile(), p.isCompany(), index % 12,
                !employee, p.commercialId(), p.commercialName(), null,
                p.email() == null ? null : p.email().toLowerCase(Locale.ROOT), 0, p.customerRank(),
                p.supplierRank()};
            if (loyalty) {
                values = with(values, CustomModule.tier(index), CustomModule.points(index));
            }
            rows.write(audited(model.ref("base.user_admin"), p.created(), p.created().plusDays(index % 90),
                    values));
        }
    }

    /** Internal notes, some with the characters a COPY block must escape. */
    private static String comment(int index) {
        return switch (index % 40) {
            case 3 -> "<p>Deliveries before 10:00 only.\nGate code: 4411</p>";
            case 11 -> "<p>Contracts in \\\\fileserver\\sales\\contracts</p>";
            case 19 -> "<p>Account number:\tBE71 0961 2345 6769</p>";
            case 27 -> "<p>Prefers phone calls; never e-mail invoices.</p>";
            default -> null;
        };
    }

    private void users(DumpWriter.TableData data) throws IOException {
        RowWriter rows = data.columns(audited("id", "active", "login", "password", "company_id", "partner_id",
                "signature", "share", "notification_type", "totp_secret", "karma"));
        for (int user = 0; user < model.users; user++) {
            Partner p = model.partner(user);
            Rng rng = Rng.of(model.seed, SampleModel.PARTNER, -1 - user);
            rows.write(audited(model.ref("base.user_admin"), p.created(), p.created().plusDays(30),
                    model.userId(user), user % 15 != 14, p.email(), passwordHash(rng), 1, p.id(),
                    "<p>--<br/>" + p.name() + "<br/>" + (p.function() == null ? "" : p.function()) + "</p>", false,
                    user % 3 == 0 ? "inbox" : "email", user % 4 == 0 ? rng.alphanumeric(32).toUpperCase() : null,
                    rng.below(300)));
        }
    }

    static String passwordHash(Rng rng) {
        return "$pbkdf2-sha512$25000$" + rng.alphanumeric(22) + "$" + rng.alphanumeric(86);
    }

    private void partnerCategories(DumpWriter.TableData data) throws IOException {
        RowWriter rows = data.columns(audited("id", "name", "color", "parent_id", "active", "parent_path"));
        for (int i = 0; i < Words.PARTNER_CATEGORIES.length; i++) {
            rows.write(audited(model.ref("base.user_admin"), SampleModel.SNAPSHOT.minusYears(3),
                    SampleModel.SNAPSHOT.minusYears(3), i + 1, Words.PARTNER_CATEGORIES[i], i % 11, null, true,
                    (i + 1) + "/"));
        }
    }

    /** Vendors carry the first category; one company in three carries another one. */
    private void partnerCategoryLinks(DumpWriter.TableData data) throws IOException {
        RowWriter rows = data.columns("category_id", "partner_id");
        for (int position = 0; model.users + position < model.partners; position += 5) {
            int block = position / 5;
            int partnerId = model.partnerId(model.users + position);
            if (SampleModel.isVendorBlock(block)) {
                rows.write(1, partnerId);
            }
            if (block % 3 == 0) {
                rows.write(2 + block / 3 % (Words.PARTNER_CATEGORIES.length - 1), partnerId);
            }
        }
    }

    // ------------------------------------------------------------------ products and stock

    private static final String[] CATEGORY_NAMES = {"Office Furniture", "Seating", "Storage", "Lighting",
        "Accessories", "Electronics", "Outdoor", "Meeting Rooms", "Kitchen", "Reception", "Acoustics",
        "Cabling", "Whiteboards", "Lockers", "Sofas", "Desks", "Shelving", "Spare Parts", "Services", "Clearance"};

    private void productCategories(DumpWriter.TableData data) throws IOException {
        RowWriter rows = data.columns(audited("id", "name", "complete_name", "parent_id", "parent_path"));
        int saleable = model.ref("product.product_category_1");
        for (int i = 0; i < SampleModel.PRODUCT_CATEGORIES; i++) {
            int id = model.firstCategoryId + i;
            rows.write(audited(model.ref("base.user_admin"), SampleModel.SNAPSHOT.minusYears(3),
                    SampleModel.SNAPSHOT.minusYears(2), id, CATEGORY_NAMES[i], "All / Saleable / "
                            + CATEGORY_NAMES[i], saleable, "1/" + saleable + "/" + id + "/"));
        }
    }

    private void productTemplates(DumpWriter.TableData data) throws IOException {
        RowWriter rows = data.columns(audited("id", "name", "sequence", "description_sale", "type", "categ_id",
                "list_price", "volume", "weight", "sale_ok", "purchase_ok", "uom_id", "uom_po_id", "active",
                "color", "default_code", "can_image_1024_be_zoomed", "tracking", "sale_delay", "invoice_policy",
                "purchase_method"));
        for (int index = 0; index < model.products; index++) {
            Product p = model.product(index);
            LocalDateTime created = SampleModel.SNAPSHOT.minusDays(1_200 - index % 1_100);
            rows.write(audited(model.ref("base.user_admin"), created, created.plusDays(index % 200),
                    p.templateId(), productName(p), 1, p.descriptionSale(), p.type(), p.categoryId(), money(p.listPrice()),
                    p.volume(), p.weight(), true, p.stored(), p.uomId(), p.uomId(), index % 50 != 49, 0,
                    p.defaultCode(), false, p.tracking(), (double) (index % 7), p.stored() ? "delivery" : "order",
                    p.stored() ? "receive" : "purchase"));
        }
    }

    /** The English name and its translations: into ir_translation until 15.0, into the jsonb name from 16.0. */
    private static Translated productName(Product p) {
        Map<String, String> translations = new LinkedHashMap<>();
        for (int lang = 0; lang < Words.TRANSLATED_LANGS.length; lang++) {
            translations.put(Words.TRANSLATED_LANGS[lang], p.names()[1 + lang]);
        }
        return new Translated(p.name(), translations);
    }

    private void productVariants(DumpWriter.TableData data) throws IOException {
        RowWriter rows = data.columns(audited("id", "default_code", "active", "product_tmpl_id", "barcode",
                "combination_indices", "volume", "weight", "can_image_variant_1024_be_zoomed"));
        for (int index = 0; index < model.products; index++) {
            Product p = model.product(index);
            LocalDateTime created = SampleModel.SNAPSHOT.minusDays(1_200 - index % 1_100);
            rows.write(audited(model.ref("base.user_admin"), created, created.plusDays(index % 200), p.productId(),
                    p.defaultCode(), index % 50 != 49, p.templateId(), p.barcode(), "", p.volume(), p.weight(),
                    false));
        }
    }

    private void lots(DumpWriter.TableData data) throws IOException {
        RowWriter rows = data.columns(audited("id", "name", "ref", "product_id", "company_id", "note"));
        for (int index = 0; index < model.products; index += 10) {
            Product p = model.product(index);
            for (int lot = 0; lot < SampleModel.LOTS_PER_TRACKED_PRODUCT; lot++) {
                LocalDateTime created = SampleModel.SNAPSHOT.minusDays(700 - 200L * lot);
                rows.write(audited(model.ref("base.user_admin"), created, created, model.lotId(index, lot),
                        "LOT-" + SampleModel.padded(index + 1, 5) + "-" + (lot + 1), null, p.productId(), 1, null));
            }
        }
    }

    private void quants(DumpWriter.TableData data) throws IOException {
        RowWriter rows = data.columns(audited("id", "product_id", "company_id", "location_id", "lot_id",
                "quantity", "reserved_quantity", "in_date", "inventory_quantity"));
        int stock = model.ref("stock.stock_location_stock");
        int id = 1;
        for (int index = 0; index < model.products; index++) {
            Product p = model.product(index);
            if (!p.type().equals("product")) {
                continue;
            }
            int lots = p.tracking().equals("lot") ? SampleModel.LOTS_PER_TRACKED_PRODUCT : 1;
            for (int lot = 0; lot < lots; lot++) {
                int quantity = (index * 7 + lot * 13) % 240;
                LocalDateTime inDate = SampleModel.SNAPSHOT.minusDays(10 + (index + lot) % 300);
                rows.write(audited(model.ref("base.user_admin"), inDate, inDate, id++, p.productId(), 1, stock,
                        lots > 1 ? model.lotId(index, lot) : null, quantity, 0, inDate, null));
            }
        }
    }

    // ------------------------------------------------------------------ sales

    private void saleOrders(DumpWriter.TableData data) throws IOException {
        RowWriter rows = data.columns(audited("id", "access_token", "name", "client_order_ref", "state",
                "date_order", "validity_date", "require_signature", "require_payment", "user_id", "partner_id",
                "partner_invoice_id", "partner_shipping_id", "pricelist_id", "currency_id", "invoice_status", "note",
                "amount_untaxed", "amount_tax", "amount_total", "currency_rate", "company_id", "signed_by",
                "signed_on"));
        int pricelist = model.ref("product.list0");
        model.walkOrders(o -> {
            if (!o.sale) {
                return;
            }
            boolean signed = o.confirmed() && o.index % 3 == 0;
            rows.write(audited(o.userId, o.date, o.date.plusHours(30), o.id, token(o), o.name,
                    o.index % 4 == 0 ? "PO-" + (4_000 + o.index) : null, o.state, o.date,
                    o.date.toLocalDate().plusDays(30), true, false, o.userId, o.partner.id(), o.partner.id(),
                    o.partner.id(), pricelist, 1, invoiceStatus(o), "Payment terms: 30 days.", money(o.untaxed),
                    money(o.tax), money(o.total()), 1, 1, signed ? o.partner.name() : null,
                    signed ? o.date.plusHours(20) : null));
        });
    }

    private String token(Order order) {
        return Rng.of(model.seed, order.sale ? SampleModel.SALE : SampleModel.PURCHASE, -1 - order.index).uuid();
    }

    private static String invoiceStatus(Order order) {
        if (!order.confirmed()) {
            return "no";
        }
        return order.invoiceId > 0 ? "invoiced" : "to invoice";
    }

    private void saleOrderLines(DumpWriter.TableData data) throws IOException {
        RowWriter rows = data.columns(audited("id", "order_id", "name", "sequence", "invoice_status",
                "price_unit", "price_subtotal", "price_tax", "price_total", "price_reduce", "price_reduce_taxinc",
                "price_reduce_taxexcl", "discount", "product_id", "product_uom_qty", "product_uom",
                "qty_delivered_method", "qty_delivered", "qty_delivered_manual", "qty_to_invoice", "qty_invoiced",
                "untaxed_amount_invoiced", "untaxed_amount_to_invoice", "salesman_id", "currency_id", "company_id",
                "order_partner_id", "is_expense", "is_downpayment", "state", "customer_lead", "is_delivery"));
        model.walkOrders(o -> {
            if (!o.sale) {
                return;
            }
            for (Line l : o.lines) {
                Product p = l.product;
                boolean delivered = !p.stored() ? o.confirmed() : o.pickingDone;
                int qtyDelivered = delivered ? l.quantity : 0;
                int qtyInvoiced = o.invoiceId > 0 ? l.quantity : 0;
                long reduced = Math.round(l.priceUnit * (100 - l.discount) / 100.0);
                rows.write(audited(o.userId, o.date, o.date.plusHours(30), l.id, o.id, lineName(p), l.sequence,
                        invoiceStatus(o), money(l.priceUnit), money(l.subtotal), l.tax / 100.0,
                        money(l.subtotal + l.tax), money(reduced), money(reduced + reduced * 15 / 100),
                        money(reduced), l.discount, p.productId(), l.quantity, p.uomId(),
                        p.stored() ? "stock_move" : "manual", qtyDelivered, p.stored() ? 0 : qtyDelivered,
                        o.confirmed() ? l.quantity - qtyInvoiced : 0, qtyInvoiced,
                        money(qtyInvoiced > 0 ? l.subtotal : 0), money(o.confirmed() && qtyInvoiced == 0
                                ? l.subtotal : 0), o.userId, 1, 1, o.partner.id(), false, false, o.state,
                        (double) (p.index() % 7), false));
            }
        });
    }

    private static String lineName(Product product) {
        String name = "[" + product.defaultCode() + "] " + product.name();
        return product.descriptionSale() == null ? name : name + "\n" + product.descriptionSale();
    }

    private void saleLineInvoiceLinks(DumpWriter.TableData data) throws IOException {
        RowWriter rows = data.columns("invoice_line_id", "order_line_id");
        model.walkOrders(o -> {
            if (o.sale && o.invoiceId > 0) {
                for (Line l : o.lines) {
                    rows.write(l.invoiceLineId, l.id);
                }
            }
        });
    }

    private void saleTransactionLinks(DumpWriter.TableData data) throws IOException {
        RowWriter rows = data.columns("sale_order_id", "transaction_id");
        model.walkOrders(o -> {
            if (o.transactionId > 0) {
                rows.write(o.id, o.transactionId);
            }
        });
    }

    // ------------------------------------------------------------------ purchases

    private void purchaseOrders(DumpWriter.TableData data) throws IOException {
        RowWriter rows = data.columns(audited("id", "name", "partner_ref", "date_order", "date_approve",
                "partner_id", "currency_id", "state", "notes", "invoice_count", "invoice_status", "date_planned",
                "amount_untaxed", "amount_tax", "amount_total", "user_id", "company_id", "currency_rate",
                "mail_reminder_confirmed", "mail_reception_confirmed", "access_token"));
        model.walkOrders(o -> {
            if (o.sale) {
                return;
            }
            rows.write(audited(o.userId, o.date, o.date.plusHours(50), o.id, o.name,
                    o.index % 3 == 0 ? "SO" + (70_000 + o.index) : null, o.date,
                    o.confirmed() ? o.date.plusHours(4) : null, o.partner.id(), 1, o.state, null,
                    o.invoiceId > 0 ? 1 : 0, o.confirmed() ? (o.invoiceId > 0 ? "invoiced" : "to invoice") : "no",
                    o.date.plusDays(7), money(o.untaxed), money(o.tax), money(o.total()), o.userId, 1, 1, false,
                    false, token(o)));
        });
    }

    private void purchaseOrderLines(DumpWriter.TableData data) throws IOException {
        RowWriter rows = data.columns(audited("id", "name", "sequence", "product_qty", "product_uom_qty",
                "date_planned", "product_uom", "product_id", "price_unit", "price_subtotal", "price_total",
                "price_tax", "order_id", "company_id", "state", "qty_invoiced", "qty_received_method",
                "qty_received", "qty_received_manual", "qty_to_invoice", "partner_id", "currency_id"));
        model.walkOrders(o -> {
            if (o.sale) {
                return;
            }
            for (Line l : o.lines) {
                int received = o.pickingDone ? l.quantity : 0;
                int invoiced = o.invoiceId > 0 ? l.quantity : 0;
                rows.write(audited(o.userId, o.date, o.date.plusHours(50), l.id, lineName(l.product), l.sequence,
                        l.quantity, l.quantity, o.date.plusDays(7), l.product.uomId(), l.product.productId(),
                        money(l.priceUnit), money(l.subtotal), money(l.subtotal + l.tax), l.tax / 100.0, o.id, 1,
                        o.state, invoiced, "stock_moves", received, 0, received - invoiced, o.partner.id(), 1));
            }
        });
    }

    private void purchaseBillLinks(DumpWriter.TableData data) throws IOException {
        RowWriter rows = data.columns("purchase_order_id", "account_move_id");
        model.walkOrders(o -> {
            if (!o.sale && o.invoiceId > 0) {
                rows.write(o.id, o.invoiceId);
            }
        });
    }

    // ------------------------------------------------------------------ pickings

    private record Route(int pickingType, int source, int destination) {
    }

    private Route route(Order o) {
        return o.sale
                ? new Route(model.ref("stock.picking_type_out"), model.ref("stock.stock_location_stock"),
                        model.ref("stock.stock_location_customers"))
                : new Route(model.ref("stock.picking_type_in"), model.ref("stock.stock_location_suppliers"),
                        model.ref("stock.stock_location_stock"));
    }

    private void pickings(DumpWriter.TableData data) throws IOException {
        RowWriter rows = data.columns(audited("id", "name", "origin", "move_type", "state", "priority",
                "scheduled_date", "date", "date_done", "location_id", "location_dest_id", "picking_type_id",
                "partner_id", "company_id", "user_id", "printed", "is_locked", "immediate_transfer"));
        model.walkOrders(o -> {
            if (o.pickingId == 0) {
                return;
            }
            Route route = route(o);
            rows.write(audited(o.userId, o.date, o.date.plusDays(3), o.pickingId, o.pickingName, o.name, "direct",
                    o.pickingDone ? "done" : "assigned", "0", o.date.plusDays(2), o.date,
                    o.pickingDone ? o.date.plusDays(3) : null, route.source(), route.destination(),
                    route.pickingType(), o.partner.id(), 1, o.userId, o.pickingDone, true, false));
        });
    }

    private void moves(DumpWriter.TableData data) throws IOException {
        RowWriter rows = data.columns(audited("id", "name", "sequence", "priority", "date", "company_id",
                "product_id", "product_qty", "product_uom_qty", "product_uom", "location_id", "location_dest_id",
                "partner_id", "picking_id", "state", "price_unit", "origin", "procure_method", "scrapped",
                "picking_type_id", "reference", "additional", "is_inventory"));
        model.walkOrders(o -> {
            if (o.pickingId == 0) {
                return;
            }
            Route route = route(o);
            for (Line l : o.lines) {
                if (l.moveId == 0) {
                    continue;
                }
                rows.write(audited(o.userId, o.date, o.date.plusDays(3), l.moveId, l.product.name(), l.sequence,
                        "0", o.pickingDone ? o.date.plusDays(3) : o.date.plusDays(2), 1, l.product.productId(),
                        l.quantity, l.quantity, l.product.uomId(), route.source(), route.destination(),
                        o.partner.id(), o.pickingId, o.pickingDone ? "done" : "assigned",
                        l.product.cost() / 100.0, o.name, "make_to_stock", false, route.pickingType(),
                        o.pickingName, false, false));
            }
        });
    }

    /** One move line per move, holding the done quantity and the lot of tracked products. */
    private void moveLines(DumpWriter.TableData data) throws IOException {
        RowWriter rows = data.columns(audited("id", "picking_id", "move_id", "company_id", "product_id",
                "product_uom_id", "product_qty", "product_uom_qty", "qty_done", "lot_id", "date", "location_id",
                "location_dest_id", "state", "reference"));
        // from 17.0 one quantity: the done one on done lines, the reserved one on the others
        boolean oneQuantity = !data.hasColumn("product_uom_qty");
        model.walkOrders(o -> {
            if (o.pickingId == 0) {
                return;
            }
            Route route = route(o);
            for (Line l : o.lines) {
                if (l.moveId == 0) {
                    continue;
                }
                rows.write(audited(o.userId, o.date, o.date.plusDays(3), l.moveId, o.pickingId, l.moveId, 1,
                        l.product.productId(), l.product.uomId(), o.pickingDone ? 0 : l.quantity,
                        o.pickingDone ? 0 : l.quantity, o.pickingDone || oneQuantity ? l.quantity : 0,
                        l.lotId == 0 ? null : l.lotId, o.pickingDone ? o.date.plusDays(3) : o.date.plusDays(2),
                        route.source(), route.destination(), o.pickingDone ? "done" : "assigned", o.pickingName));
            }
        });
    }

    // ------------------------------------------------------------------ invoices

    private void invoices(DumpWriter.TableData data) throws IOException {
        RowWriter rows = data.columns(audited("id", "name", "date", "ref", "narration", "state", "posted_before",
                "move_type", "journal_id", "company_id", "currency_id", "partner_id", "commercial_partner_id",
                "amount_untaxed", "amount_tax", "amount_total", "amount_residual", "amount_untaxed_signed",
                "amount_tax_signed", "amount_total_signed", "amount_residual_signed", "payment_state",
                "invoice_user_id", "invoice_date", "invoice_date_due", "invoice_origin", "payment_reference",
                "sequence_prefix", "sequence_number", "access_token"));
        int salesJournal = model.ref("account.1_sale");
        int purchaseJournal = model.ref("account.1_purchase");
        model.walkOrders(o -> {
            if (o.invoiceId == 0) {
                return;
            }
            long sign = o.sale ? 1 : -1;
            long residual = o.invoicePaid ? 0 : o.total();
            LocalDateTime created = o.invoiceDate.atTime(o.date.toLocalTime());
            rows.write(audited(o.userId, created, created.plusDays(o.invoicePaid ? 20 : 1), o.invoiceId,
                    o.invoiceName, o.invoiceDate, o.sale ? null : "BILL-" + o.partner.ref() + "-" + o.index,
                    o.sale ? "<p>Thank you for your business.</p>" : null, o.invoicePosted ? "posted" : "draft",
                    o.invoicePosted, o.sale ? "out_invoice" : "in_invoice", o.sale ? salesJournal : purchaseJournal,
                    1, 1, o.partner.id(), o.partner.commercialId(), money(o.untaxed), money(o.tax),
                    money(o.total()), money(residual), money(sign * o.untaxed), money(sign * o.tax),
                    money(sign * o.total()), money(sign * residual), o.invoicePaid ? "paid" : "not_paid", o.userId,
                    o.invoiceDate, o.invoiceDate.plusDays(30), o.name, o.sale ? o.invoiceName : null,
                    o.invoicePrefix, o.invoicePosted ? o.invoiceSequence : null,
                    o.sale ? token(o) : null));
        });
    }

    /** Product lines, then the tax line and the receivable (or payable) line that balance them. */
    private void invoiceLines(DumpWriter.TableData data) throws IOException {
        RowWriter rows = data.columns(audited("id", "move_id", "move_name", "date", "ref", "parent_state",
                "journal_id", "company_id", "company_currency_id", "account_id", "account_internal_type",
                "sequence", "name", "quantity", "price_unit", "discount", "debit", "credit", "balance",
                "amount_currency", "price_subtotal", "price_total", "reconciled", "blocked", "date_maturity",
                "currency_id", "partner_id", "product_uom_id", "product_id", "tax_line_id", "tax_base_amount",
                "exclude_from_invoice_tab", "amount_residual", "amount_residual_currency"));
        int salesJournal = model.ref("account.1_sale");
        int purchaseJournal = model.ref("account.1_purchase");
        int income = model.ref("account.1_account_400000");
        int expense = model.ref("account.1_account_600000");
        int taxReceived = model.ref("account.1_account_251000");
        int taxPaid = model.ref("account.1_account_131000");
        int receivable = model.ref("account.1_account_121000");
        int payable = model.ref("account.1_account_211000");
        int saleTax = model.ref("account.1_tax_sale_15");
        int purchaseTax = model.ref("account.1_tax_purchase_15");
        model.walkOrders(o -> {
            if (o.invoiceId == 0) {
                return;
            }
            // sales credit income and tax and debit the customer; purchases do the opposite
            long sign = o.sale ? -1 : 1;
            int journal = o.sale ? salesJournal : purchaseJournal;
            String parentState = o.invoicePosted ? "posted" : "draft";
            LocalDate date = o.invoiceDate;
            LocalDateTime created = date.atTime(o.date.toLocalTime());
            int partner = o.partner.commercialId();
            for (Line l : o.lines) {
                long balance = sign * l.subtotal;
                rows.write(audited(o.userId, created, created, l.invoiceLineId, o.invoiceId, o.invoiceName, date,
                        null, parentState, journal, 1, 1, o.sale ? income : expense, "other", l.sequence,
                        lineName(l.product), l.quantity, money(l.priceUnit), l.discount, debit(balance),
                        credit(balance), money(balance), money(balance), money(l.subtotal),
                        money(l.subtotal + l.tax), false, false, null, 1, partner, l.product.uomId(),
                        l.product.productId(), null, money(0), false, money(0), money(0)));
            }
            long taxBalance = sign * o.tax;
            rows.write(audited(o.userId, created, created, o.taxLineId, o.invoiceId, o.invoiceName, date, null,
                    parentState, journal, 1, 1, o.sale ? taxReceived : taxPaid, "other", 1000, "Tax 15.00%", 1,
                    money(o.tax), 0, debit(taxBalance), credit(taxBalance), money(taxBalance), money(taxBalance),
                    money(o.tax), money(o.tax), false, false, null, 1, partner, null, null,
                    o.sale ? saleTax : purchaseTax, money(o.untaxed), true, money(0), money(0)));
            long totalBalance = -sign * o.total();
            long residual = o.invoicePaid ? 0 : totalBalance;
            rows.write(audited(o.userId, created, created, o.counterpartLineId, o.invoiceId, o.invoiceName, date,
                    null, parentState, journal, 1, 1, o.sale ? receivable : payable,
                    o.sale ? "receivable" : "payable", 1001, o.sale ? o.invoiceName : "", 1, money(-totalBalance),
                    0, debit(totalBalance), credit(totalBalance), money(totalBalance), money(totalBalance),
                    money(-totalBalance), money(-totalBalance), o.invoicePaid, false, date.plusDays(30), 1, partner,
                    null, null, null, money(0), true, money(residual), money(residual)));
        });
    }

    private static Object debit(long balance) {
        return money(Math.max(balance, 0));
    }

    private static Object credit(long balance) {
        return money(Math.max(-balance, 0));
    }

    private void invoiceLineTaxes(DumpWriter.TableData data) throws IOException {
        RowWriter rows = data.columns("account_move_line_id", "account_tax_id");
        int saleTax = model.ref("account.1_tax_sale_15");
        int purchaseTax = model.ref("account.1_tax_purchase_15");
        model.walkOrders(o -> {
            if (o.invoiceId > 0) {
                for (Line l : o.lines) {
                    rows.write(l.invoiceLineId, o.sale ? saleTax : purchaseTax);
                }
            }
        });
    }

    // ------------------------------------------------------------------ payments and chatter

    private void paymentTokens(DumpWriter.TableData data) throws IOException {
        RowWriter rows = data.columns(audited("id", "name", "partner_id", "acquirer_id", "company_id",
                "acquirer_ref", "active", "verified"));
        int stripe = model.ref("payment.payment_acquirer_stripe");
        for (int token = 0; token < model.paymentTokens; token++) {
            Rng rng = Rng.of(model.seed, SampleModel.TOKEN, token);
            Partner p = model.partner(model.customerIndex(rng));
            LocalDateTime created = SampleModel.SNAPSHOT.minusDays(rng.below(600));
            rows.write(audited(model.ref("base.public_user"), created, created, token + 1,
                    "XXXXXXXXXXXX" + rng.digits(4), p.commercialId(), stripe, 1,
                    "cus_" + rng.alphanumeric(14) + "|pm_" + rng.alphanumeric(24), true, true));
        }
    }

    private void paymentTransactions(DumpWriter.TableData data) throws IOException {
        RowWriter rows = data.columns(audited("id", "date", "acquirer_id", "type", "state", "amount", "fees",
                "currency_id", "reference", "acquirer_reference", "partner_country_id", "partner_id",
                "partner_name", "partner_lang", "partner_email", "partner_zip", "partner_city", "partner_phone",
                "is_processed", "return_url"));
        int stripe = model.ref("payment.payment_acquirer_stripe");
        // 15.0 names the kind of operation instead of the flow: a redirection form is an online redirection
        String operation = model.shape.atLeast("15.0") ? "online_redirect" : "form";
        model.walkOrders(o -> {
            if (o.transactionId == 0) {
                return;
            }
            Partner p = o.partner;
            LocalDateTime paid = o.date.plusHours(1);
            rows.write(audited(model.ref("base.public_user"), paid, paid.plusMinutes(2), o.transactionId, paid,
                    stripe, operation, "done", money(o.total()), money(0), 1, o.name + "-1",
                    "pi_" + token(o).replace("-", "").substring(0, 24), p.country().id(), p.id(), p.name(), p.lang(),
                    p.email(), p.zip(), p.city(), p.phone() != null ? p.phone() : p.mobile(), true,
                    "/shop/payment/validate"));
        });
    }

    /** One chatter message per order and one per invoice. */
    private void messages(DumpWriter.TableData data) throws IOException {
        RowWriter rows = data.columns(audited("id", "subject", "date", "body", "model", "res_id", "record_name",
                "message_type", "email_from", "author_id", "message_id", "is_internal"));
        int[] id = {1};
        model.walkOrders(o -> {
            Partner author = model.employeeOf(o.userId);
            String model14 = o.sale ? "sale.order" : "purchase.order";
            String body = o.confirmed()
                    ? "<p>" + (o.sale ? "Sales Order" : "Purchase Order") + " confirmed for " + o.partner.name()
                            + ".</p>"
                    : "<p>" + (o.sale ? "Quotation" : "Request for Quotation") + " created</p>";
            message(rows, id[0]++, o.date, body, model14, o.id, o.name, "notification", author, o.userId);
            if (o.invoiceId > 0) {
                message(rows, id[0]++, o.invoiceDate.atTime(o.date.toLocalTime()), "<p>Invoice validated</p>",
                        "account.move", o.invoiceId, o.invoiceName, "notification", author, o.userId);
            }
        });
    }

    private void message(RowWriter rows, int id, LocalDateTime date, String body, String resModel, int resId,
            String recordName, String type, Partner author, int user) throws IOException {
        rows.write(audited(user, date, date, id, null, date, body, resModel, resId, recordName, type,
                "\"" + author.name() + "\" <" + author.email() + ">", author.id(),
                "<" + id + "." + date.toLocalDate() + "-" + resModel.replace('.', '_') + "-" + resId
                        + "@mycompany.example>", false));
    }
}
