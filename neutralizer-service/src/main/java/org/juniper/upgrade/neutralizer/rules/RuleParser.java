package org.juniper.upgrade.neutralizer.rules;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a rule's statement in the declarative subset of SQL the pack's neutralization files are written in, and
 * refuses anything else, so that every rule can be applied to a dump as it streams:
 * <pre>
 * UPDATE t SET c = value, ... [WHERE term AND ...];
 * DELETE FROM t [WHERE term AND ...];
 * INSERT INTO t (c, ...) VALUES (value, ...) [ON CONFLICT (c) DO UPDATE SET c = value, ...];
 * INSERT INTO t (c, ...) SELECT value-or-column, ... FROM t [WHERE term AND ...];
 * </pre>
 * A value is NULL, true, false, a number, a string ('...' or E'...'), {@code now() AT TIME ZONE 'UTC'},
 * {@code gen_random_uuid()::text} or {@code jsonb_build_object('k', 'v', ...)}. A term is {@code c}, {@code c = lit},
 * {@code c <> lit}, {@code c IS [NOT] NULL}, {@code c [NOT] IN (lit, ...)} or
 * {@code c [NOT] IN (SELECT c2 FROM other_table [WHERE term AND ...])}.
 */
public final class RuleParser {
    private record Token(Kind kind, String text) {
    }

    private enum Kind { WORD, IDENT, STRING, NUMBER, SYMBOL, END }

    private final List<Token> tokens;
    private int at;

    private RuleParser(String sql) {
        this.tokens = tokenize(sql);
    }

    /** @throws IllegalArgumentException naming what is outside the subset */
    public static TableRule parse(String sql) {
        RuleParser parser = new RuleParser(sql);
        TableRule rule = parser.statement();
        parser.accept(";");
        if (parser.peek().kind != Kind.END) {
            throw parser.error("one statement");
        }
        return rule;
    }

    private TableRule statement() {
        if (acceptWord("update")) {
            String table = name();
            expectWord("set");
            Map<String, Value> set = assignments();
            return new TableRule.Update(table, set, where(table));
        }
        if (acceptWord("delete")) {
            expectWord("from");
            String table = name();
            return new TableRule.Delete(table, where(table));
        }
        expectWord("insert");
        expectWord("into");
        String table = name();
        expect("(");
        List<String> columns = new ArrayList<>();
        do {
            columns.add(name());
        } while (accept(","));
        expect(")");
        if (acceptWord("select")) {
            List<Value> values = values(true);
            expectWord("from");
            String source = name();
            if (!source.equals(table)) {
                throw error("INSERT ... SELECT from the same table (" + table + ")");
            }
            return new TableRule.InsertSelect(table, zip(columns, values), where(table));
        }
        expectWord("values");
        expect("(");
        List<Value> values = values(false);
        expect(")");
        String conflictKey = null;
        Map<String, Value> onConflict = Map.of();
        if (acceptWord("on")) {
            expectWord("conflict");
            expect("(");
            conflictKey = name();
            expect(")");
            expectWord("do");
            expectWord("update");
            expectWord("set");
            onConflict = assignments();
        }
        return new TableRule.Insert(table, zip(columns, values), conflictKey, onConflict);
    }

    private Map<String, Value> zip(List<String> columns, List<Value> values) {
        if (columns.size() != values.size()) {
            throw error(columns.size() + " values for " + columns);
        }
        Map<String, Value> zipped = new LinkedHashMap<>();
        for (int i = 0; i < columns.size(); i++) {
            if (zipped.put(columns.get(i), values.get(i)) != null) {
                throw error("each column once");
            }
        }
        return zipped;
    }

    private Map<String, Value> assignments() {
        Map<String, Value> set = new LinkedHashMap<>();
        do {
            String column = name();
            expect("=");
            if (set.put(column, value(false)) != null) {
                throw error("each column once");
            }
        } while (accept(","));
        return set;
    }

