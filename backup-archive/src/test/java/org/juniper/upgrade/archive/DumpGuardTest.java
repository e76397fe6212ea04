package org.juniper.upgrade.archive;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.juniper.upgrade.events.FailureReason;
import org.junit.jupiter.api.Test;

class DumpGuardTest {

    @Test
    void aShellEscapeOutsideCopyDataIsRefusedWithItsLine() {
        String dump = "SET statement_timeout = 0;\n\\! touch /tmp/owned\nSELECT 1;\n";

        InvalidBackupException e = assertThrows(InvalidBackupException.class, () -> guard(dump));

        assertEquals(FailureReason.BACKUP_UNSAFE_DUMP, e.reason());
        assertTrue(e.getMessage().contains("line 2"), e.getMessage());
    }

    @Test
    void copyDataMayHoldBackslashLinesAndEndsAtTheTerminator() throws Exception {
        String dump = "COPY public.note (id, body) FROM stdin;\n1\t\\\\! not a command\n\\N\tnull first\n\\.\n"
                + "SELECT 1;\n";

        String out = guard(dump);

        assertTrue(out.startsWith("\\restrict K3y\n"), out);
        assertTrue(out.endsWith(dump), out);
    }

    @Test
    void aMetaCommandAfterCopyDataEndedIsRefused() {
        String dump = "COPY public.note (id) FROM stdin;\n1\n\\.\n\\copy x to program 'sh'\n";

        assertThrows(InvalidBackupException.class, () -> guard(dump));
    }

    @Test
    void pgDumpsOwnRestrictLinesAreDroppedSoOnlyOurKeyCounts() throws Exception {
        String dump = "\\restrict abc123\nSELECT 1;\n\\unrestrict abc123\n";

        String out = guard(dump);

        assertEquals("\\restrict K3y\nSELECT 1;\n", out);
    }

    @Test
    void veryLongLinesStreamThroughUnchanged() throws Exception {
        String longValue = "x".repeat(300_000);
        String dump = "COPY public.ir_attachment (id, db_datas) FROM stdin;\n1\t" + longValue + "\n\\.\nSELECT '"
                + longValue + "';\n";

        String out = guard(dump);

        assertEquals("\\restrict K3y\n" + dump, out);
    }

    @Test
    void aLongLineStartingWithABackslashIsStillRefused() {
        String dump = "\\! " + "x".repeat(100_000) + "\n";

        assertThrows(InvalidBackupException.class, () -> guard(dump));
    }

    @Test
    void aRoutedDumpKeepsCopyDataWithItsCopyAndRefusesMetaCommandsAsACopyDoes() throws Exception {
        String dump = "-- Name: a\nCOPY public.a (id) FROM stdin;\n-- Name: b\n\\.\n-- Name: b\nSELECT 1;\n";
        ByteArrayOutputStream a = new ByteArrayOutputStream();
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        ByteArrayOutputStream[] current = {a};

        DumpGuard.route(new ByteArrayInputStream(dump.getBytes(StandardCharsets.UTF_8)), line -> {
            if (line.startsWith("-- Name: ")) {
                current[0] = line.endsWith("a") ? a : b;
            }
            return current[0];
        });

        assertEquals("-- Name: a\nCOPY public.a (id) FROM stdin;\n-- Name: b\n\\.\n", a.toString(StandardCharsets.UTF_8),
                "a line of COPY data that looks like an entry stays in its COPY");
        assertEquals("-- Name: b\nSELECT 1;\n", b.toString(StandardCharsets.UTF_8));
        assertThrows(InvalidBackupException.class, () -> DumpGuard.route(new ByteArrayInputStream(
                "SELECT 1;\n\\! touch /tmp/owned\n".getBytes(StandardCharsets.UTF_8)), line -> b));
    }

    private static String guard(String dump) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        long read = DumpGuard.copy(new ByteArrayInputStream(dump.getBytes(StandardCharsets.UTF_8)), out, "K3y");
        assertEquals(dump.getBytes(StandardCharsets.UTF_8).length, read);
        return out.toString(StandardCharsets.UTF_8);
    }
}
