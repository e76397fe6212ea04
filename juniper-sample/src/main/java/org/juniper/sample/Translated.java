package org.juniper.sample;

import java.util.Map;

/**
 * A translatable value: the English source and its translations by language. A 14.0 to 15.0 column holds the
 * source (the translations go to {@code ir_translation}); a jsonb column of 16.0 on holds them all, keyed by language.
 */
record Translated(String source, Map<String, String> translations) {
    static Translated of(String source) {
        return new Translated(source, Map.of());
    }

    /** {@code {"en_US": "...", "fr_FR": "..."}}, English first and the others in the map's order. */
    String json() {
        StringBuilder json = new StringBuilder(source.length() * (1 + translations.size()) + 32);
        json.append("{\"en_US\": ");
        appendString(json, source);
        for (Map.Entry<String, String> translation : translations.entrySet()) {
            json.append(", \"").append(translation.getKey()).append("\": ");
            appendString(json, translation.getValue());
        }
        return json.append('}').toString();
    }

    private static void appendString(StringBuilder json, String text) {
        json.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> json.append("\\\"");
                case '\\' -> json.append("\\\\");
                case '\n' -> json.append("\\n");
                case '\r' -> json.append("\\r");
                case '\t' -> json.append("\\t");
                default -> {
                    if (c < 0x20) {
                        json.append(String.format("\\u%04x", (int) c));
                    } else {
                        json.append(c);
                    }
                }
            }
        }
        json.append('"');
    }
}
