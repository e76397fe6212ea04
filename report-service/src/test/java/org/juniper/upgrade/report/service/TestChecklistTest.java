package org.juniper.upgrade.report.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.juniper.upgrade.report.model.ChecklistSection;
import org.junit.jupiter.api.Test;

class TestChecklistTest {
    private static final Set<String> TRADING = Set.of("base", "mail", "product", "account", "purchase", "stock",
            "sale", "payment", "delivery");

    @Test
    void everyDatabaseGetsTheBasicChecks() {
        List<ChecklistSection> checklist = TestChecklist.of(Set.of("base"), List.of(), 0);

        assertEquals(1, checklist.size());
        String all = String.join("\n", checklist.get(0).items());
        for (String topic : List.of("views", "reports", "record", "language", "search filters", "Export")) {
            assertTrue(all.contains(topic), topic);
        }
        assertFalse(all.contains("mail template"), "mail templates only with the mail module");
    }

    @Test
    void aTradingCompanyWalksOneProductFromPurchaseToCreditNote() {
        ChecklistSection walk = TestChecklist.of(TRADING, List.of(), 0).get(1);

        List<String> steps = List.of("Create a product", "Buy it", "Receive it", "Record the vendor bill", "Sell it",
                "Ship it", "Invoice it", "Issue a credit note");
        assertTrue(walk.walk());
        assertEquals(steps.size(), walk.items().size(), walk.items().toString());
        for (int i = 0; i < steps.size(); i++) {
            assertTrue(walk.items().get(i).startsWith(steps.get(i)), walk.items().get(i));
        }
    }

    @Test
    void withoutSalesTheInvoiceIsMadeByHandAndNothingIsShipped() {
        List<String> walk = TestChecklist.of(Set.of("base", "product", "account"), List.of(), 0).get(1).items();

        assertEquals(3, walk.size(), walk.toString());
        assertTrue(walk.get(1).startsWith("Create, post and pay a customer invoice"));
        assertTrue(walk.stream().noneMatch(i -> i.startsWith("Ship it") || i.startsWith("Receive it")));
    }

    @Test
    void webShopOrdersNeedTheWebsiteAndSales() {
        List<ChecklistSection> withShop = TestChecklist.of(
                Stream.concat(TRADING.stream(), Stream.of("website")).collect(Collectors.toSet()), List.of(), 0);
        List<ChecklistSection> siteOnly = TestChecklist.of(Set.of("base", "mail", "website"), List.of(), 0);

        assertTrue(withShop.get(2).items().stream().anyMatch(i -> i.contains("web shop")));
        assertEquals("Website", siteOnly.get(1).title());
        assertTrue(siteOnly.get(1).items().stream().noneMatch(i -> i.contains("web shop")));
    }

    @Test
    void viewsTheUpgradeDisabledAreToBeLookedAt() {
        List<String> everywhere = TestChecklist.of(Set.of("base"), List.of(), 3).get(0).items();

        assertTrue(everywhere.contains("Look at the screens of the 3 views the upgrade disabled (listed below): "
                + "decide what to re-create in the new version."), everywhere.toString());
    }

    @Test
    void eachCustomModuleGetsItsOwnCheck() {
        List<String> everywhere = TestChecklist.of(Set.of("base"), List.of("acme_margin", "acme_fleet"), 0).get(0)
                .items();

        assertTrue(everywhere.contains("Check what your module acme_margin adds: its menus, views, fields, reports "
                + "and automated actions."));
        assertTrue(everywhere.stream().anyMatch(i -> i.contains("acme_fleet")));
    }
}
