package org.juniper.upgrade.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;

/** The names a restore creates: Odoo's default for test copies, and names that cannot leave the filestore root. */
class RestoreNamesTest {
    private static final LocalDateTime AT = LocalDateTime.of(2026, 5, 4, 9, 30, 59);

    @Test
    void aTestCopyIsNamedAfterTheDatabaseTheTargetAndTheMinute() {
        assertEquals("acme_test_17.0_2026_05_04_09_30", RestoreNames.copy("acme", "test", "17.0", AT));
        assertEquals("acme_production_17.0_2026_05_04_09_30", RestoreNames.copy("acme", "production", "17.0", AT));
    }

    @Test
    void aReplacedProductionDatabaseIsKeptUnderANameThatSaysWhatItWas() {
        assertEquals("acme_before_17.0_2026_05_04_09_30", RestoreNames.keptOriginal("acme", "17.0", AT));
        assertEquals("acme_restoring", RestoreNames.staging("acme"));
    }

    @Test
    void aLongDatabaseNameIsShortenedSoThatTheSuffixStaysWhole() {
        String name = RestoreNames.copy("a".repeat(70), "test", "17.0", AT);

        assertEquals(RestoreNames.MAX_LENGTH, name.length());
        assertTrue(name.endsWith("_test_17.0_2026_05_04_09_30"), name);
        assertEquals(name, RestoreNames.check(name, "a name"));
    }

    @Test
    void namesThatAreNoPlainFolderNameAreRefused() {
        for (String wrong : new String[] {"", "..", ".hidden", "-v", "a/b", "../acme", "acme test", "acme;drop",
            "é", "a".repeat(64)}) {
            CliFailure e = assertThrows(CliFailure.class, () -> RestoreNames.check(wrong, "the restored database's "
                    + "name"), wrong);
            assertEquals(Exit.USAGE, e.exitCode());
            assertTrue(e.getMessage().contains("letters, digits, '_', '.' or '-'"), e.getMessage());
        }
        assertEquals("acme-2026.copy_1", RestoreNames.check("acme-2026.copy_1", "a name"));
    }
}
