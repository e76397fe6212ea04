package org.juniper.upgrade.neutralizer.rules;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * One term of a rule's WHERE clause. Terms follow SQL's three-valued logic: {@link #test} answers null for
 * unknown (a NULL compared), and a row matches only when every term is true.
 */
public sealed interface Condition {
    String sql();

    Boolean test(Row row, Lookups lookups);

    /** The columns of the rule's own table the term reads. */
    Set<String> columns();

    /** {@code active}: a boolean column that is true. */
    record IsTrue(String column) implements Condition {
        @Override
        public String sql() {
            return Identifiers.sql(column);
        }

        @Override
        public Boolean test(Row row, Lookups lookups) {
            String value = row.get(column);
            return value == null ? null : value.equals("t");
        }

        @Override
        public Set<String> columns() {
            return Set.of(column);
        }
    }

    /** {@code state = 'enabled'} or {@code state <> 'test'}. */
    record Compare(String column, boolean equal, Value.Literal literal) implements Condition {
        @Override
        public String sql() {
            return Identifiers.sql(column) + (equal ? " = " : " <> ") + literal.sql();
        }

        @Override
        public Boolean test(Row row, Lookups lookups) {
            String value = row.get(column);
            if (value == null || literal.text() == null) {
                return null;
            }
            return value.equals(literal.text()) == equal;
        }

        @Override
        public Set<String> columns() {
            return Set.of(column);
        }
    }

    /** {@code mail_server_id IS [NOT] NULL}. */
    record IsNull(String column, boolean negated) implements Condition {
        @Override
        public String sql() {
            return Identifiers.sql(column) + (negated ? " IS NOT NULL" : " IS NULL");
        }

        @Override
        public Boolean test(Row row, Lookups lookups) {
            return (row.get(column) == null) != negated;
        }

        @Override
        public Set<String> columns() {
            return Set.of(column);
        }
    }

    /** {@code key [NOT] IN ('a', 'b')}. */
    record InList(String column, boolean negated, List<Value.Literal> literals) implements Condition {
        @Override
        public String sql() {
            return Identifiers.sql(column) + (negated ? " NOT IN (" : " IN (")
                    + literals.stream().map(Value.Literal::sql).collect(Collectors.joining(", ")) + ")";
        }

        @Override
        public Boolean test(Row row, Lookups lookups) {
            String value = row.get(column);
            if (value == null) {
                return null;
            }
            boolean found = literals.stream().anyMatch(literal -> value.equals(literal.text()));
            return found != negated;
        }

        @Override
        public Set<String> columns() {
            return Set.of(column);
        }
    }

    /** {@code id [NOT] IN (SELECT res_id FROM ir_model_data WHERE ...)}: the values another table holds. */
    record InLookup(String column, boolean negated, Lookup lookup) implements Condition {
        @Override
        public String sql() {
            return Identifiers.sql(column) + (negated ? " NOT IN (" : " IN (") + lookup.sql() + ")";
        }

        @Override
        public Boolean test(Row row, Lookups lookups) {
            String value = row.get(column);
            Lookups.Result found = lookups.result(lookup);
            if (value == null) {
                return negated && found.values().isEmpty() && !found.hasNull() ? Boolean.TRUE : null;
            }
            if (found.values().contains(value)) {
                return !negated;
            }
            return found.hasNull() ? null : negated;
        }

        @Override
        public Set<String> columns() {
            return Set.of(column);
        }
    }

    static boolean all(List<Condition> where, Row row, Lookups lookups) {
        for (Condition condition : where) {
            if (!Boolean.TRUE.equals(condition.test(row, lookups))) {
                return false;
            }
        }
        return true;
    }

    static String sql(List<Condition> where) {
        return where.isEmpty() ? "" : " WHERE " + where.stream().map(Condition::sql)
                .collect(Collectors.joining(" AND "));
    }
}
