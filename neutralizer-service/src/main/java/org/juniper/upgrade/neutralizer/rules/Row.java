package org.juniper.upgrade.neutralizer.rules;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.juniper.upgrade.archive.CopyText;

/** One row of a table's COPY block, decoded, with its columns named as the block's header names them. */
public final class Row {
    private final Map<String, Integer> columns;
    private final String[] values;
    private boolean changed;

    Row(Map<String, Integer> columns, String[] values) {
        this.columns = columns;
        this.values = values;
    }

    /** Parses a COPY text line (without its newline). */
    static Row parse(Map<String, Integer> columns, String line) {
        String[] fields = line.split("\t", -1);
        if (fields.length != columns.size()) {
            throw new IllegalArgumentException("a COPY row has " + fields.length + " fields, its header names "
                    + columns.size() + " columns");
        }
        for (int i = 0; i < fields.length; i++) {
            fields[i] = CopyText.decode(fields[i]);
        }
        return new Row(columns, fields);
    }

    static Row empty(Map<String, Integer> columns) {
        return new Row(columns, new String[columns.size()]);
    }

    public String get(String column) {
        return values[index(column)];
    }

    void set(String column, String value) {
        int i = index(column);
        if (!java.util.Objects.equals(values[i], value)) {
            values[i] = value;
            changed = true;
        }
    }

    boolean changed() {
        return changed;
    }

    boolean has(String column) {
        return columns.containsKey(column);
    }

    private int index(String column) {
        Integer i = columns.get(column);
        if (i == null) {
            throw new IllegalArgumentException("no column " + column);
        }
        return i;
    }

    /** The COPY text line (without its newline). */
    String line() {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < values.length; i++) {
            out.append(i == 0 ? "" : "\t").append(CopyText.encode(values[i]));
        }
        return out.toString();
    }

    List<String> values() {
        return Arrays.asList(values);
    }
}
