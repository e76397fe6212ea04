package org.juniper.sample;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.juniper.upgrade.archive.CopyText;

/**
 * Writes a plain-format dump the way {@code pg_dump --no-owner --no-privileges} does: settings, tables and
 * sequences, one COPY block per table, sequence positions, then keys, indexes and foreign keys. Rows are written as
 * they are generated, so memory does not grow with the database. Tables, columns and values are given in 14.0
 * terms and written under the names of the layout's version (see {@link VersionShape}).
 */
final class DumpWriter {
    /** Fills one table's COPY block; the table's standard rows are already written. */
    @FunctionalInterface
    interface TableRows {
        void write(TableData data) throws IOException;
    }

    private static final String HEADER = """
            --
            -- PostgreSQL database dump
            --

            -- Dumped from database version 15.14
            -- Dumped by pg_dump version 15.14

            SET statement_timeout = 0;
            SET lock_timeout = 0;
            SET idle_in_transaction_session_timeout = 0;
            SET client_encoding = 'UTF8';
            SET standard_conforming_strings = on;
            SELECT pg_catalog.set_config('search_path', '', false);
            SET check_function_bodies = false;
            SET xmloption = content;
            SET client_min_messages = warning;
            SET row_security = off;

            SET default_tablespace = '';

            SET default_table_access_method = heap;

            """;

    /** The customer's own values in standard rows (a renamed company, an enabled payment provider), in 14.0 terms. */
    static final class StandardChanges {
        private final Map<String, Map<Integer, Map<String, Object>>> byTable = new HashMap<>();

        StandardChanges set(String table, int id, String column, Object value) {
            byTable.computeIfAbsent(table, t -> new HashMap<>()).computeIfAbsent(id, i -> new HashMap<>())
                    .put(column, value);
            return this;
        }
    }

    private final Writer out;
    private final SchemaLayout layout;
    private final VersionShape shape;
    private final Map<String, Integer> maxIds = new HashMap<>();

    DumpWriter(OutputStream out, SchemaLayout layout, VersionShape shape) {
        this.out = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
        this.layout = layout;
        this.shape = shape;
    }

    /** Writes the whole dump; {@code rows} fills the tables it names, the others hold their standard rows only. */
    void write(Map<String, TableRows> rows, StandardChanges changes) throws IOException {
        Map<String, String> sourceNames = new HashMap<>();
        Map<String, TableRows> fillers = new HashMap<>();
        Map<String, Map<Integer, Map<String, Object>>> changed = new HashMap<>();
        rows.forEach((name, filler) -> {
            sourceNames.put(shape.table(name), name);
            fillers.put(shape.table(name), filler);
        });
        changes.byTable.forEach((name, rowChanges) -> {
            sourceNames.put(shape.table(name), name);
            changed.put(shape.table(name), rowChanges);
        });
        Set<String> unused = new HashSet<>(fillers.keySet());
        Set<String> unchanged = new HashSet<>(changed.keySet());
        out.write(HEADER);
        for (SchemaLayout.Table table : layout.tables()) {
            writeDefinition(table);
        }
        for (SchemaLayout.Table table : layout.tables()) {
            if (table.serial) {
                entry(table.name + " id", "DEFAULT");
                out.write("ALTER TABLE ONLY public." + table.name + " ALTER COLUMN id SET DEFAULT nextval('public."
                        + table.sequence() + "'::regclass);\n\n\n");
            }
        }
        for (SchemaLayout.Table table : layout.tables()) {
            TableData data = new TableData(table, sourceNames.getOrDefault(table.name, table.name));
            Map<Integer, Map<String, Object>> tableChanges = changed.getOrDefault(table.name, Map.of());
            if (data.begin(tableChanges) != tableChanges.size()) {
                throw new IllegalStateException("changes for standard rows of " + table.name
                        + " that do not exist: " + tableChanges.keySet());
            }
            unchanged.remove(table.name);
            TableRows filler = fillers.get(table.name);
            if (filler != null) {
                unused.remove(table.name);
                filler.write(data);
            }
            maxIds.put(table.name, data.maxId);
            out.write("\\.\n\n\n");
        }
        if (!unused.isEmpty() || !unchanged.isEmpty()) {
            throw new IllegalStateException("rows generated for tables the schema does not have: " + unused
                    + unchanged);
        }
        for (SchemaLayout.Table table : layout.tables()) {
            if (table.serial) {
                int max = maxIds.getOrDefault(table.name, 0);
                entry(table.sequence(), "SEQUENCE SET");
                out.write("SELECT pg_catalog.setval('public." + table.sequence() + "', " + Math.max(max, 1) + ", "
                        + (max > 0) + ");\n\n\n");
            }
        }
        for (SchemaLayout.PostData item : layout.postData()) {
            String name = item.kind() == SchemaLayout.PostDataKind.INDEX ? item.name() : item.table() + " " + item.name();
            entry(name, item.kind().dumpLabel);
            out.write(item.sql() + ";\n\n\n");
        }
        out.write("--\n-- PostgreSQL database dump complete\n--\n\n");
        out.flush();
    }

