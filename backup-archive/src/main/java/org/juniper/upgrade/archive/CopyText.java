package org.juniper.upgrade.archive;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;

/**
 * The fields of COPY's text format, as pg_dump writes them: {@code \N} is NULL, and backslash escapes carry tabs,
 * line ends and backslashes. A field without a backslash decodes to itself, with nothing copied.
 */
public final class CopyText {
    public static final String NULL = "\\N";
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private CopyText() {
    }

    /** The value a field carries, or null for NULL. */
    public static String decode(String field) {
        if (field.equals(NULL)) {
            return null;
        }
        if (field.indexOf('\\') < 0) {
            return field;
        }
        StringBuilder out = new StringBuilder(field.length());
        for (int i = 0; i < field.length(); i++) {
            char c = field.charAt(i);
            if (c != '\\' || i + 1 == field.length()) {
                out.append(c);
                continue;
            }
            char e = field.charAt(++i);
            switch (e) {
                case 'b' -> out.append('\b');
                case 'f' -> out.append('\f');
                case 'n' -> out.append('\n');
                case 'r' -> out.append('\r');
                case 't' -> out.append('\t');
                case 'v' -> out.append('\u000b');
                case 'x' -> {
                    int end = i + 1;
                    while (end < field.length() && end < i + 3 && Character.digit(field.charAt(end), 16) >= 0) {
                        end++;
                    }
                    // without a hex digit, as COPY reads it, the x is itself
                    out.append(end == i + 1 ? 'x' : (char) Integer.parseInt(field.substring(i + 1, end), 16));
                    i = end - 1;
                }
                default -> {
                    if (e >= '0' && e <= '7') {
                        int end = i;
                        while (end < field.length() && end < i + 3 && field.charAt(end) >= '0'
                                && field.charAt(end) <= '7') {
                            end++;
                        }
                        out.append((char) Integer.parseInt(field.substring(i, end), 8));
                        i = end - 1;
                    } else {
                        out.append(e);
                    }
                }
            }
        }
        return out.toString();
    }

    /** The field that carries {@code value} (null for NULL). */
    public static String encode(String value) {
        if (value == null) {
            return NULL;
        }
        StringBuilder out = new StringBuilder(value.length() + 8);
        appendEscaped(out, value);
        return out.toString();
    }

    /**
     * Appends the field of one value in PostgreSQL's text form: {@code \N} for null, strings escaped, booleans as
     * {@code t}/{@code f}, bytea as escaped hex, timestamps to the second.
     *
     * @throws IllegalArgumentException for a type without a known text form
     */
    public static void append(StringBuilder out, Object value) {
        if (value == null) {
            out.append(NULL);
        } else if (value instanceof String text) {
            appendEscaped(out, text);
        } else if (value instanceof Boolean flag) {
            out.append(flag ? 't' : 'f');
        } else if (value instanceof Integer || value instanceof Long) {
            out.append(value);
        } else if (value instanceof BigDecimal decimal) {
            out.append(decimal.toPlainString());
        } else if (value instanceof Double number) {
            out.append(number.doubleValue());
        } else if (value instanceof byte[] bytes) {
            // bytea's text form is \x<hex>; the backslash itself is escaped in COPY data
            out.append("\\\\x");
            for (byte b : bytes) {
                out.append(HEX[(b >> 4) & 0xf]).append(HEX[b & 0xf]);
            }
        } else if (value instanceof LocalDateTime time) {
            appendTimestamp(out, time);
        } else if (value instanceof LocalDate date) {
            out.append(date);
        } else {
            throw new IllegalArgumentException("no COPY text form for " + value.getClass().getName());
        }
    }

    private static void appendEscaped(StringBuilder out, String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\u000b' -> out.append("\\v");
                default -> out.append(c);
            }
        }
    }

    private static void appendTimestamp(StringBuilder out, LocalDateTime time) {
        out.append(time.toLocalDate()).append(' ');
        pad2(out, time.getHour());
        out.append(':');
        pad2(out, time.getMinute());
        out.append(':');
        pad2(out, time.getSecond());
    }

    private static void pad2(StringBuilder out, int value) {
        if (value < 10) {
            out.append('0');
        }
        out.append(value);
    }
}
