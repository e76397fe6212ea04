package org.juniper.upgrade.report.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.juniper.erp.JuniperPack;
import org.juniper.erp.NeutralizationRule;
import org.juniper.upgrade.events.Purpose;
import org.juniper.upgrade.report.SampleFacts;
import org.juniper.upgrade.report.model.ModuleChanges;
import org.juniper.upgrade.report.model.NeutralizationStep;
import org.juniper.upgrade.report.model.TableIntegrity;
import org.juniper.upgrade.report.model.UpgradeReport;
import org.junit.jupiter.api.Test;

class ReportComposerTest {
    private static final JuniperPack PACK = JuniperPack.load();
    private final ReportComposer composer = new ReportComposer(PACK);

    @Test
    void aTestCopyListsTheRulesTheNeutralizerAppliedWithTheRowsEachChanged() {
        UpgradeReport report = SampleFacts.report(composer, SampleFacts.acme("r-1", Purpose.TEST));

        List<NeutralizationRule> applied = PACK.neutralizationRules("17.0",
                report.facts().modulesAfter().keySet());
        assertEquals(applied.stream().map(r -> r.module() + "/" + r.rule()).toList(),
                report.neutralization().stream().map(s -> s.module() + "/" + s.rule()).toList());
        NeutralizationStep apiKeys = report.neutralization().stream().filter(s -> s.rule().equals("api-keys-cleared"))
                .findFirst().orElseThrow();
        assertEquals("deletes rows of res_users_apikeys", apiKeys.effect(), "what the rule does, from its statement");
        assertTrue(apiKeys.rows() != null, "and how many rows it touched, from the neutralizer");
    }

    @Test
    void aProductionDatabaseIsNotNeutralized() {
        UpgradeReport report = SampleFacts.report(composer, SampleFacts.acme("r-1", Purpose.PRODUCTION));

        assertEquals(List.of(), report.neutralization());
    }

    @Test
    void customModulesAreTheInstalledOnesThePackDoesNotKnow() {
        UpgradeReport report = SampleFacts.report(composer, SampleFacts.acme("r-1", Purpose.TEST));

        assertEquals(List.of("acme_margin"), report.modules().custom());
    }

    @Test
    void aRenamedOrMergedModuleIsNeitherRemovedNorNewUnderItsNewName() {
        ModuleChanges modules = SampleFacts.report(composer, SampleFacts.acme("r-1", Purpose.TEST)).modules();

        assertEquals(List.of(new ModuleChanges.Replacement("bank_sync", "14.0.1.0", "account_online_synchronization",
                "17.0.1.0", "renamed", "Juniper 15.0 renames bank_sync to account_online_synchronization"),
                new ModuleChanges.Replacement("delivery", "14.0.1.0", "stock", "17.0.1.1", "merged",
                        "Juniper 17.0 merges delivery into stock")), modules.replaced());
        assertEquals(List.of("acme_margin"), modules.removed().stream().map(ModuleChanges.Change::module).toList());
        assertEquals(List.of("spreadsheet"), modules.added().stream().map(ModuleChanges.Change::module).toList());
        assertEquals(10, modules.upgraded().size());
    }

    @Test
    void theSummaryCountsTablesRowsDifferencesAndWarnings() {
        UpgradeReport report = SampleFacts.report(composer, SampleFacts.acme("r-1", Purpose.TEST));

        assertEquals(35, report.summary().tables(), "a renamed table counts once");
        assertEquals(6, report.summary().differences());
        assertEquals(2, report.summary().warnings());
    }

    @Test
    void aTableTheUpgradeRenamedIsOneRowUnderItsNewNameWithItsFormerOne() {
        UpgradeReport report = SampleFacts.report(composer, SampleFacts.acme("r-1", Purpose.TEST));

        assertEquals(List.of(new TableIntegrity("stock_lot", "stock_production_lot", 1_250, 1_250)),
                report.integrity().stream().filter(t -> t.table().contains("lot")).toList());
        assertTrue(report.integrity().stream().anyMatch(t -> t.table().equals("ir_translation") && t.gone()),
                "a table that is really gone stays gone");
    }

    @Test
    void theEffectOfARuleIsReadFromItsStatement() {
        assertEquals("updates ir_cron", ReportComposer.effect("UPDATE ir_cron\n   SET active = false"));
        assertEquals("adds rows to ir_mail_server", ReportComposer.effect("insert into ir_mail_server (name)"));
        assertEquals("deletes rows of res_users_apikeys", ReportComposer.effect("DELETE FROM res_users_apikeys;"));
        assertEquals("runs a statement", ReportComposer.effect("SELECT 1"));
    }
}