    private void writeDefinition(SchemaLayout.Table table) throws IOException {
        entry(table.name, "TABLE");
        out.write("CREATE TABLE public." + table.name + " (\n    " + String.join(",\n    ", table.definitionLines)
                + "\n);\n\n\n");
        if (table.serial) {
            entry(table.sequence(), "SEQUENCE");
            out.write("CREATE SEQUENCE public." + table.sequence() + "\n    AS integer\n    START WITH 1\n"
                    + "    INCREMENT BY 1\n    NO MINVALUE\n    NO MAXVALUE\n    CACHE 1;\n\n\n");
            entry(table.sequence(), "SEQUENCE OWNED BY");
            out.write("ALTER SEQUENCE public." + table.sequence() + " OWNED BY public." + table.name + ".id;\n\n\n");
        }
    }

    private void entry(String name, String type) throws IOException {
        out.write("--\n-- Name: " + name + "; Type: " + type + "; Schema: public; Owner: -\n--\n\n");
    }

    /** The COPY block of one table. */
    final class TableData {
        private final SchemaLayout.Table table;
        /** The table's 14.0 name, in which its columns are given. */
        private final String source;
        private final StringBuilder line = new StringBuilder(512);
        private int maxId;

        private TableData(SchemaLayout.Table table, String source) {
            this.table = table;
            this.source = source;
            this.maxId = table.maxStandardId;
        }

        /** Writes the COPY header and the standard rows; returns how many of them {@code changes} changed. */
        private int begin(Map<Integer, Map<String, Object>> changes) throws IOException {
            entry(table.name, "TABLE DATA");
            StringBuilder header = new StringBuilder("COPY public.").append(table.name).append(" (");
            for (int i = 0; i < table.columns.size(); i++) {
                header.append(i == 0 ? "" : ", ").append(table.columns.get(i).sqlName());
            }
            out.write(header.append(") FROM stdin;\n").toString());
            Integer idColumn = table.columnIndex.get("id");
            int changed = 0;
            for (String[] row : table.standardRows) {
                Object[] values = row;
                Map<String, Object> change = idColumn == null ? null : changes.get(Integer.valueOf(row[idColumn]));
                if (change != null) {
                    values = Arrays.copyOf(row, row.length, Object[].class);
                    for (Map.Entry<String, Object> value : change.entrySet()) {
                        String name = shape.column(source, value.getKey());
                        Integer column = name == null ? null : table.columnIndex.get(name);
                        if (column == null) {
                            throw new IllegalArgumentException(table.name + " has no column " + value.getKey());
                        }
                        values[column] = shaped(table.columns.get(column), value.getValue());
                    }
                    changed++;
                }
                line.setLength(0);
                for (int i = 0; i < values.length; i++) {
                    if (i > 0) {
                        line.append('\t');
                    }
                    CopyText.append(line, values[i]);
                }
                out.append(line).append('\n');
            }
            return changed;
        }

        /**
         * Starts rows that set the named columns (14.0 names; the values of columns the version dropped are left
         * out); the table's other columns are written as NULL, so every NOT NULL column must be among them.
         */
        RowWriter columns(String... names) {
            return new RowWriter(this, names);
        }

        /** Whether the table has the column (a 14.0 name) at this version. */
        boolean hasColumn(String name) {
            String column = shape.column(source, name);
            return column != null && table.columnIndex.containsKey(column);
        }
    }

    /** Writes rows of positional values for a fixed list of columns. */
    final class RowWriter {
        private final TableData data;
        private final int[] valueForColumn;
        private final int valueCount;
        private final int idValue;

        private RowWriter(TableData data, String[] names) {
            this.data = data;
            SchemaLayout.Table table = data.table;
            valueForColumn = new int[table.columns.size()];
            valueCount = names.length;
            Arrays.fill(valueForColumn, -1);
            for (int i = 0; i < names.length; i++) {
                String name = shape.column(data.source, names[i]);
                if (name == null) {
                    continue;
                }
                Integer column = table.columnIndex.get(name);
                if (column == null) {
                    throw new IllegalArgumentException(table.name + " has no column " + names[i]);
                }
                if (valueForColumn[column] >= 0) {
                    throw new IllegalArgumentException(table.name + ": column " + names[i] + " named twice");
                }
                valueForColumn[column] = i;
            }
            for (SchemaLayout.Column column : table.columns) {
                if (column.notNull() && valueForColumn[table.columnIndex.get(column.name())] < 0) {
                    throw new IllegalArgumentException("rows of " + table.name + " leave the NOT NULL column "
                            + column.name() + " empty");
                }
            }
            idValue = table.serial ? valueForColumn[table.columnIndex.get("id")] : -1;
        }

        void write(Object... values) throws IOException {
            if (values.length != valueCount) {
                throw new IllegalArgumentException(data.table.name + ": " + values.length + " values for "
                        + valueCount + " columns");
            }
            StringBuilder line = data.line;
            line.setLength(0);
            for (int column = 0; column < valueForColumn.length; column++) {
                if (column > 0) {
                    line.append('\t');
                }
                int value = valueForColumn[column];
                CopyText.append(line, value < 0 ? null : shaped(data.table.columns.get(column), values[value]));
            }
            out.append(line).append('\n');
            if (idValue >= 0) {
                data.maxId = Math.max(data.maxId, ((Number) values[idValue]).intValue());
            }
        }
    }

    /** A translatable value as the column holds it: every language in a jsonb column, the source in a text one. */
    private static Object shaped(SchemaLayout.Column column, Object value) {
        if (value instanceof Translated translated) {
            return column.jsonb() ? translated.json() : translated.source();
        }
        if (column.jsonb() && value instanceof String text) {
            return Translated.of(text).json();
        }
        return value;
    }
}
