package org.juniper.erp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The pack that ships: its versions, modules, rules and scripts. */
class JuniperPackTest {
    private final JuniperPack pack = JuniperPack.load();

    @Test
    void declaresVersionsFourteenToEighteen() {
        assertEquals(List.of("14.0", "15.0", "16.0", "17.0", "18.0"), pack.supportedVersions());
    }

    @Test
    void hopsGoThroughEveryVersionAfterTheSource() {
        assertEquals(List.of("15.0", "16.0"), pack.hops("14.0", "16.0"));
        assertEquals(List.of("18.0"), pack.hops("17.0", "18.0"));
        assertEquals(List.of("15.0", "16.0", "17.0", "18.0"), pack.hops("14.0", "18.0"));
    }

    @Test
    void refusesDowngradesSameVersionAndUnknownVersions() {
        IllegalArgumentException downgrade = assertThrows(IllegalArgumentException.class,
                () -> pack.hops("16.0", "14.0"));
        assertTrue(downgrade.getMessage().contains("must be newer"), downgrade.getMessage());
        assertThrows(IllegalArgumentException.class, () -> pack.hops("15.0", "15.0"));
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class,
                () -> pack.hops("13.0", "15.0"));
        assertTrue(unknown.getMessage().contains("'13.0'") && unknown.getMessage().contains("14.0, 15.0"),
                unknown.getMessage());
    }

    @Test
    void modulesLoadInDependencyOrderWithBaseFirst() {
        List<String> modules = pack.modules("14.0");
        assertEquals(List.of("base", "mail", "contacts", "product", "website", "account", "stock", "bank_sync",
                "payment", "purchase", "sale", "delivery"), modules);
    }

    @Test
    void moduleVersionsCarryTheMajorVersionAndLeaveCustomModulesOut() {
        Map<String, String> versions = pack.moduleVersions("14.0", Set.of("sale", "base", "acme_custom"));
        assertEquals(Map.of("base", "14.0.1.3", "sale", "14.0.1.1"), versions);
        assertEquals(List.of("base", "sale"), List.copyOf(versions.keySet()));
        assertEquals("15.0.1.3", pack.moduleVersions("15.0", Set.of("base")).get("base"));
    }

    @Test
    void neutralizationCoversEveryAspectOfATestCopy() {
        List<NeutralizationRule> rules = pack.neutralizationRules("14.0", pack.modules("14.0"));
        Set<String> names = rules.stream().map(NeutralizationRule::rule).collect(Collectors.toSet());
        assertTrue(names.containsAll(Set.of("crons-off", "mail-servers-archived", "fake-mail-server",
                "mail-templates-detached", "incoming-mail-off", "payment-providers-test", "delivery-test-environment",
                "bank-sync-off", "webhooks-off", "api-keys-cleared", "website-indexing-blocked", "banner",
                "database-identity", "neutralized-flag")), names.toString());
        assertEquals("base", rules.get(0).module());
        for (NeutralizationRule rule : rules) {
            assertTrue(rule.sql().endsWith(";") && semicolonsOutsideStrings(rule.sql()) == 1,
                    rule.rule() + " must be exactly one statement: " + rule.sql());
        }
    }

    private static int semicolonsOutsideStrings(String sql) {
        int count = 0;
        boolean inString = false;
        for (char c : sql.toCharArray()) {
            if (c == '\'') {
                inString = !inString;
            } else if (c == ';' && !inString) {
                count++;
            }
        }
        return count;
    }

    @Test
    void neutralizationSkipsModulesThatAreNotInstalled() {
        List<NeutralizationRule> rules = pack.neutralizationRules("14.0", Set.of("base", "mail"));
        assertTrue(rules.stream().allMatch(r -> Set.of("base", "mail").contains(r.module())));
        assertFalse(rules.stream().anyMatch(r -> r.rule().equals("payment-providers-test")));
    }

    @Test
    void everyHopEndsByRecordingTheNewModuleVersions() {
        for (String version : List.of("15.0", "18.0")) {
            List<UpgradeScript> scripts = pack.upgradeScripts(version, pack.modules("14.0"));
            UpgradeScript last = scripts.get(scripts.size() - 1);
            assertEquals(new UpgradeScript(JuniperPack.EVERY_HOP, "base", Phase.END, "end-99-module-versions.sql",
                    last.sql()), last);
            assertTrue(last.sql().contains("current_setting('juniper.version')"));
        }
    }

    @Test
    void shipsFreshInstallSchemaForEveryModuleOfEveryVersion() {
        for (String version : pack.supportedVersions()) {
            for (String module : pack.modules(version)) {
                assertTrue(pack.schemaSql(version, module).isPresent(), version + " " + module);
            }
        }
        assertTrue(pack.schemaSql("14.0", "acme_custom").isEmpty());
    }

    @Test
    void bankSyncIsRenamedIn15AndDeliveryMergedIntoStockIn17() {
        assertEquals(List.of("base", "mail", "contacts", "product", "website", "account", "stock",
                "account_online_synchronization", "payment", "purchase", "sale"), pack.modules("17.0"));
        List<String> modules14 = pack.modules("14.0");
        assertEquals(pack.modules("18.0"), List.copyOf(pack.moduleVersions("18.0", modules14).keySet()));
        assertEquals(List.of("bank_sync", "delivery"), pack.unknownModules("17.0", modules14));
        assertTrue(pack.upgradeScripts("17.0", modules14).stream().noneMatch(s -> s.module().equals("delivery")));
        assertTrue(pack.neutralizationRules("17.0", modules14).stream()
                .anyMatch(rule -> rule.module().equals("stock") && rule.rule().equals("delivery-test-environment")));
    }

    @Test
    void customModulesAreTheInstalledModulesUnknownAtTheSourceVersion() {
        assertEquals(List.of("acme_custom", "x_reports"),
                pack.unknownModules("14.0", List.of("base", "x_reports", "sale", "acme_custom")));
        assertEquals(List.of(), pack.unknownModules("18.0", pack.modules("18.0")));
    }

    @Test
    void eachVersionAfterTheFirstBringsStandardFilesThatItsScriptsAndSchemaAttach() {
        for (String version : pack.hops("14.0", "18.0")) {
            List<StandardFile> files = pack.standardFiles(version, pack.modules(version));
            assertFalse(files.isEmpty(), version);
            String scripts = pack.upgradeScripts(version, pack.modules(version)).stream().map(UpgradeScript::sql)
                    .collect(Collectors.joining("\n"));
            for (StandardFile file : files) {
                assertTrue(scripts.contains("'" + file.sha1() + "', " + file.content().length + ","),
                        version + " scripts attach " + file.name());
                assertTrue(pack.schemaSql(version, file.module()).orElseThrow().contains("'" + file.sha1() + "'"),
                        version + " fresh install attaches " + file.name());
            }
        }
    }
}
