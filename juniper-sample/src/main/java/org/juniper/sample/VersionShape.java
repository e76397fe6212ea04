package org.juniper.sample;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The names a release gave to what the generator describes in 14.0 terms: tables, columns and xml ids renamed,
 * columns dropped. The generator writes every version from one description of the customer, so a sample of 17.0
 * holds the same partners, orders and invoices as the 14.0 one, under 17.0's names. The schema files stay the
 * truth: a column neither in the schema nor declared here as renamed or dropped still stops the generator.
 */
final class VersionShape {
    /** A rename ({@code to} set) or a drop ({@code to} null) from {@code since} on; {@code column} null for a table. */
    private record Change(String since, String table, String column, String to) {
    }

    private static final List<Change> CHANGES = List.of(
            new Change("15.0", "mail_channel", "moderation", null),
            new Change("15.0", "mail_message", "moderation_status", null),
            new Change("15.0", "payment_transaction", "date", "last_state_change"),
            new Change("15.0", "payment_transaction", "is_processed", "is_post_processed"),
            new Change("15.0", "payment_transaction", "return_url", "landing_route"),
            new Change("15.0", "payment_transaction", "type", "operation"),
            new Change("16.0", "payment_acquirer", null, "payment_provider"),
            new Change("16.0", "payment_acquirer", "provider", "code"),
            new Change("16.0", "payment_token", "acquirer_id", "provider_id"),
            new Change("16.0", "payment_token", "acquirer_ref", "provider_ref"),
            new Change("16.0", "payment_transaction", "acquirer_id", "provider_id"),
            new Change("16.0", "payment_transaction", "acquirer_reference", "provider_reference"),
            new Change("16.0", "stock_production_lot", null, "stock_lot"),
            new Change("17.0", "mail_channel", null, "discuss_channel"),
            new Change("17.0", "stock_move_line", "qty_done", "quantity"),
            new Change("17.0", "stock_move_line", "product_qty", null),
            new Change("17.0", "stock_move_line", "product_uom_qty", null),
            new Change("18.0", "res_partner", "mobile", null));

    /** Xml id prefixes that follow renamed modules and models. */
    private static final List<Change> XML_IDS = List.of(
            new Change("15.0", null, "bank_sync.", "account_online_synchronization."),
            new Change("16.0", null, "payment.payment_acquirer_", "payment.payment_provider_"),
            new Change("17.0", null, "delivery.", "stock."));

    private final List<String> versions;
    private final String version;
    private final Map<String, String> tables = new HashMap<>();
    private final Map<String, Map<String, String>> columns = new HashMap<>();
    private final Map<String, Map<String, Boolean>> dropped = new HashMap<>();

    VersionShape(List<String> versions, String version) {
        if (!versions.contains(version)) {
            throw new IllegalArgumentException("the pack knows Juniper " + versions + ", not " + version);
        }
        this.versions = versions;
        this.version = version;
        for (Change change : CHANGES) {
            if (!atLeast(change.since())) {
                continue;
            }
            if (change.column() == null) {
                tables.put(change.table(), change.to());
            } else if (change.to() == null) {
                dropped.computeIfAbsent(change.table(), t -> new HashMap<>()).put(change.column(), true);
            } else {
                columns.computeIfAbsent(change.table(), t -> new HashMap<>()).put(change.column(), change.to());
            }
        }
    }

    String version() {
        return version;
    }

    boolean atLeast(String other) {
        return versions.indexOf(version) >= versions.indexOf(other);
    }

    /** The table's name at this version. */
    String table(String name) {
        return tables.getOrDefault(name, name);
    }

    /** The column's name at this version, or null when this version dropped it. */
    String column(String table, String column) {
        if (dropped.getOrDefault(table, Map.of()).containsKey(column)) {
            return null;
        }
        return columns.getOrDefault(table, Map.of()).getOrDefault(column, column);
    }

    String xmlId(String xmlId) {
        String name = xmlId;
        for (Change change : XML_IDS) {
            if (atLeast(change.since()) && name.startsWith(change.column())) {
                name = change.to() + name.substring(change.column().length());
            }
        }
        return name;
    }
}
