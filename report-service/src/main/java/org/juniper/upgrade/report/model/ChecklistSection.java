package org.juniper.upgrade.report.model;

import java.util.List;

/**
 * A part of the test checklist.
 *
 * @param walk true when the items are steps to do in order (one record flowing from purchase to invoice)
 */
public record ChecklistSection(String title, boolean walk, List<String> items) {
}
