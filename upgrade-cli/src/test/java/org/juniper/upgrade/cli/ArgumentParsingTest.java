package org.juniper.upgrade.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.nio.file.Path;
import java.util.UUID;
import org.juniper.upgrade.client.Token;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;

/** The command line reads as Odoo's upgrade client does, and every wrong one ends with exit code 2. */
class ArgumentParsingTest {

    private static Object parse(String... args) {
        Ui ui = new Ui(new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()), null);
        CommandLine.ParseResult parsed = UpgradeCli.commandLine(ui).parseArgs(args);
        return parsed.subcommand().commandSpec().userObject();
    }

    @Test
    void testTakesTheShortOptionsOfOdoosClient() {
        TestCommand test = assertInstanceOf(TestCommand.class, parse("test", "-d", "acme", "-t", "17.0", "-r",
                "acme_try", "-c", "M2026-0042", "--email", "it@acme.example", "-x", "-j", "8"));

        assertEquals("acme", test.source.database);
        assertNull(test.source.dump);
        assertEquals("17.0", test.target);
        assertEquals("acme_try", test.restoreName);
        assertEquals("M2026-0042", test.contract);
        assertEquals("it@acme.example", test.email);
        assertTrue(test.noRestore);
        assertEquals(8, test.jobs);
        assertEquals("test", test.purpose());
        assertNull(test.scripts);
    }

    @Test
    void theLongOptionsOfOdoosClientAreKnownTooAndTheCoreCountDefaultsToFour() {
        TestCommand test = assertInstanceOf(TestCommand.class, parse("test", "--dbname", "acme", "--target", "17.0",
                "--restored-name", "acme_try"));
        TestCommand older = assertInstanceOf(TestCommand.class, parse("test", "-d", "acme", "-t", "17.0",
                "--restore-name", "acme_old", "--core-count", "2"));

        assertEquals("acme_try", test.restoreName);
        assertEquals(4, test.jobs);
        assertEquals("acme_old", older.restoreName);
        assertEquals(2, older.jobs);
    }

    @Test
    void productionRestoresBesideTheLiveDatabaseOnlyWhenAskedTo() {
        ProductionCommand inPlace = assertInstanceOf(ProductionCommand.class, parse("production", "-d", "acme",
                "-t", "17.0"));
        ProductionCommand beside = assertInstanceOf(ProductionCommand.class, parse("production", "-d", "acme",
                "-t", "17.0", "--beside"));

        assertFalse(inPlace.beside());
        assertTrue(beside.beside());
    }

    @Test
    void testAndProductionTakeTheFolderOfTheCustomModulesScripts() {
        TestCommand test = assertInstanceOf(TestCommand.class, parse("test", "-d", "acme", "-t", "17.0",
                "--scripts", "upgrade-scripts"));
        ProductionCommand production = assertInstanceOf(ProductionCommand.class, parse("production", "-d", "acme",
                "-t", "17.0", "--scripts", "/srv/acme/upgrade-scripts"));

        assertEquals(Path.of("upgrade-scripts"), test.scripts);
        assertEquals(Path.of("/srv/acme/upgrade-scripts"), production.scripts);
    }

    @Test
    void productionTakesADumpFileInsteadOfADatabase() {
        ProductionCommand production = assertInstanceOf(ProductionCommand.class, parse("production", "--dump",
                "acme.sql.gz", "--target", "17.0", "--url", "http://upgrade.example:8080"));

        assertEquals(Path.of("acme.sql.gz"), production.source.dump);
        assertNull(production.source.database);
        assertFalse(production.noRestore);
        assertEquals(URI.create("http://upgrade.example:8080"), production.platform.url);
        assertEquals("production", production.purpose());
    }

    @Test
    void theUrlDefaultsToTheLocalPlatformUnlessTheLauncherSetsIt() {
        StatusCommand status = assertInstanceOf(StatusCommand.class, parse("status", "-t", UUID.randomUUID()
                + ":secret"));

        assertEquals(URI.create(System.getenv().getOrDefault("JUNIPER_UPGRADE_URL", "http://127.0.0.1:15401")),
                status.platform.url);
    }

    @Test
    void tokensAreReadAsIdAndSecret() {
        UUID id = UUID.randomUUID();
        LogCommand log = assertInstanceOf(LogCommand.class, parse("log", "-t", id + ":s3cret", "-f", "2048"));

        assertEquals(new Token(id, "s3cret"), log.token);
        assertEquals(2048, log.from);
        RestoreCommand restore = assertInstanceOf(RestoreCommand.class, parse("restore", "--token", id + ":s3cret",
                "-d", "acme", "-r", "acme_17", "--filestore-root", "/srv/filestore"));
        assertEquals("acme", restore.database);
        assertEquals("acme_17", restore.restoreName);
        assertEquals(Path.of("/srv/filestore"), restore.local.filestoreRoot);
        assertFalse(restore.production);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "test", "production", "restore", "status", "log"})
    void everyCommandHasHelpWithTheExitCodes(String command) {
        Cli cli = command.isEmpty() ? Cli.run("--help") : Cli.run(command, "--help");

        assertEquals(Exit.OK, cli.exitCode(), cli.toString());
        assertTrue(cli.out().contains("Usage: upgrade"), cli.toString());
        assertTrue(cli.out().contains("Exit codes:") && cli.out().contains("the platform could not be reached"),
                cli.toString());
    }

    @Test
    void aDatabaseAndADumpExcludeEachOther() {
        Cli cli = Cli.run("test", "-d", "acme", "-i", "acme.zip", "-t", "17.0");

        assertEquals(Exit.USAGE, cli.exitCode(), cli.toString());
        assertTrue(cli.err().contains("mutually exclusive"), cli.toString());
        assertTrue(cli.err().contains("Run 'upgrade test --help'"), cli.toString());
    }

    @Test
    void aDatabaseOrADumpAndATargetAreRequired() {
        assertEquals(Exit.USAGE, Cli.run("test", "-t", "17.0").exitCode());
        assertEquals(Exit.USAGE, Cli.run("test", "-d", "acme").exitCode());
        assertEquals(Exit.USAGE, Cli.run("production").exitCode());
    }

    @Test
    void aCommandIsRequired() {
        Cli cli = Cli.run();

        assertEquals(Exit.USAGE, cli.exitCode());
        assertTrue(cli.err().contains("give a command: test, production, restore, status or log"), cli.toString());
    }

    @Test
    void aMalformedTokenIsAUsageError() {
        Cli cli = Cli.run("status", "-t", "not-a-token");

        assertEquals(Exit.USAGE, cli.exitCode());
        assertTrue(cli.err().contains("expected <request id>:<secret>"), cli.toString());
    }

    @Test
    void restoreInPlaceNeedsTheDatabaseItReplaces() {
        Cli cli = Cli.run("restore", "-t", UUID.randomUUID() + ":secret", "--production");

        assertEquals(Exit.USAGE, cli.exitCode(), cli.toString());
        assertTrue(cli.err().contains("--production replaces the database given with -d"), cli.toString());
    }
}
