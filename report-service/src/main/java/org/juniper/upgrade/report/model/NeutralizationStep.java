package org.juniper.upgrade.report.model;

/**
 * One neutralization rule of the pack applied to a test copy.
 *
 * @param effect what the rule's statement does, e.g. {@code updates ir_cron}
 * @param rows the rows it changed, added or removed in the test copy; null when the neutralizer did not count them
 */
public record NeutralizationStep(String module, String rule, String effect, Long rows) {
}
