package org.juniper.erp;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Finds what in a script would end or split the transaction it runs in: a statement of transaction control, or a
 * psql meta-command (a backslash outside any literal). Literals, quoted names, comments and dollar-quoted bodies are
 * skipped, so a PL/pgSQL body or a comment may say "commit"; so is the body of a {@code BEGIN ATOMIC} function.
 */
final class TransactionControl {
    private static final Set<String> ALONE = Set.of("COMMIT", "ROLLBACK", "BEGIN", "SAVEPOINT", "RELEASE", "END",
            "ABORT");
    /** Words that are transaction control only when followed by TRANSACTION. */
    private static final Set<String> WITH_TRANSACTION = Set.of("START", "PREPARE");

    private final String sql;
    private int at;
    private int line = 1;

    private TransactionControl(String sql) {
        this.sql = sql;
    }

    /** The first such statement, as {@code COMMIT on line 3}, or empty. */
    static Optional<String> find(String sql) {
        return new TransactionControl(sql).scan();
    }

    private Optional<String> scan() {
        // words of the current statement so far, and the nesting of a BEGIN ATOMIC body (0: outside one)
        int words = 0;
        String first = null;
        String previous = null;
        int atomic = 0;
        while (at < sql.length()) {
            char c = sql.charAt(at);
            if (c == '\n') {
                line++;
                at++;
            } else if (c == '-' && next('-')) {
                while (at < sql.length() && sql.charAt(at) != '\n') {
                    at++;
                }
            } else if (c == '/' && next('*')) {
                skipBlockComment();
            } else if (c == '\'') {
                boolean escapes = at > 0 && (sql.charAt(at - 1) == 'E' || sql.charAt(at - 1) == 'e')
                        && (at < 2 || !isWordChar(sql.charAt(at - 2)));
                skipQuoted('\'', escapes);
            } else if (c == '"') {
                skipQuoted('"', false);
            } else if (c == '$' && (at == 0 || !isWordChar(sql.charAt(at - 1))) && dollarTag() != null) {
                skipDollarQuoted(dollarTag());
            } else if (c == '\\') {
                int end = at + 1;
                while (end < sql.length() && !Character.isWhitespace(sql.charAt(end))) {
                    end++;
                }
                return Optional.of("the psql meta-command '" + sql.substring(at, Math.min(end, at + 20))
                        + "' on line " + line);
            } else if (c == ';' && atomic == 0) {
                words = 0;
                first = null;
                previous = null;
                at++;
            } else if (Character.isLetter(c) || c == '_') {
                int start = at;
                while (at < sql.length() && isWordChar(sql.charAt(at))) {
                    at++;
                }
                String word = sql.substring(start, at).toUpperCase(Locale.ROOT);
                words++;
                if (atomic > 0) {
                    atomic += word.equals("BEGIN") || word.equals("CASE") ? 1 : word.equals("END") ? -1 : 0;
                } else if (words == 1) {
                    first = word;
                    if (ALONE.contains(word)) {
                        return Optional.of(word + " on line " + line);
                    }
                } else if (words == 2 && WITH_TRANSACTION.contains(first) && word.equals("TRANSACTION")) {
                    return Optional.of(first + " TRANSACTION on line " + line);
                } else if ("CREATE".equals(first) && "BEGIN".equals(previous) && word.equals("ATOMIC")) {
                    atomic = 1;
                }
                previous = word;
            } else {
                at++;
            }
        }
        return Optional.empty();
    }

    private boolean next(char c) {
        return at + 1 < sql.length() && sql.charAt(at + 1) == c;
    }

    private void skipBlockComment() {
        int depth = 0;
        while (at < sql.length()) {
            if (sql.startsWith("/*", at)) {
                depth++;
                at += 2;
            } else if (sql.startsWith("*/", at)) {
                at += 2;
                if (--depth == 0) {
                    return;
                }
            } else {
                countLine();
            }
        }
    }

    private void skipQuoted(char quote, boolean backslashEscapes) {
        at++;
        while (at < sql.length()) {
            char c = sql.charAt(at);
            if (backslashEscapes && c == '\\') {
                at += 2;
            } else if (c == quote) {
                at++;
                if (at < sql.length() && sql.charAt(at) == quote) {
                    at++;
                } else {
                    return;
                }
            } else {
                countLine();
            }
        }
    }

    /** The {@code $tag$} that starts here, or null when the dollar sign starts none (a parameter such as $1). */
    private String dollarTag() {
        int end = at + 1;
        while (end < sql.length() && (Character.isLetter(sql.charAt(end)) || sql.charAt(end) == '_'
                || (end > at + 1 && Character.isDigit(sql.charAt(end))))) {
            end++;
        }
        return end < sql.length() && sql.charAt(end) == '$' ? sql.substring(at, end + 1) : null;
    }

    private void skipDollarQuoted(String tag) {
        at += tag.length();
        while (at < sql.length() && !sql.startsWith(tag, at)) {
            countLine();
        }
        at += tag.length();
    }

    private void countLine() {
        if (sql.charAt(at) == '\n') {
            line++;
        }
        at++;
    }

    private static boolean isWordChar(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == '$';
    }
}
