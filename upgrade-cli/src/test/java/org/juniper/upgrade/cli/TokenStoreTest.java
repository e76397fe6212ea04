package org.juniper.upgrade.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import java.util.UUID;
import org.juniper.upgrade.client.Token;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The token is what resumes a request: it must survive the process, and only its owner may read it. */
class TokenStoreTest {
    @TempDir
    Path data;

    @Test
    void aTokenIsTheRequestIdAndItsSecretJoinedByAColon() {
        UUID id = UUID.fromString("6f1c2a7e-0b1d-4c5e-9f3a-2b4c6d8e0f12");
        Token token = new Token(id, "k7Qx9");

        assertEquals("6f1c2a7e-0b1d-4c5e-9f3a-2b4c6d8e0f12:k7Qx9", token.toString());
        assertEquals(token, Token.parse(token.toString()));
        assertEquals(token, Token.parse("  " + token + "\n"), "pasted with blanks around it");
    }

    @Test
    void malformedTokensAreRefusedWithWhatATokenLooksLike() {
        for (String wrong : new String[] {"", "abc", "not-a-uuid:secret", UUID.randomUUID() + ":",
            UUID.randomUUID() + ":two words"}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Token.parse(wrong),
                    wrong);
            assertTrue(e.getMessage().contains("expected <request id>:<secret>") || e.getMessage().contains(
                    "one word"), e.getMessage());
        }
    }

    @Test
    void aSavedRequestIsReadBackByItsDatabaseUntilItIsForgotten() {
        StateStore store = new StateStore(data.resolve("juniper-upgrade"));
        StateStore.Saved saved = new StateStore.Saved(UUID.randomUUID() + ":secret", "http://127.0.0.1:15401/",
                "acme", "test", "17.0", "/tmp/backup.zip", "ab12", 2048, "2026-05-04T09:30:00Z");

        assertEquals(Optional.empty(), store.load("acme"));
        store.save(saved);

        assertEquals(Optional.of(saved), new StateStore(data.resolve("juniper-upgrade")).load("acme"),
                "a new process reads it");
        assertEquals(data.resolve("juniper-upgrade").resolve("acme.json"), store.fileOf("acme"));
        assertEquals(Optional.empty(), store.load("other"));
        store.forget("acme");
        assertEquals(Optional.empty(), store.load("acme"));
    }

    @Test
    void aSecondRunForTheSameDatabaseIsRefusedUntilTheFirstEnds() {
        StateStore store = new StateStore(data.resolve("juniper-upgrade"));

        try (StateStore.Lock first = store.lock("acme")) {
            CliFailure busy = assertThrows(CliFailure.class, () -> store.lock("acme"));
            assertEquals(Exit.BUSY, busy.exitCode());
            assertTrue(busy.getMessage().contains("another run for 'acme' is under way"), busy.getMessage());
            store.lock("other").close();
        }
        store.lock("acme").close();
    }

    @Test
    void theSavedTokenIsReadableByItsOwnerOnly() throws Exception {
        StateStore store = new StateStore(data.resolve("juniper-upgrade"));
        store.save(new StateStore.Saved(UUID.randomUUID() + ":secret", "http://127.0.0.1:15401/", "acme", "test",
                "17.0", null, null, 0, "2026-05-04T09:30:00Z"));

        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(store.fileOf(
                "acme"))));
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(data.resolve(
                "juniper-upgrade"))));
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(store.workDir(
                "acme"))));
        try (var left = Files.list(data.resolve("juniper-upgrade"))) {
            assertFalse(left.anyMatch(p -> p.toString().endsWith(".tmp")), "no temporary file is left");
        }
    }
}
