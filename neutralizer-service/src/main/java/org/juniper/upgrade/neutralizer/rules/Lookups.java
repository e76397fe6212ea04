package org.juniper.upgrade.neutralizer.rules;

import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/** The values lookups found, filled as their tables' rows go by. */
public final class Lookups {
    /** The values of one lookup; {@code hasNull} when one of them is NULL, which matters to NOT IN. */
    public record Result(Set<String> values, boolean hasNull) {
    }

    private final Map<Lookup, Set<String>> values = new HashMap<>();
    private final Map<Lookup, Boolean> nulls = new HashMap<>();

    /** Offers one COPY row (without its newline) of a table with these columns to the lookups of that table. */
    public void offer(Collection<Lookup> ofTable, Map<String, Integer> columns, String line) {
        Row row = Row.parse(columns, line);
        ofTable.forEach(lookup -> offer(lookup, row));
    }

    private void offer(Lookup lookup, Row row) {
        if (Condition.all(lookup.where(), row, this)) {
            String value = row.get(lookup.column());
            if (value == null) {
                nulls.put(lookup, true);
            } else {
                values.computeIfAbsent(lookup, l -> new HashSet<>()).add(value);
            }
        }
    }

    Result result(Lookup lookup) {
        return new Result(values.getOrDefault(lookup, Set.of()), nulls.getOrDefault(lookup, false));
    }
}
