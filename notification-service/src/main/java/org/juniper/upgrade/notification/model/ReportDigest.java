package org.juniper.upgrade.notification.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * What a success mail says of the report, read from {@code upgrade-report.json} of the report service.
 *
 * @param available false when the report could not be read; the mail then only points at it
 */
public record ReportDigest(boolean available, int modulesUpgraded, int tablesChanged, int warnings,
        List<Rule> neutralization) {
    public static final ReportDigest NONE = new ReportDigest(false, 0, 0, 0, List.of());

    /** One neutralization rule applied to a test copy. */
    public record Rule(String module, String rule, String effect) {
    }

    public static ReportDigest of(JsonNode report) {
        List<Rule> rules = new ArrayList<>();
        report.path("neutralization").forEach(r -> rules.add(new Rule(r.path("module").asText(),
                r.path("rule").asText(), r.path("effect").asText())));
        JsonNode summary = report.path("summary");
        return new ReportDigest(true, report.path("modules").path("upgraded").size(),
                summary.path("differences").asInt(), summary.path("warnings").asInt(), List.copyOf(rules));
    }
}
