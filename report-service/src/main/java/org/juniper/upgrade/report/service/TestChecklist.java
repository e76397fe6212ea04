package org.juniper.upgrade.report.service;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.juniper.upgrade.report.model.ChecklistSection;

/**
 * What to test before going live, from the seed's basic checklist, kept to the apps the database has: a check
 * appears when every module it needs is installed after the upgrade and none it gives way to.
 */
public final class TestChecklist {

    private record Check(String text, Set<String> needs, Set<String> givesWayTo) {
        boolean appliesTo(Set<String> installed) {
            return installed.containsAll(needs) && givesWayTo.stream().noneMatch(installed::contains);
        }

        Check unless(String... modules) {
            return new Check(text, needs, Set.of(modules));
        }
    }

    private static Check check(String text, String... needs) {
        return new Check(text, Set.of(needs), Set.of());
    }

    private static final List<Check> EVERYWHERE = List.of(
            check("Open the list, form, kanban and calendar views of the menus your people use every day; look for "
                    + "errors, missing fields and fields in odd places."),
            check("Print the reports you send out and compare them with the old version: layout, logo, totals."),
            check("Create, edit, duplicate and archive a record in each app you use."),
            check("Send a message from a record with each mail template you use and read the result (a test copy "
                    + "delivers no mail: it goes to a server that does not exist).", "mail"),
            check("Switch your user to each language you use; check menus, labels and the terms you translated."),
            check("Run your saved search filters and favorites, and group by the fields you use."),
            check("Export the lists you export regularly, with your saved export templates."));

    private static final List<Check> WALK = List.of(
            check("Create a product with its price, unit of measure and, if you use them, variants.", "product"),
            check("Buy it: create a purchase order for a vendor and confirm it.", "purchase"),
            check("Receive it: validate the reception of the purchase order and check the stock on hand.",
                    "purchase", "stock"),
            check("Record the vendor bill of the purchase order and post it.", "purchase", "account"),
            check("Sell it: create a quotation, send it to a customer and confirm the sales order.", "sale"),
            check("Ship it: validate the delivery of the sales order; with a carrier, check the shipping price.",
                    "sale", "stock"),
            check("Invoice it: create the customer invoice from the sales order, post it and register a payment.",
                    "sale", "account"),
            // without sales, the invoice of the walk is made by hand
            check("Create, post and pay a customer invoice.", "account").unless("sale"),
            check("Issue a credit note for the invoice and reconcile it.", "account"));

    private static final List<Check> WEBSITE = List.of(
            check("Browse the website as a visitor: home page, your own pages, the contact form.", "website"),
            check("Place an order in the web shop as a visitor, pay it with the test provider, and find the order in "
                    + "Sales.", "website", "sale"));

    private TestChecklist() {
    }

    /**
     * The checklist for a database with {@code installed} modules after the upgrade.
     *
     * @param custom the customer's own modules, each to be checked by name
     * @param disabledViews views the upgrade disabled because they no longer fit the new version
     */
    public static List<ChecklistSection> of(Set<String> installed, List<String> custom, long disabledViews) {
        List<String> everywhere = new ArrayList<>(applying(EVERYWHERE, installed));
        custom.forEach(module -> everywhere.add("Check what your module " + module + " adds: its menus, views, "
                + "fields, reports and automated actions."));
        if (disabledViews > 0) {
            everywhere.add("Look at the screens of the " + (disabledViews == 1 ? "view" : disabledViews + " views")
                    + " the upgrade disabled (listed below): decide what to re-create in the new version.");
        }
        List<ChecklistSection> sections = new ArrayList<>();
        sections.add(new ChecklistSection("In every app", false, List.copyOf(everywhere)));
        List<String> walk = applying(WALK, installed);
        if (!walk.isEmpty()) {
            sections.add(new ChecklistSection("One record through the whole flow", true, walk));
        }
        List<String> website = applying(WEBSITE, installed);
        if (!website.isEmpty()) {
            sections.add(new ChecklistSection("Website", false, website));
        }
        return List.copyOf(sections);
    }

    private static List<String> applying(List<Check> checks, Set<String> installed) {
        return checks.stream().filter(c -> c.appliesTo(installed)).map(Check::text).toList();
    }
}
