package org.juniper.upgrade.archive;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CopyHeaderTest {

    @Test
    void aHeaderAsPgDumpWritesItGivesItsSchemaTableAndColumns() {
        CopyHeader header = CopyHeader.parse("COPY public.res_partner (id, name, \"select\") FROM stdin;\n")
                .orElseThrow();

        assertEquals(new CopyHeader("public", "res_partner", List.of("id", "name", "select")), header);
        assertEquals("res_partner", header.name());
    }

    @Test
    void quotedNamesMayHoldQuotesCommasParenthesesAndDots() {
        CopyHeader header = CopyHeader.parse("COPY \"my schema\".\"Odd \"\"(x, y)\"\" table\" (\"a.b\", \"c, d)\") "
                + "FROM stdin;").orElseThrow();

        assertEquals(new CopyHeader("my schema", "Odd \"(x, y)\" table", List.of("a.b", "c, d)")), header);
        assertEquals("my schema.Odd \"(x, y)\" table", header.name());
        assertEquals("\"my schema\".\"Odd \"\"(x, y)\"\" table\"", header.quotedTable());
    }

    @Test
    void anUnqualifiedTableOrOneWithoutColumnsIsAHeaderToo() {
        assertEquals(Optional.of(new CopyHeader(null, "ir_module_module", List.of("name", "state"))),
                CopyHeader.parse("COPY ir_module_module (name, state) FROM stdin;\r\n"));
        assertEquals(Optional.of(new CopyHeader("public", "empty", List.of())),
                CopyHeader.parse("COPY public.empty FROM stdin;"));
        assertEquals("ir_module_module", CopyHeader.parse("COPY ir_module_module (name) FROM stdin;").orElseThrow()
                .name());
    }

    @Test
    void anythingElseIsNoHeaderPgDumpWrites() {
        assertEquals(Optional.empty(), CopyHeader.parse("COPY public.t (id) TO stdout;"));
        assertEquals(Optional.empty(), CopyHeader.parse("COPY public. (id) FROM stdin;"));
        assertEquals(Optional.empty(), CopyHeader.parse("COPY public.t (id FROM stdin;"));
        assertEquals(Optional.empty(), CopyHeader.parse("COPY public.t (id) extra FROM stdin;"));
        assertEquals(Optional.empty(), CopyHeader.parse("COPY \"unterminated (id) FROM stdin;"));
        assertEquals(Optional.empty(), CopyHeader.parse("SELECT 1;"));
    }

    @Test
    void anyCopyFromStdinStartsDataForTheGuardEvenWhenItsNamesAreNotPgDumps() {
        assertTrue(CopyHeader.startsData("COPY public.t (id) FROM stdin;"));
        assertTrue(CopyHeader.startsData("COPY public.t (id) FROM stdin;\r\n"));
        assertTrue(CopyHeader.startsData("COPY t(id)x FROM stdin;"));
        assertFalse(CopyHeader.startsData("COPY FROM stdin;"));
        assertFalse(CopyHeader.startsData("COPY public.t (id) FROM stdin; -- no"));
        assertFalse(CopyHeader.startsData("copy public.t (id) from stdin;"));
    }

    @Test
    void theHeaderWrittenBackQuotesEveryNameAndTakesOptions() {
        CopyHeader header = CopyHeader.parse("COPY public.note (id, body) FROM stdin;").orElseThrow();

        assertEquals("COPY \"public\".\"note\" (\"id\", \"body\") FROM stdin WITH (FREEZE);",
                header.sql("WITH (FREEZE)"));
        assertEquals("COPY \"public\".\"empty\" FROM stdin;", CopyHeader.parse("COPY public.empty FROM stdin;")
                .orElseThrow().sql(""));
    }
}
