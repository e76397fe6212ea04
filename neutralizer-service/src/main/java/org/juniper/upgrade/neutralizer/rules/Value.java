package org.juniper.upgrade.neutralizer.rules;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.UUID;

/** What a rule writes into a column: printed as SQL by the preview, produced as a field value by the rewrite. */
public sealed interface Value {
    String sql();

    /** The value for a row ({@code source} is the row an INSERT ... SELECT reads), null for NULL. */
    String produce(Row source);

    /** True when each application gives a new value, so that a check cannot expect a fixed one. */
    default boolean volatileValue() {
        return false;
    }

    /** NULL, a boolean, a number or a string, held as COPY text would carry it. */
    record Literal(String sql, String text) implements Value {
        public static final Literal NULL = new Literal("NULL", null);
        public static final Literal TRUE = new Literal("true", "t");
        public static final Literal FALSE = new Literal("false", "f");

        public static Literal number(String digits) {
            return new Literal(digits, digits);
        }

        public static Literal string(String text) {
            return new Literal(quote(text), text);
        }

        @Override
        public String produce(Row source) {
            return text;
        }
    }

    /** {@code now() AT TIME ZONE 'UTC'}: the moment of neutralization, as a timestamp without time zone. */
    record Now() implements Value {
        private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSS");

        @Override
        public String sql() {
            return "now() AT TIME ZONE 'UTC'";
        }

        @Override
        public String produce(Row source) {
            return FORMAT.format(LocalDateTime.now(ZoneOffset.UTC));
        }

        @Override
        public boolean volatileValue() {
            return true;
        }
    }

    /** {@code gen_random_uuid()::text}. */
    record NewUuid() implements Value {
        @Override
        public String sql() {
            return "gen_random_uuid()::text";
        }

        @Override
        public String produce(Row source) {
            return UUID.randomUUID().toString();
        }

        @Override
        public boolean volatileValue() {
            return true;
        }
    }

    /** {@code jsonb_build_object('k', 'v', ...)} of string keys and values, as translated columns hold them. */
    record JsonObject(List<String> keysAndValues) implements Value {
        @Override
        public String sql() {
            StringBuilder sql = new StringBuilder("jsonb_build_object(");
            for (int i = 0; i < keysAndValues.size(); i++) {
                sql.append(i == 0 ? "" : ", ").append(quote(keysAndValues.get(i)));
            }
            return sql.append(')').toString();
        }

        @Override
        public String produce(Row source) {
            StringBuilder json = new StringBuilder("{");
            for (int i = 0; i < keysAndValues.size(); i += 2) {
                json.append(i == 0 ? "" : ", ").append(jsonString(keysAndValues.get(i))).append(": ")
                        .append(jsonString(keysAndValues.get(i + 1)));
            }
            return json.append('}').toString();
        }

        private static String jsonString(String text) {
            StringBuilder out = new StringBuilder("\"");
            for (char c : text.toCharArray()) {
                if (c == '"' || c == '\\') {
                    out.append('\\').append(c);
                } else if (c < 0x20) {
                    out.append(String.format("\\u%04x", (int) c));
                } else {
                    out.append(c);
                }
            }
            return out.append('"').toString();
        }
    }

    /** A column of the row an INSERT ... SELECT reads. */
    record Column(String name) implements Value {
        @Override
        public String sql() {
            return Identifiers.sql(name);
        }

        @Override
        public String produce(Row source) {
            return source.get(name);
        }
    }

    /** A SQL string literal: plain, or E'...' when it holds characters only an escape can show. */
    static String quote(String text) {
        boolean escape = text.chars().anyMatch(c -> c < 0x20 || c == '\\');
        StringBuilder out = new StringBuilder(escape ? "E'" : "'");
        for (char c : text.toCharArray()) {
            if (c == '\'') {
                out.append("''");
            } else if (escape && c == '\\') {
                out.append("\\\\");
            } else if (escape && c == '\n') {
                out.append("\\n");
            } else if (escape && c == '\t') {
                out.append("\\t");
            } else if (escape && c == '\r') {
                out.append("\\r");
            } else {
                out.append(c);
            }
        }
        return out.append('\'').toString();
    }
}
