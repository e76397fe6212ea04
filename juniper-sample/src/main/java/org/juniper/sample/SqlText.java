package org.juniper.sample;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Just enough SQL lexing for the pack's schema files: splitting them into statements and reading the literal
 * values of their INSERT statements. The files keep to plain single-quoted strings (no E'' strings, no dollar
 * quoting), which is what makes this small.
 */
final class SqlText {
    private SqlText() {
    }

    /** The statements of a script without their {@code ;} and without comment lines. */
    static List<String> statements(String script) {
        List<String> statements = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean inString = false;
        for (int i = 0; i < script.length(); i++) {
            char c = script.charAt(i);
            if (inString) {
                current.append(c);
                if (c == '\'') {
                    inString = false;
                }
            } else if (c == '\'') {
                inString = true;
                current.append(c);
            } else if (c == '-' && i + 1 < script.length() && script.charAt(i + 1) == '-') {
                int end = script.indexOf('\n', i);
                i = end < 0 ? script.length() : end - 1; // keeps the line break, which separates tokens
            } else if (c == ';') {
                addStatement(statements, current);
            } else {
                current.append(c);
            }
        }
        addStatement(statements, current);
        return statements;
    }

    private static void addStatement(List<String> statements, StringBuilder current) {
        String statement = current.toString().strip();
        if (!statement.isEmpty()) {
            statements.add(statement);
        }
        current.setLength(0);
    }

    /**
     * The rows of an INSERT's {@code VALUES} list as COPY input text: strings unquoted, {@code true}/{@code false}
     * as {@code t}/{@code f}, numbers as written, {@code NULL} as Java null.
     */
    static List<List<String>> valueRows(String values, String context) {
        List<List<String>> rows = new ArrayList<>();
        List<String> row = null;
        int i = 0;
        while (i < values.length()) {
            char c = values.charAt(i);
            if (Character.isWhitespace(c) || c == ',') {
                i++;
            } else if (c == '(' && row == null) {
                row = new ArrayList<>();
                i++;
            } else if (c == ')' && row != null) {
                rows.add(row);
                row = null;
                i++;
            } else if (row == null) {
                throw new IllegalStateException(context + ": expected '(' in VALUES at: " + excerpt(values, i));
            } else if (c == '\'') {
                StringBuilder text = new StringBuilder();
                i++;
                while (true) {
                    if (i >= values.length()) {
                        throw new IllegalStateException(context + ": unterminated string in VALUES");
                    }
                    char s = values.charAt(i++);
                    if (s == '\'') {
                        if (i < values.length() && values.charAt(i) == '\'') {
                            text.append('\'');
                            i++;
                        } else {
                            break;
                        }
                    } else {
                        text.append(s);
                    }
                }
                row.add(text.toString());
            } else {
                int end = i;
                while (end < values.length() && values.charAt(end) != ',' && values.charAt(end) != ')'
                        && !Character.isWhitespace(values.charAt(end))) {
                    end++;
                }
                row.add(bareLiteral(values.substring(i, end), context));
                i = end;
            }
        }
        if (row != null) {
            throw new IllegalStateException(context + ": unterminated row in VALUES");
        }
        return rows;
    }

    private static String bareLiteral(String token, String context) {
        switch (token.toLowerCase(Locale.ROOT)) {
            case "null":
                return null;
            case "true":
                return "t";
            case "false":
                return "f";
            default:
                if (token.matches("-?[0-9]+(\\.[0-9]+)?([eE]-?[0-9]+)?")) {
                    return token;
                }
                throw new IllegalStateException(context + ": only literal values are allowed in standard data, "
                        + "found: " + token);
        }
    }

    private static String excerpt(String text, int from) {
        return text.substring(from, Math.min(text.length(), from + 40));
    }
}