    private List<Value> values(boolean columnsAllowed) {
        List<Value> values = new ArrayList<>();
        do {
            values.add(value(columnsAllowed));
        } while (accept(","));
        return values;
    }

    private Value value(boolean columnsAllowed) {
        Token token = peek();
        if (token.kind == Kind.WORD && token.text.equals("now")) {
            at++;
            expect("(");
            expect(")");
            expectWord("at");
            expectWord("time");
            expectWord("zone");
            if (!literal().text().equals("UTC")) {
                throw error("now() AT TIME ZONE 'UTC'");
            }
            return new Value.Now();
        }
        if (token.kind == Kind.WORD && token.text.equals("gen_random_uuid")) {
            at++;
            expect("(");
            expect(")");
            expect("::");
            expectWord("text");
            return new Value.NewUuid();
        }
        if (token.kind == Kind.WORD && token.text.equals("jsonb_build_object")) {
            at++;
            expect("(");
            List<String> keysAndValues = new ArrayList<>();
            do {
                Value.Literal literal = literal();
                if (literal.text() == null || !literal.sql().endsWith("'")) {
                    throw error("string keys and values in jsonb_build_object");
                }
                keysAndValues.add(literal.text());
            } while (accept(","));
            expect(")");
            if (keysAndValues.size() % 2 != 0) {
                throw error("pairs of keys and values in jsonb_build_object");
            }
            return new Value.JsonObject(List.copyOf(keysAndValues));
        }
        if (columnsAllowed && (token.kind == Kind.IDENT || token.kind == Kind.WORD && !isLiteralWord(token))) {
            return new Value.Column(name());
        }
        return literal();
    }

    private static boolean isLiteralWord(Token token) {
        return token.text.equals("null") || token.text.equals("true") || token.text.equals("false");
    }

    private Value.Literal literal() {
        Token token = next();
        if (token.kind == Kind.STRING) {
            return Value.Literal.string(token.text);
        }
        if (token.kind == Kind.NUMBER) {
            return Value.Literal.number(token.text);
        }
        if (token.kind == Kind.WORD) {
            switch (token.text) {
                case "null":
                    return Value.Literal.NULL;
                case "true":
                    return Value.Literal.TRUE;
                case "false":
                    return Value.Literal.FALSE;
                default:
                    break;
            }
        }
        at--;
        throw error("a literal");
    }

    private List<Condition> where(String table) {
        if (!acceptWord("where")) {
            return List.of();
        }
        List<Condition> terms = new ArrayList<>();
        do {
            terms.add(term(table));
        } while (acceptWord("and"));
        return List.copyOf(terms);
    }

    private Condition term(String table) {
        String column = name();
        if (accept("=")) {
            return new Condition.Compare(column, true, literal());
        }
        if (accept("<>") || accept("!=")) {
            return new Condition.Compare(column, false, literal());
        }
        if (acceptWord("is")) {
            boolean negated = acceptWord("not");
            expectWord("null");
            return new Condition.IsNull(column, negated);
        }
        boolean negated = acceptWord("not");
        if (acceptWord("in")) {
            expect("(");
            if (acceptWord("select")) {
                String selected = name();
                expectWord("from");
                String other = name();
                if (other.equals(table)) {
                    throw error("a lookup in another table than " + table);
                }
                Condition.InLookup lookup = new Condition.InLookup(column, negated,
                        new Lookup(other, selected, where(other)));
                expect(")");
                return lookup;
            }
            List<Value.Literal> literals = new ArrayList<>();
            do {
                literals.add(literal());
            } while (accept(","));
            expect(")");
            return new Condition.InList(column, negated, List.copyOf(literals));
        }
        if (negated) {
            throw error("IN after NOT");
        }
        return new Condition.IsTrue(column);
    }

    private String name() {
        Token token = next();
        if (token.kind == Kind.IDENT || token.kind == Kind.WORD) {
            return token.text;
        }
        at--;
        throw error("a name");
    }

    private boolean acceptWord(String word) {
        if (peek().kind == Kind.WORD && peek().text.equals(word)) {
            at++;
            return true;
        }
        return false;
    }

