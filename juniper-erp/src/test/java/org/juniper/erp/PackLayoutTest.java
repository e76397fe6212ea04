package org.juniper.erp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import org.juniper.upgrade.archive.Sha1;
import org.junit.jupiter.api.Test;

/** How the pack's files are found and ordered, on the small pack under src/test/resources/testpack. */
class PackLayoutTest {
    private final JuniperPack pack = new JuniperPack(getClass().getClassLoader(), "testpack");
    private final Set<String> all = Set.of("base", "mail", "stock", "sale");

    private static List<String> names(List<UpgradeScript> scripts) {
        return scripts.stream().map(s -> s.version() + "/" + s.module() + "/" + s.name()).toList();
    }

    @Test
    void scriptsRunByPhaseThenModuleOrderThenFileNameWithEveryHopScriptsAroundThem() {
        assertEquals(List.of(
                "0.0.0/base/pre-01-every-hop.sql",
                "15.0/base/pre-10-first.sql",
                "15.0/base/pre-20-second.sql",
                "15.0/sale/pre-10-sale.sql",
                "15.0/base/post-10-base.sql",
                "15.0/stock/post-05-stock.sql",
                "15.0/sale/post-10-sale.sql",
                "0.0.0/sale/post-50-every-hop.sql",
                "15.0/base/end-10-base.sql",
                "0.0.0/base/end-99-every-hop.sql",
                "15.0/sale/end-10-sale.sql"), names(pack.upgradeScripts("15.0", all)));
    }

    @Test
    void scriptsOfModulesNotInstalledAreLeftOut() {
        assertEquals(List.of("0.0.0/base/pre-01-every-hop.sql", "15.0/base/pre-10-first.sql",
                "15.0/base/pre-20-second.sql", "15.0/base/post-10-base.sql", "15.0/base/end-10-base.sql",
                "0.0.0/base/end-99-every-hop.sql"), names(pack.upgradeScripts("15.0", Set.of("base"))));
    }

    @Test
    void scriptsCarryTheirPhaseAndContent() {
        UpgradeScript first = pack.upgradeScripts("15.0", all).get(1);
        assertEquals(Phase.PRE, first.phase());
        assertEquals("SELECT '15.0/base/pre-10-first.sql';", first.sql().strip());
    }

    @Test
    void moduleChangesOfAVersionApplyFromThatVersionOn() {
        // 16.0 makes stock depend on sale, so sale now loads first
        assertEquals(List.of("base", "mail", "stock", "sale"), pack.modules("15.0"));
        assertEquals(List.of("base", "discuss", "sale", "stock"), pack.modules("16.0"));
        assertEquals("15.0.1.3", pack.moduleVersions("15.0", all).get("sale"));
        assertEquals("16.0.2.0", pack.moduleVersions("16.0", all).get("sale"));
        assertEquals(List.of("0.0.0/base/pre-01-every-hop.sql", "16.0/sale/pre-10-only-16.sql",
                "16.0/discuss/post-10-renamed.sql", "0.0.0/sale/post-50-every-hop.sql",
                "0.0.0/base/end-99-every-hop.sql"), names(pack.upgradeScripts("16.0", all)));
    }

    @Test
    void aRenamedModuleCountsUnderItsNewNameFromItsVersionOn() {
        // the source database still calls it mail: its scripts, version and rules go by its new name
        assertEquals(List.of("16.0/discuss/post-10-renamed.sql"), names(pack.upgradeScripts("16.0", Set.of("mail"))));
        assertEquals(Map.of("discuss", "16.0.1.0"), pack.moduleVersions("16.0", Set.of("mail")));
        assertEquals(Map.of("mail", "15.0.1.1"), pack.moduleVersions("15.0", Set.of("mail")));
    }

