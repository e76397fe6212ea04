package org.juniper.upgrade.report.model;

import java.util.List;
import org.juniper.upgrade.events.ReportReady;
import org.juniper.upgrade.events.UpgradeFacts;

/**
 * The report of an upgraded database, as {@code upgrade-report.json} holds it: the worker's facts and what the report
 * service derives from them. The HTML form renders exactly this.
 *
 * @param neutralization the pack's rules a test copy carries; empty for production
 * @param integrity the facts' record counts, with each renamed table as one row
 */
public record UpgradeReport(String kind, ReportReady.Summary summary, ModuleChanges modules,
        List<NeutralizationStep> neutralization, List<ChecklistSection> checklist, List<TableIntegrity> integrity,
        UpgradeFacts facts) {
    public static final String KIND = "upgraded";

    public UpgradeReport(ReportReady.Summary summary, ModuleChanges modules, List<NeutralizationStep> neutralization,
            List<ChecklistSection> checklist, List<TableIntegrity> integrity, UpgradeFacts facts) {
        this(KIND, summary, modules, neutralization, checklist, integrity, facts);
    }
}
