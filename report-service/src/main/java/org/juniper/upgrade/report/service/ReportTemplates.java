package org.juniper.upgrade.report.service;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import org.juniper.upgrade.report.model.FailureReportPage;
import org.juniper.upgrade.report.model.UpgradeReportPage;

/**
 * The reports' HTML, from src/main/resources/templates/ReportTemplates/, in the page layout the mails use too
 * ({@code layout/page}, from platform-bindings). Escaped by Qute, checked at build time against the records they show.
 */
@CheckedTemplate(basePath = "ReportTemplates")
final class ReportTemplates {
    private ReportTemplates() {
    }

    static native TemplateInstance upgraded(UpgradeReportPage report);

    static native TemplateInstance failed(FailureReportPage report);
}
