package org.juniper.upgrade.report.service;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.juniper.erp.JuniperPack;
import org.juniper.upgrade.events.Neutralized;
import org.juniper.upgrade.events.Purpose;
import org.juniper.upgrade.events.ReportReady;
import org.juniper.upgrade.events.UpgradeFacts;
import org.juniper.upgrade.report.model.ModuleChanges;
import org.juniper.upgrade.report.model.NeutralizationStep;
import org.juniper.upgrade.report.model.TableIntegrity;
import org.juniper.upgrade.report.model.UpgradeReport;

/**
 * Derives the report from the worker's facts, the notes of the upgrade scripts, the pack, and for a test copy what
 * the neutralizer applied to it, rule by rule with the rows each changed.
 */
@ApplicationScoped
public class ReportComposer {
    private static final Pattern STATEMENT = Pattern.compile(
            "^\\s*(UPDATE|DELETE\\s+FROM|INSERT\\s+INTO)\\s+([\\w.\"]+)", Pattern.CASE_INSENSITIVE);

    private static final String VIEW_DEACTIVATED = "view_deactivated";
    private static final String MODEL_RENAMED = "model_renamed";
    /** Note kinds that say a module lives on under another name, and how they say it. */
    private static final Map<String, String> MODULE_REPLACED = Map.of("module_renamed", "renamed", "module_merged",
            "merged");

    private final JuniperPack pack;

    ReportComposer(JuniperPack pack) {
        this.pack = pack;
    }

    /** @param neutralized what the neutralizer applied to a test copy, with its counts; empty for production */
    public UpgradeReport compose(UpgradeFacts facts, List<Neutralized.Action> neutralized) {
        ModuleChanges modules = modules(facts);
        Map<String, String> effects = new HashMap<>();
        pack.neutralizationRules(facts.targetVersion(), facts.modulesAfter().keySet())
                .forEach(rule -> effects.put(rule.module() + "/" + rule.rule(), effect(rule.sql())));
        List<NeutralizationStep> neutralization = facts.purpose() == Purpose.TEST
                ? neutralized.stream().map(a -> new NeutralizationStep(a.module(), a.rule(),
                        effects.getOrDefault(a.module() + "/" + a.rule(), "runs a statement"), a.rows())).toList()
                : List.of();
        long disabledViews = facts.notes().stream().filter(n -> VIEW_DEACTIVATED.equals(n.kind())).count();
        List<TableIntegrity> integrity = integrity(facts);
        return new UpgradeReport(summarize(facts, integrity), modules, neutralization,
                TestChecklist.of(facts.modulesAfter().keySet(), modules.custom(), disabledViews), integrity, facts);
    }

    private static ReportReady.Summary summarize(UpgradeFacts facts, List<TableIntegrity> integrity) {
        int differences = (int) integrity.stream().filter(TableIntegrity::differs).count();
        long rows = integrity.stream().mapToLong(t -> Math.max(t.rowsAfter(), 0)).sum();
        return new ReportReady.Summary(integrity.size(), (int) Math.min(rows, Integer.MAX_VALUE), differences,
                facts.warnings().size());
    }

    /**
     * The worker counts the tables of the database before and after, by name; a model the scripts renamed (their
     * model_renamed notes) joins its former table's count to its new table's, in the order of the hops.
     */
    static List<TableIntegrity> integrity(UpgradeFacts facts) {
        Map<String, TableIntegrity> rows = new LinkedHashMap<>();
        facts.tables().forEach(t -> rows.put(t.table(), new TableIntegrity(t.table(), null, t.rowsBefore(),
                t.rowsAfter())));
        facts.notes().stream().filter(n -> MODEL_RENAMED.equals(n.kind()) && n.model() != null && n.name() != null)
                .forEach(n -> {
                    String former = table(n.model());
                    String renamed = table(n.name());
                    TableIntegrity old = rows.get(former);
                    TableIntegrity now = rows.get(renamed);
                    if (old != null && now != null && old.gone() && now.rowsBefore() == 0) {
                        rows.remove(former);
                        String first = old.formerName() != null ? old.formerName() : former;
                        rows.put(renamed, new TableIntegrity(renamed, first, old.rowsBefore(), now.rowsAfter()));
                    }
                });
        return new ArrayList<>(rows.values());
    }

    private static String table(String model) {
        return model.replace('.', '_');
    }

    private ModuleChanges modules(UpgradeFacts facts) {
        Map<String, String> before = facts.modulesBefore();
        Map<String, String> after = facts.modulesAfter();
        Set<String> names = new TreeSet<>(before.keySet());
        names.addAll(after.keySet());
        List<ModuleChanges.Change> upgraded = new ArrayList<>();
        List<ModuleChanges.Change> added = new ArrayList<>();
        List<ModuleChanges.Change> removed = new ArrayList<>();
        List<ModuleChanges.Replacement> replaced = new ArrayList<>();
        Map<String, UpgradeFacts.Note> replacements = new HashMap<>();
        facts.notes().stream().filter(n -> MODULE_REPLACED.containsKey(n.kind()))
                .forEach(n -> replacements.put(n.name(), n));
        // a module's new name is no new module
        Set<String> newNames = facts.notes().stream().filter(n -> "module_renamed".equals(n.kind()))
                .map(UpgradeFacts.Note::module).collect(Collectors.toSet());
        for (String name : names) {
            ModuleChanges.Change change = new ModuleChanges.Change(name, before.get(name), after.get(name));
            UpgradeFacts.Note replacement = replacements.get(name);
            if (change.before() == null) {
                if (!newNames.contains(name)) {
                    added.add(change);
                }
            } else if (change.after() != null) {
                upgraded.add(change);
            } else if (replacement != null) {
                replaced.add(new ModuleChanges.Replacement(name, change.before(), replacement.module(),
                        after.get(replacement.module()), MODULE_REPLACED.get(replacement.kind()),
                        replacement.reason()));
            } else {
                removed.add(change);
            }
        }
        Set<String> standard = Set.copyOf(pack.modules(facts.sourceVersion()));
        List<String> custom = before.keySet().stream().filter(m -> !standard.contains(m)).sorted().toList();
        return new ModuleChanges(upgraded, added, removed, replaced, custom);
    }

    /** What a rule's statement does, said from its first words: {@code UPDATE ir_cron ...} is "updates ir_cron". */
    static String effect(String sql) {
        Matcher m = STATEMENT.matcher(sql);
        if (!m.find()) {
            return "runs a statement";
        }
        String verb = m.group(1).toUpperCase(Locale.ROOT);
        String table = m.group(2).replace("\"", "");
        if (verb.startsWith("UPDATE")) {
            return "updates " + table;
        }
        return (verb.startsWith("DELETE") ? "deletes rows of " : "adds rows to ") + table;
    }
}
