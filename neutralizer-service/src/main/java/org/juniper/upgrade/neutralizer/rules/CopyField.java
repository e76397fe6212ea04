package org.juniper.upgrade.neutralizer.rules;

/** One field of a COPY text row: {@code \N} is NULL, and backslash escapes carry tabs, newlines and backslashes. */
public final class CopyField {
    public static final String NULL = "\\N";

    private CopyField() {
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
                    out.append((char) Integer.parseInt(field.substring(i + 1, end), 16));
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
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
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
        return out.toString();
    }
}
