package org.juniper.sample;

import static java.util.Arrays.asList;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class SqlTextTest {
    @Test
    void splitsStatementsButNotInsideStringsAndDropsComments() {
        String script = "-- header; with a semicolon\nCREATE TABLE public.t (\n    a text -- note\n);\n"
                + "INSERT INTO public.t (a) VALUES ('x; -- not a comment\n''quoted''');\n";
        assertEquals(List.of("CREATE TABLE public.t (\n    a text \n)",
                "INSERT INTO public.t (a) VALUES ('x; -- not a comment\n''quoted''')"), SqlText.statements(script));
    }

    @Test
    void readsLiteralRowsAsCopyInput() {
        assertEquals(List.of(asList("1", "it's", null, "t", "f", "-2.5"), asList("2", "two\nlines", "", "t", "f", "0")),
                SqlText.valueRows(" (1, 'it''s', NULL, true, false, -2.5),\n (2, 'two\nlines', '', TRUE, FALSE, 0)",
                        "test"));
    }

    @Test
    void refusesExpressionsInStandardData() {
        IllegalStateException error = assertThrows(IllegalStateException.class,
                () -> SqlText.valueRows("(1, now())", "base.sql"));
        assertEquals("base.sql: only literal values are allowed in standard data, found: now(", error.getMessage());
    }
}
