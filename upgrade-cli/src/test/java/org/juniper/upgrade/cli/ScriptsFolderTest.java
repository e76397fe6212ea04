package org.juniper.upgrade.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.juniper.erp.JuniperPack;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** --scripts: the folder is zipped as the platform takes it, and a folder it would refuse never leaves. */
class ScriptsFolderTest {
    private static final JuniperPack PACK = JuniperPack.load();

    @TempDir
    Path folder;

    @Test
    void theFolderIsZippedByPathUnderItInNameOrderWithoutDotFiles() throws IOException {
        write("16.0/customer_loyalty/post-10-rename-card-number.sql", "ALTER TABLE x RENAME a TO b;");
        write("0.0.0/customer_loyalty/end-10-record-hop.sql", "SELECT 1;");
        write(".git/config", "[core]");
        write("16.0/customer_loyalty/.post-10-rename-card-number.sql.swp", "editor");

        ScriptsFolder.Packed packed = ScriptsFolder.pack(folder, PACK);

        assertEquals(List.of("0.0.0/customer_loyalty/end-10-record-hop.sql",
                "16.0/customer_loyalty/post-10-rename-card-number.sql"), entries(packed.zip()));
        assertEquals(List.of("customer_loyalty"), packed.scripts().modules());
        assertEquals("2 upgrade script(s) for customer_loyalty", packed.describe());
    }

    @Test
    void aFolderThePlatformWouldRefuseEndsTheRunWithEveryProblemAndSendsNothing() throws IOException {
        write("customer_loyalty/post-10-a.sql", "SELECT 1;");
        write("13.0/customer_loyalty/post-10-a.sql", "SELECT 1;");
        write("16.0/customer_loyalty/end-10-empty.sql", "-- nothing yet\n");

        CliFailure refused = assertThrows(CliFailure.class, () -> ScriptsFolder.pack(folder, PACK));

        assertEquals(Exit.REFUSED, refused.exitCode());
        String message = refused.getMessage();
        assertTrue(message.startsWith("the scripts in " + folder + " would be refused by the platform:"), message);
        assertTrue(message.contains("SCRIPTS:INVALID 'customer_loyalty/post-10-a.sql' is not where a script goes"),
                message);
        assertTrue(message.contains("expected: <version>/<module>/{pre,post,end}-NN-name.sql"), message);
        assertTrue(message.contains("'13.0/customer_loyalty/post-10-a.sql' is a script of version 13.0"), message);
        assertTrue(message.contains("'16.0/customer_loyalty/end-10-empty.sql' holds no SQL"), message);
        assertTrue(message.endsWith("The scripts were not sent."), message);
    }

    @Test
    void anEmptyFolderIsRefusedAndAMissingOneIsAWrongArgument() throws IOException {
        Files.createDirectories(folder.resolve(".git"));
        CliFailure empty = assertThrows(CliFailure.class, () -> ScriptsFolder.pack(folder, PACK));
        assertEquals(Exit.REFUSED, empty.exitCode());
        assertTrue(empty.getMessage().contains("the zip holds no script"), empty.getMessage());

        Path file = write("16.0/customer_loyalty/post-10-a.sql", "SELECT 1;");
        for (Path notAFolder : List.of(folder.resolve("missing"), file)) {
            CliFailure wrong = assertThrows(CliFailure.class, () -> ScriptsFolder.pack(notAFolder, PACK));
            assertEquals(Exit.USAGE, wrong.exitCode());
            assertTrue(wrong.getMessage().contains("--scripts " + notAFolder + " is not a folder"),
                    wrong.getMessage());
        }
    }

    @Test
    void scriptsOfVersionsTheUpgradeDoesNotGoThroughAreRefusedOnceTheSourceIsKnown() throws IOException {
        write("16.0/customer_loyalty/post-10-a.sql", "SELECT 1;");
        ScriptsFolder.Packed packed = ScriptsFolder.pack(folder, PACK);

        ScriptsFolder.requireWithin(packed, PACK, "15.0", "17.0");
        CliFailure outside = assertThrows(CliFailure.class, () -> ScriptsFolder.requireWithin(packed, PACK, "16.0",
                "18.0"));

        assertEquals(Exit.REFUSED, outside.exitCode());
        assertTrue(outside.getMessage().contains("SCRIPTS:OUTSIDE_HOPS '16.0/customer_loyalty/post-10-a.sql' is a "
                + "script of 16.0, which this upgrade does not go through (it goes through 17.0, 18.0)"),
                outside.getMessage());
    }

    private Path write(String path, String content) throws IOException {
        Path file = folder.resolve(path);
        Files.createDirectories(file.getParent());
        return Files.writeString(file, content);
    }

    private static List<String> entries(byte[] zip) throws IOException {
        List<String> names = new ArrayList<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip), StandardCharsets.UTF_8)) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                names.add(entry.getName());
            }
        }
        return names;
    }
}
