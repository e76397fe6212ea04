package org.juniper.upgrade.neutralizer.rules;

import java.util.Collection;
import java.util.List;
import org.juniper.erp.JuniperPack;
import org.juniper.erp.NeutralizationRule;

/** A rule of the pack in its declarative form, e.g. {@code base/crons-off} on {@code ir_cron}. */
public record DeclaredRule(String module, String name, TableRule form) {

    /**
     * The pack's rules for the installed modules at {@code version}, in the order they apply.
     *
     * @throws IllegalStateException when a rule's statement is outside the declarative subset ({@link RuleParser})
     */
    public static List<DeclaredRule> of(JuniperPack pack, String version, Collection<String> installedModules) {
        return pack.neutralizationRules(version, installedModules).stream().map(DeclaredRule::of).toList();
    }

    public static DeclaredRule of(NeutralizationRule rule) {
        try {
            return new DeclaredRule(rule.module(), rule.rule(), RuleParser.parse(rule.sql()));
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("neutralization rule " + rule.module() + "/" + rule.rule()
                    + " is not in the declarative form a dump can be rewritten with: " + e.getMessage(), e);
        }
    }

    public String table() {
        return form.table();
    }

    public String sql() {
        return form.sql();
    }
}
