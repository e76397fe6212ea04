package org.juniper.upgrade.neutralizer.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What one neutralization rule does to one table, declared: which rows it matches and what it writes. The dump
 * rewriter applies it to COPY rows and the preview prints it as SQL, so both read the same declaration.
 */
public sealed interface TableRule {
    String table();

    /** The statement, as the preview prints it and as restoring then running it would apply it. */
    String sql();

    /** Lookups in other tables its conditions read. */
    default List<Lookup> lookups() {
        return List.of();
    }

    /** The columns it names in its own table. */
    List<String> columns();

    /** {@code UPDATE table SET column = value, ... [WHERE ...]}. */
    record Update(String table, Map<String, Value> set, List<Condition> where) implements TableRule {
        @Override
        public String sql() {
            return "UPDATE " + Identifiers.sql(table) + " SET " + assignments(set) + Condition.sql(where) + ";";
        }

        @Override
        public List<Lookup> lookups() {
            return lookupsOf(where);
        }

        @Override
        public List<String> columns() {
            List<String> columns = new ArrayList<>(set.keySet());
            where.forEach(condition -> columns.addAll(condition.columns()));
            return columns;
        }
    }

    /** {@code DELETE FROM table [WHERE ...]}. */
    record Delete(String table, List<Condition> where) implements TableRule {
        @Override
        public String sql() {
            return "DELETE FROM " + Identifiers.sql(table) + Condition.sql(where) + ";";
        }

        @Override
        public List<Lookup> lookups() {
            return lookupsOf(where);
        }

        @Override
        public List<String> columns() {
            List<String> columns = new ArrayList<>();
            where.forEach(condition -> columns.addAll(condition.columns()));
            return columns;
        }
    }

    /**
     * {@code INSERT INTO table (columns) VALUES (values) [ON CONFLICT (key) DO UPDATE SET ...]}: one row, or with a
     * conflict key the update of the row that already has that key.
     */
    record Insert(String table, Map<String, Value> values, String conflictKey, Map<String, Value> onConflict)
            implements TableRule {
        @Override
        public String sql() {
            String sql = "INSERT INTO " + Identifiers.sql(table) + " (" + names(values) + ") VALUES ("
                    + values.values().stream().map(Value::sql).collect(Collectors.joining(", ")) + ")";
            if (conflictKey != null) {
                sql += " ON CONFLICT (" + Identifiers.sql(conflictKey) + ") DO UPDATE SET " + assignments(onConflict);
            }
            return sql + ";";
        }

        @Override
        public List<String> columns() {
            List<String> columns = new ArrayList<>(values.keySet());
            columns.addAll(onConflict.keySet());
            return columns;
        }
    }

    /** {@code INSERT INTO table (columns) SELECT values FROM table WHERE ...}: one new row per matching row. */
    record InsertSelect(String table, Map<String, Value> values, List<Condition> where) implements TableRule {
        @Override
        public String sql() {
            return "INSERT INTO " + Identifiers.sql(table) + " (" + names(values) + ") SELECT "
                    + values.values().stream().map(Value::sql).collect(Collectors.joining(", ")) + " FROM "
                    + Identifiers.sql(table) + Condition.sql(where) + ";";
        }

        @Override
        public List<Lookup> lookups() {
            return lookupsOf(where);
        }

        @Override
        public List<String> columns() {
            List<String> columns = new ArrayList<>(values.keySet());
            values.values().stream().filter(Value.Column.class::isInstance)
                    .forEach(value -> columns.add(((Value.Column) value).name()));
            where.forEach(condition -> columns.addAll(condition.columns()));
            return columns;
        }
    }

    private static String assignments(Map<String, Value> set) {
        return set.entrySet().stream().map(e -> Identifiers.sql(e.getKey()) + " = " + e.getValue().sql())
                .collect(Collectors.joining(", "));
    }

    private static String names(Map<String, Value> values) {
        return values.keySet().stream().map(Identifiers::sql).collect(Collectors.joining(", "));
    }

    private static List<Lookup> lookupsOf(List<Condition> where) {
        return where.stream().filter(Condition.InLookup.class::isInstance)
                .map(condition -> ((Condition.InLookup) condition).lookup()).toList();
    }
}
