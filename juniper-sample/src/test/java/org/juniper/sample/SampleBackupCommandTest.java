package org.juniper.sample;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SampleBackupCommandTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return SampleBackupCommand.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String errors() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void writesTheBackupWhereAsked(@TempDir Path dir) throws Exception {
        Path zip = dir.resolve("acme.zip");
        assertEquals(0, run("--version", "14.0", "--scale", "0.01", "--database", "acme", "--seed", "42", "--out",
                zip.toString()));
        assertTrue(Files.size(zip) > 100_000);
        assertTrue(out.toString(StandardCharsets.UTF_8).startsWith("wrote " + zip));
    }

    @Test
    void writesAnyVersionWithTheCustomModule(@TempDir Path dir) throws Exception {
        Path zip = dir.resolve("acme.zip");
        assertEquals(0, run("--version", "16.0", "--custom-module", "--out", zip.toString()));
        assertTrue(out.toString(StandardCharsets.UTF_8).startsWith("wrote " + zip + ": Juniper 16.0 with "
                + CustomModule.NAME), out.toString(StandardCharsets.UTF_8));
    }

    @Test
    void badArgumentsExitWithTwoAndTheUsage(@TempDir Path dir) {
        String target = dir.resolve("x.zip").toString();
        assertEquals(2, run("--scale", "0.01"));
        assertTrue(errors().contains("--out is required") && errors().contains("usage:"), errors());
        assertEquals(2, run("--out", target, "--scale", "big"));
        assertEquals(2, run("--out", target, "--scale", "-1"));
        assertEquals(2, run("--out", target, "--colour", "blue"));
        assertEquals(2, run("--out"));
        assertEquals(2, run("--out", target, "--version", "13.0"));
        assertTrue(errors().contains("the pack knows Juniper [14.0"), errors());
        assertFalse(Files.exists(dir.resolve("x.zip")), "no partial file is left behind");
    }

    @Test
    void helpPrintsTheUsage() {
        assertEquals(0, run("--help"));
        assertTrue(out.toString(StandardCharsets.UTF_8).contains("--scale"));
    }
}