    private void expectWord(String word) {
        if (!acceptWord(word)) {
            throw error(word.toUpperCase());
        }
    }

    private boolean accept(String symbol) {
        if (peek().kind == Kind.SYMBOL && peek().text.equals(symbol)) {
            at++;
            return true;
        }
        return false;
    }

    private void expect(String symbol) {
        if (!accept(symbol)) {
            throw error("'" + symbol + "'");
        }
    }

    private Token peek() {
        return tokens.get(at);
    }

    private Token next() {
        return tokens.get(at++);
    }

    private IllegalArgumentException error(String expected) {
        Token token = peek();
        return new IllegalArgumentException("expected " + expected + " but found "
                + (token.kind == Kind.END ? "the end" : "'" + token.text + "'") + " (token " + (at + 1) + ")");
    }

    private static List<Token> tokenize(String sql) {
        List<Token> tokens = new ArrayList<>();
        int i = 0;
        while (i < sql.length()) {
            char c = sql.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '-' && sql.startsWith("--", i)) {
                while (i < sql.length() && sql.charAt(i) != '\n') {
                    i++;
                }
            } else if ((c == 'E' || c == 'e') && i + 1 < sql.length() && sql.charAt(i + 1) == '\'') {
                i = string(sql, i + 1, true, tokens);
            } else if (c == '\'') {
                i = string(sql, i, false, tokens);
            } else if (c == '"') {
                int end = sql.indexOf('"', i + 1);
                if (end < 0) {
                    throw new IllegalArgumentException("unterminated quoted name");
                }
                tokens.add(new Token(Kind.IDENT, sql.substring(i + 1, end)));
                i = end + 1;
            } else if (Character.isLetter(c) || c == '_') {
                int end = i;
                while (end < sql.length() && (Character.isLetterOrDigit(sql.charAt(end)) || sql.charAt(end) == '_')) {
                    end++;
                }
                tokens.add(new Token(Kind.WORD, sql.substring(i, end).toLowerCase(java.util.Locale.ROOT)));
                i = end;
            } else if (Character.isDigit(c) || c == '-' && i + 1 < sql.length()
                    && Character.isDigit(sql.charAt(i + 1))) {
                int end = i + 1;
                while (end < sql.length() && (Character.isDigit(sql.charAt(end)) || sql.charAt(end) == '.')) {
                    end++;
                }
                tokens.add(new Token(Kind.NUMBER, sql.substring(i, end)));
                i = end;
            } else if (sql.startsWith("<>", i) || sql.startsWith("!=", i) || sql.startsWith("::", i)) {
                tokens.add(new Token(Kind.SYMBOL, sql.substring(i, i + 2)));
                i += 2;
            } else if ("(),=;".indexOf(c) >= 0) {
                tokens.add(new Token(Kind.SYMBOL, String.valueOf(c)));
                i++;
            } else {
                throw new IllegalArgumentException("unexpected '" + c + "' at character " + (i + 1));
            }
        }
        tokens.add(new Token(Kind.END, ""));
        return tokens;
    }

    private static int string(String sql, int quote, boolean escapes, List<Token> tokens) {
        StringBuilder text = new StringBuilder();
        int i = quote + 1;
        while (true) {
            if (i >= sql.length()) {
                throw new IllegalArgumentException("unterminated string");
            }
            char c = sql.charAt(i);
            if (c == '\'') {
                if (i + 1 < sql.length() && sql.charAt(i + 1) == '\'') {
                    text.append('\'');
                    i += 2;
                    continue;
                }
                tokens.add(new Token(Kind.STRING, text.toString()));
                return i + 1;
            }
            if (escapes && c == '\\' && i + 1 < sql.length()) {
                char e = sql.charAt(i + 1);
                text.append(switch (e) {
                    case 'n' -> '\n';
                    case 't' -> '\t';
                    case 'r' -> '\r';
                    default -> e;
                });
                i += 2;
                continue;
            }
            text.append(c);
            i++;
        }
    }
}
