package org.juniper.upgrade.neutralizer.rules;

import java.util.List;

/** {@code SELECT column FROM table WHERE ...}: values of another table a rule's condition reads. */
public record Lookup(String table, String column, List<Condition> where) {
    public String sql() {
        return "SELECT " + Identifiers.sql(column) + " FROM " + Identifiers.sql(table) + Condition.sql(where);
    }
}
