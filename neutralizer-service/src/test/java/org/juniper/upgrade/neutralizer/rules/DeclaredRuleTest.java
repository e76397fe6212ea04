package org.juniper.upgrade.neutralizer.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.juniper.erp.JuniperPack;
import org.juniper.erp.NeutralizationRule;
import org.junit.jupiter.api.Test;

class DeclaredRuleTest {
    private final JuniperPack pack = JuniperPack.load();

    @Test
    void everyRuleOfEveryVersionIsDeclarativeAndPrintsBackAsTheSameRule() {
        for (String version : pack.supportedVersions()) {
            for (DeclaredRule rule : DeclaredRule.of(pack, version, pack.modules(version))) {
                assertEquals(rule.form(), RuleParser.parse(rule.sql()), version + " " + rule.name());
            }
        }
    }

    @Test
    void statementsOutsideTheDeclarativeSubsetAreRefusedWithTheRuleNamed() {
        for (String sql : List.of("UPDATE a SET b = b + 1;", "INSERT INTO a (x) SELECT x FROM b;",
                "UPDATE a SET b = 1 WHERE c > 2;", "UPDATE a SET b = 1; DELETE FROM a;",
                "UPDATE a SET b = 1 WHERE id IN (SELECT id FROM a);")) {
            IllegalStateException refused = assertThrows(IllegalStateException.class,
                    () -> DeclaredRule.of(new NeutralizationRule("base", "x", sql)), sql);
            assertEquals(true, refused.getMessage().contains("base/x"), refused.getMessage());
        }
    }

    @Test
    void rowsGoThroughTheRulesInOrderAndAddedRowsThroughTheRulesAfterTheirs() {
        List<DeclaredRule> rules = List.of(
                rule("UPDATE s SET active = false;"),
                rule("INSERT INTO s (name, active) VALUES ('fake', true);"),
                rule("DELETE FROM s WHERE name = 'gone';"),
                rule("INSERT INTO s (name, active) VALUES ('flag', false) ON CONFLICT (name) DO UPDATE SET "
                        + "active = true;"),
                rule("INSERT INTO s (name, active) SELECT 'copy', active FROM s WHERE name = 'fake';"));
        TableRewriter rewriter = new TableRewriter("s", rules, List.of("id", "name", "active"), new Lookups());

        List<String> written = new ArrayList<>();
        for (String row : List.of("1\tmain\tt", "7\tgone\tt", "3\tflag\t\\N")) {
            written.add(rewriter.row(row));
        }
        written.addAll(rewriter.addedRows());

        assertEquals(Arrays.asList("1\tmain\tf", null, "3\tflag\tt", "8\tfake\tt", "9\tcopy\tt"), written);
        assertEquals(List.of(3L, 1L, 1L, 1L, 1L), List.copyOf(rewriter.counts().values()));
        assertNull(rewriter.violation("1\tmain\tf"));
    }

    @Test
    void aLookupInAnotherTableFollowsSqlNullLogic() {
        DeclaredRule crons = rule("UPDATE c SET active = false WHERE active AND id NOT IN "
                + "(SELECT res_id FROM d WHERE name = 'keep');");
        Lookups lookups = new Lookups();
        Lookup lookup = crons.form().lookups().get(0);
        lookups.offer(List.of(lookup), Map.of("name", 0, "res_id", 1), "keep\t2");
        TableRewriter rewriter = new TableRewriter("c", List.of(crons), List.of("id", "active"), lookups);

        assertEquals("1\tf", rewriter.row("1\tt"));
        assertEquals("2\tt", rewriter.row("2\tt"));
        assertEquals(List.of(1L), List.copyOf(rewriter.counts().values()));
    }

    private static DeclaredRule rule(String sql) {
        return DeclaredRule.of(new NeutralizationRule("base", "r" + sql.hashCode(), sql));
    }
}
