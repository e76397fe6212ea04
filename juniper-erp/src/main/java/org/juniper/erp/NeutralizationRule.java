package org.juniper.erp;

/**
 * One rule that makes a test copy harmless, e.g. {@code crons-off} of module {@code base}.
 *
 * @param sql exactly one SQL statement
 */
public record NeutralizationRule(String module, String rule, String sql) {
}
