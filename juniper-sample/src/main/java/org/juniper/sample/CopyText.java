package org.juniper.sample;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;

/** Values in the text format of {@code COPY ... FROM stdin}, as pg_dump writes them. */
final class CopyText {
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private CopyText() {
    }

    /** Appends one value: {@code \N} for null, backslash escapes for the characters COPY gives a meaning. */
    static void append(StringBuilder out, Object value) {
        if (value == null) {
            out.append("\\N");
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

    static void appendEscaped(StringBuilder out, String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
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
