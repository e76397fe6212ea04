package org.juniper.upgrade.archive;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The line that starts a COPY block of a plain dump, {@code COPY [schema.]table [(column, ...)] FROM stdin;}, with
 * its names unquoted. Headers are one line per table, so parsing them costs nothing next to the data; the data lines
 * are never looked at here.
 *
 * @param schema the schema, or null when the dump left the table unqualified (as pg_dump did before 10)
 * @param columns the column list, empty when the header has none
 */
public record CopyHeader(String schema, String table, List<String> columns) {
    private static final String START = "COPY ";
    private static final String END = " FROM stdin;";
    /** Any COPY from standard input, however its names are written: what psql takes as the start of data. */
    private static final Pattern DATA_START = Pattern.compile("COPY .+ FROM stdin;");

    /**
     * Whether a line outside COPY data (with or without its line end) makes psql read the lines after it as data,
     * whether or not {@link #parse} understands its names: what a guard must know.
     */
    public static boolean startsData(String line) {
        return line.startsWith(START) && DATA_START.matcher(withoutLineEnd(line)).matches();
    }

    /** The header {@code line} is (with or without its line end), or empty when it is none pg_dump writes. */
    public static Optional<CopyHeader> parse(String line) {
        if (!line.startsWith(START)) {
            return Optional.empty();
        }
        String text = withoutLineEnd(line);
        if (!text.endsWith(END)) {
            return Optional.empty();
        }
        Names names = new Names(text, START.length(), text.length() - END.length());
        String first = names.identifier();
        if (first == null) {
            return Optional.empty();
        }
        String second = null;
        if (names.skip('.') && (second = names.identifier()) == null) {
            return Optional.empty();
        }
        List<String> columns = new ArrayList<>();
        if (names.skip(' ') && names.skip('(')) {
            do {
                names.skipSpaces();
                String column = names.identifier();
                if (column == null) {
                    return Optional.empty();
                }
                columns.add(column);
            } while (names.skip(','));
            if (!names.skip(')')) {
                return Optional.empty();
            }
        }
        if (!names.atEnd()) {
            return Optional.empty();
        }
        return Optional.of(second == null ? new CopyHeader(null, first, List.copyOf(columns))
                : new CopyHeader(first, second, List.copyOf(columns)));
    }

    /** The table as the platform names tables: unqualified in the public schema, qualified in any other. */
    public String name() {
        return schema == null || schema.equals("public") ? table : schema + "." + table;
    }

    /** The table as SQL, every name quoted, so that it may be written into a statement whatever it is called. */
    public String quotedTable() {
        return (schema == null ? "" : quoted(schema) + ".") + quoted(table);
    }

    /** The header as SQL, every name quoted, with {@code options} (such as {@code WITH (FREEZE)}) after stdin. */
    public String sql(String options) {
        StringBuilder sql = new StringBuilder(START).append(quotedTable()).append(' ');
        if (!columns.isEmpty()) {
            sql.append('(').append(String.join(", ", columns.stream().map(CopyHeader::quoted).toList())).append(") ");
        }
        return sql.append("FROM stdin").append(options.isEmpty() ? "" : " " + options).append(';').toString();
    }

    private static String quoted(String name) {
        return '"' + name.replace("\"", "\"\"") + '"';
    }

    private static String withoutLineEnd(String line) {
        int end = line.length();
        if (end > 0 && line.charAt(end - 1) == '\n') {
            end--;
        }
        if (end > 0 && line.charAt(end - 1) == '\r') {
            end--;
        }
        return end == line.length() ? line : line.substring(0, end);
    }

    /** The names between {@code COPY} and {@code FROM stdin;}, read left to right. */
    private static final class Names {
        private final String text;
        private final int end;
        private int position;

        Names(String text, int start, int end) {
            this.text = text;
            this.position = start;
            this.end = end;
        }

        /** A quoted name ({@code ""} stands for a quote) or an unquoted one; null when there is none. */
        String identifier() {
            if (position < end && text.charAt(position) == '"') {
                StringBuilder name = new StringBuilder();
                for (int i = position + 1; i < end; i++) {
                    char c = text.charAt(i);
                    if (c != '"') {
                        name.append(c);
                    } else if (i + 1 < end && text.charAt(i + 1) == '"') {
                        name.append('"');
                        i++;
                    } else {
                        position = i + 1;
                        return name.length() == 0 ? null : name.toString();
                    }
                }
                return null;
            }
            int start = position;
            while (position < end && " .,()\"".indexOf(text.charAt(position)) < 0) {
                position++;
            }
            return position == start ? null : text.substring(start, position);
        }

        boolean skip(char c) {
            if (position < end && text.charAt(position) == c) {
                position++;
                return true;
            }
            return false;
        }

        void skipSpaces() {
            while (skip(' ')) {
                // spaces between the columns
            }
        }

        boolean atEnd() {
            return position == end;
        }
    }
}
