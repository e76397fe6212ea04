package org.juniper.upgrade.archive;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;

class CopyTextTest {
    private static String copy(Object value) {
        StringBuilder out = new StringBuilder();
        CopyText.append(out, value);
        return out.toString();
    }

    @Test
    void escapesTheCharactersThatSeparateOrEndCopyData() {
        assertEquals("a\\\\b\\tc\\nd\\re", copy("a\\b\tc\nd\re"));
        assertEquals("\\b\\f\\v", copy("\b\f\u000b"));
        assertEquals("a\\\\b\\tc\\nd\\re", CopyText.encode("a\\b\tc\nd\re"));
    }

    @Test
    void writesNullAsBackslashN() {
        assertEquals("\\N", copy(null));
        assertEquals("\\\\N", copy("\\N"));
        assertEquals("\\N", CopyText.encode(null));
    }

    @Test
    void writesByteaAsEscapedHex() {
        assertEquals("\\\\x00ff7f", copy(new byte[] {0, (byte) 0xff, 0x7f}));
    }

    @Test
    void writesOtherTypesAsTheirPostgresTextForm() {
        assertEquals("t", copy(true));
        assertEquals("f", copy(false));
        assertEquals("42", copy(42));
        assertEquals("-12.50", copy(BigDecimal.valueOf(-1250, 2)));
        assertEquals("2021-03-05 07:08:09", copy(LocalDateTime.of(2021, 3, 5, 7, 8, 9)));
        assertEquals("2021-03-05", copy(LocalDate.of(2021, 3, 5)));
        assertEquals("Liège – Zürich", copy("Liège – Zürich"));
    }

    @Test
    void refusesTypesWithoutAKnownTextForm() {
        assertThrows(IllegalArgumentException.class, () -> copy(new Object()));
    }

    @Test
    void decodesNullAndEveryEscapeBackToTheValue() {
        assertNull(CopyText.decode("\\N"));
        assertEquals("\\N", CopyText.decode("\\\\N"));
        assertEquals("a\\b\tc\nd\re\b\f\u000b", CopyText.decode("a\\\\b\\tc\\nd\\re\\b\\f\\v"));
        assertEquals("AB\u0007", CopyText.decode("\\x41\\102\\7"), "hex and octal escapes, as COPY reads them");
        assertEquals("x", CopyText.decode("\\x"), "an escape that means nothing is the character itself");
    }

    @Test
    void aFieldWithoutBackslashIsItselfUncopied() {
        String field = "plain text, no escapes";

        assertSame(field, CopyText.decode(field));
    }

    @Test
    void whatIsEncodedDecodesToItself() {
        String value = "C:\\path\twith\nevery\rkind\b\f\u000b of \\N";

        assertEquals(value, CopyText.decode(CopyText.encode(value)));
        assertNull(CopyText.decode(CopyText.encode(null)));
    }
}
