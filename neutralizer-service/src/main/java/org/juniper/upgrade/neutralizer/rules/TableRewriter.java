package org.juniper.upgrade.neutralizer.rules;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Applies the rules of one table to its COPY block, row by row, with the effect the rules' SQL statements would
 * have run one after the other: every row goes through the rules in order; rows a rule adds are appended to the
 * block and go through the rules after it. Added rows take the ids after the highest id of the block.
 */
public final class TableRewriter {
    private final String table;
    private final List<DeclaredRule> rules;
    private final Map<String, Integer> columns = new LinkedHashMap<>();
    private final Lookups lookups;
    private final long[] counts;
    private final boolean[] conflictFound;
    private final List<List<Map<String, String>>> selected = new ArrayList<>();
    private long maxId;
    private long firstAddedId;

    /**
     * @param rules the rules of this table, in the order they apply
     * @param columnNames the columns of the block, as its COPY header names them
     * @throws IllegalArgumentException when a rule names a column the block does not have
     */
    public TableRewriter(String table, List<DeclaredRule> rules, List<String> columnNames, Lookups lookups) {
        this.table = table;
        this.rules = List.copyOf(rules);
        this.lookups = lookups;
        for (String column : columnNames) {
            columns.put(column, columns.size());
        }
        for (DeclaredRule rule : rules) {
            if (!rule.table().equals(table)) {
                throw new IllegalArgumentException(rule.module() + "/" + rule.name() + " is a rule of " + rule.table());
            }
            for (String column : rule.form().columns()) {
                if (!columns.containsKey(column)) {
                    throw new IllegalArgumentException("rule " + rule.module() + "/" + rule.name() + " names column "
                            + column + ", which table " + table + " does not have");
                }
            }
            selected.add(new ArrayList<>());
        }
        this.counts = new long[rules.size()];
        this.conflictFound = new boolean[rules.size()];
    }

    /** The line to write for a row of the block (without its newline), or null when a rule deletes the row. */
    public String row(String line) {
        Row row = Row.parse(columns, line);
        noteId(row);
        if (!apply(row, 0)) {
            return null;
        }
        return row.changed() ? row.line() : line;
    }

    /** The rows the rules add, to append to the block; call once, after the block's last row. */
    public List<String> addedRows() {
        firstAddedId = maxId + 1;
        List<String> lines = new ArrayList<>();
        for (int k = 0; k < rules.size(); k++) {
            TableRule form = rules.get(k).form();
            List<Map<String, String>> rows = new ArrayList<>();
            if (form instanceof TableRule.Insert insert && (insert.conflictKey() == null || !conflictFound[k])) {
                Map<String, String> values = new HashMap<>();
                insert.values().forEach((column, value) -> values.put(column, value.produce(null)));
                rows.add(values);
            } else if (form instanceof TableRule.InsertSelect) {
                rows.addAll(selected.get(k));
            }
            for (Map<String, String> values : rows) {
                Row row = Row.empty(columns);
                values.forEach(row::set);
                if (row.has("id") && row.get("id") == null) {
                    row.set("id", Long.toString(++maxId));
                }
                counts[k]++;
                if (apply(row, k + 1)) {
                    lines.add(row.line());
                }
            }
        }
        return lines;
    }

    /** The ids given to added rows, from first to last; empty when none was added or the table has no id. */
    public java.util.stream.LongStream addedIds() {
        return firstAddedId == 0 ? java.util.stream.LongStream.empty()
                : java.util.stream.LongStream.rangeClosed(firstAddedId, maxId);
    }

    /** The rows each rule changed, added or removed, in the order of the rules. */
    public Map<DeclaredRule, Long> counts() {
        Map<DeclaredRule, Long> result = new LinkedHashMap<>();
        for (int k = 0; k < rules.size(); k++) {
            result.put(rules.get(k), counts[k]);
        }
        return result;
    }

    /**
     * What is wrong with a row of an already rewritten block, or null: a rule would still delete it or change one
     * of its values. Values made anew on each application (a new uuid, the time) are not compared.
     */
    public String violation(String line) {
        Row row = Row.parse(columns, line);
        for (DeclaredRule rule : rules) {
            TableRule form = rule.form();
            Map<String, Value> expected = Map.of();
            if (form instanceof TableRule.Delete delete && Condition.all(delete.where(), row, lookups)) {
                return "rule " + rule.module() + "/" + rule.name() + " still matches a row of " + table;
            } else if (form instanceof TableRule.Update update && Condition.all(update.where(), row, lookups)) {
                expected = update.set();
            } else if (form instanceof TableRule.Insert insert && insert.conflictKey() != null
                    && Objects.equals(row.get(insert.conflictKey()),
                            insert.values().get(insert.conflictKey()).produce(row))) {
                expected = insert.onConflict();
            }
            for (Map.Entry<String, Value> set : expected.entrySet()) {
                if (!set.getValue().volatileValue()
                        && !Objects.equals(row.get(set.getKey()), set.getValue().produce(row))) {
                    return "rule " + rule.module() + "/" + rule.name() + " would still change " + table + "."
                            + set.getKey() + " of a row";
                }
            }
        }
        return null;
    }

    private boolean apply(Row row, int from) {
        for (int k = from; k < rules.size(); k++) {
            TableRule form = rules.get(k).form();
            if (form instanceof TableRule.Update update) {
                if (Condition.all(update.where(), row, lookups)) {
                    counts[k]++;
                    update.set().forEach((column, value) -> row.set(column, value.produce(row)));
                }
            } else if (form instanceof TableRule.Delete delete) {
                if (Condition.all(delete.where(), row, lookups)) {
                    counts[k]++;
                    return false;
                }
            } else if (form instanceof TableRule.Insert insert) {
                if (insert.conflictKey() != null && Objects.equals(row.get(insert.conflictKey()),
                        insert.values().get(insert.conflictKey()).produce(row))) {
                    conflictFound[k] = true;
                    counts[k]++;
                    insert.onConflict().forEach((column, value) -> row.set(column, value.produce(row)));
                }
            } else if (form instanceof TableRule.InsertSelect insertSelect) {
                if (Condition.all(insertSelect.where(), row, lookups)) {
                    Map<String, String> values = new HashMap<>();
                    insertSelect.values().forEach((column, value) -> values.put(column, value.produce(row)));
                    selected.get(k).add(values);
                }
            }
        }
        return true;
    }

    private void noteId(Row row) {
        if (row.has("id") && row.get("id") != null) {
            try {
                maxId = Math.max(maxId, Long.parseLong(row.get("id")));
            } catch (NumberFormatException e) {
                // an id that is no number leaves the numbering to the others
            }
        }
    }
}