    @Test
    void unknownModulesAreTheInstalledOnesThePackDoesNotKnowAtThatVersion() {
        assertEquals(List.of("acme_custom", "x_reports"),
                pack.unknownModules("15.0", List.of("x_reports", "base", "mail", "acme_custom", "acme_custom")));
        assertEquals(List.of(), pack.unknownModules("15.0", all));
        // a 16.0 database has no mail module any more: it is discuss there
        assertEquals(List.of("mail"), pack.unknownModules("16.0", all));
    }

    @Test
    void standardFilesComeWithTheHopThatAddsThemForInstalledModules() {
        List<StandardFile> files = pack.standardFiles("15.0", all);
        assertEquals(1, files.size());
        StandardFile stamp = files.get(0);
        assertEquals(List.of("15.0", "sale", "stamp.txt"), List.of(stamp.version(), stamp.module(), stamp.name()));
        assertEquals("quotation stamp\n", new String(stamp.content(), StandardCharsets.UTF_8));
        assertEquals(Sha1.of(stamp.content()), stamp.sha1());
        assertEquals(stamp.sha1().substring(0, 2) + "/" + stamp.sha1(), stamp.storeName());
        assertEquals(List.of(), pack.standardFiles("15.0", Set.of("base", "stock")));
        assertEquals(List.of(), pack.standardFiles("16.0", all));
    }

    @Test
    void aVersionFolderOverridesTheGenericRulesFromThatVersionOn() {
        assertEquals(List.of(new NeutralizationRule("base", "first", "UPDATE a SET b = 1;"),
                new NeutralizationRule("base", "second", "UPDATE c\n   SET d = 2;"),
                new NeutralizationRule("sale", "sale-rule", "UPDATE sale_order SET note = NULL;")),
                pack.neutralizationRules("14.0", all));
        for (String version : List.of("15.0", "16.0")) {
            assertEquals(List.of("since-15", "sale-rule"), pack.neutralizationRules(version, all).stream()
                    .map(NeutralizationRule::rule).toList(), version);
        }
    }

    @Test
    void ruleFilesRefuseStatementsOutsideARuleDuplicatesAndEmptyRules() {
        IllegalStateException outside = assertThrows(IllegalStateException.class,
                () -> JuniperPack.parseRules("base", "UPDATE a SET b = 1;\n-- rule: x\nSELECT 1;", "f.sql"));
        assertTrue(outside.getMessage().contains("f.sql:1"), outside.getMessage());
        assertThrows(IllegalStateException.class,
                () -> JuniperPack.parseRules("base", "-- rule: x\nSELECT 1;\n-- rule: x\nSELECT 2;", "f.sql"));
        assertThrows(IllegalStateException.class,
                () -> JuniperPack.parseRules("base", "-- rule: x\n-- nothing here\n", "f.sql"));
    }

    @Test
    void circularModuleDependenciesAreRefused() {
        Properties modules = new Properties();
        modules.putAll(Map.of("a.version", "1.0", "a.depends", "b", "b.version", "1.0", "b.depends", "a"));
        IllegalStateException error = assertThrows(IllegalStateException.class,
                () -> ModuleGraph.of(modules, "modules.properties"));
        assertTrue(error.getMessage().contains("circular"), error.getMessage());
    }

    @Test
    void aModuleReplacedByAnUnknownModuleIsRefused() {
        Properties modules = new Properties();
        modules.putAll(Map.of("a.version", "1.0", "b.version", "1.0", "b.replaced_by", "c"));
        IllegalStateException error = assertThrows(IllegalStateException.class,
                () -> ModuleGraph.of(modules, "modules.properties"));
        assertTrue(error.getMessage().contains("unknown module 'c'"), error.getMessage());
    }

    @Test
    void aMisplacedScriptIsReportedWhenThePackLoads() {
        IllegalStateException error = assertThrows(IllegalStateException.class,
                () -> new JuniperPack(getClass().getClassLoader(), "brokenpack"));
        assertTrue(error.getMessage().contains("15.0/base/rename-things.sql"), error.getMessage());
    }
}
