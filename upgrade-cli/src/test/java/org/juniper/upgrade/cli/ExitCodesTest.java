package org.juniper.upgrade.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.juniper.upgrade.archive.Sha256;
import org.juniper.upgrade.client.IntakeClient;
import org.juniper.upgrade.client.RequestStatus;
import org.juniper.upgrade.client.Token;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each way a command can end gives its documented exit code and a message that says what to do. */
class ExitCodesTest {
    private FakeIntake intake;
    @TempDir
    Path work;

    @BeforeEach
    void setUp() throws Exception {
        intake = new FakeIntake();
    }

    @AfterEach
    void tearDown() {
        intake.close();
    }

    @Test
    void statusIsEightWhileTheRequestRunsAndZeroOnceItIsDone() throws Exception {
        Token token = submitted();

        List<Integer> codes = new ArrayList<>();
        Cli last;
        do {
            last = Cli.run("status", "-t", token.toString(), "--url", intake.url().toString());
            codes.add(last.exitCode());
        } while (last.exitCode() == Exit.NOT_FINISHED && codes.size() < 10);

        assertEquals(List.of(Exit.NOT_FINISHED, Exit.NOT_FINISHED, Exit.OK), codes, last.toString());
        assertTrue(last.out().contains("State: done"), last.toString());
        assertTrue(last.out().contains("upgrade restore -t " + token), last.toString());
    }

    @Test
    void statusIsFourWhenTheUpgradeFailed() throws Exception {
        intake.failRun("UPGRADE:SCRIPT_FAILED");
        Token token = submitted();

        Cli cli;
        do {
            cli = Cli.run("status", "-t", token.toString(), "--url", intake.url().toString());
        } while (cli.exitCode() == Exit.NOT_FINISHED);

        assertEquals(Exit.UPGRADE_FAILED, cli.exitCode(), cli.toString());
        assertTrue(cli.out().contains("failed: UPGRADE:SCRIPT_FAILED"), cli.toString());
    }

    @Test
    void aFailedUpgradeEndsTheRunWithFourAndTheWayToItsLog() throws Exception {
        intake.failRun("UPGRADE:SCRIPT_FAILED");

        Cli cli = submit(Backups.valid(work, "acme", 1000), FakeIntake.CONTRACT);

        assertEquals(Exit.UPGRADE_FAILED, cli.exitCode(), cli.toString());
        assertTrue(cli.err().contains("UPGRADE:SCRIPT_FAILED"), cli.toString());
        assertTrue(cli.err().contains("upgrade log -t "), cli.toString());
        assertTrue(cli.out().contains("[upgrade] hop 14.0 -> 17.0"), "the live log was shown: " + cli);
        assertTrue(Files.notExists(work.resolve("data").resolve("acme.json")), "a failed request is not resumed");
    }

    @Test
    void aRefusedRequestIsThreeWithThePlatformsReasons() throws Exception {
        Cli cli = submit(Backups.valid(work, "acme", 1000), "M0000-WRONG");

        assertEquals(Exit.REFUSED, cli.exitCode(), cli.toString());
        assertTrue(cli.err().contains("CONTRACT:NOT_FOUND: no contract 'M0000-WRONG' is known"), cli.toString());
    }

    @Test
    void aBackupThePlatformWouldRefuseIsThreeBeforeAnythingIsSent() throws Exception {
        Cli cli = submit(Backups.withoutManifest(work), FakeIntake.CONTRACT);

        assertEquals(Exit.REFUSED, cli.exitCode(), cli.toString());
        assertTrue(cli.err().contains("BACKUP:NO_MANIFEST"), cli.toString());
        assertEquals(List.of(), intake.requests());
    }

    @Test
    void aPlatformOutOfReachForAWhileIsWaitedForWhileFollowing() throws Exception {
        Token token = submitted();
        intake.unavailableFor(3);
        StringWriter said = new StringWriter();
        Ui ui = new Ui(new PrintWriter(said, true), new PrintWriter(said, true), null);

        RequestStatus end = new Follower(new IntakeClient(intake.url()), ui, Duration.ofMillis(5))
                .follow(token);

        assertEquals("done", end.state(), said.toString());
        assertTrue(said.toString().contains("HTTP 503") && said.toString().contains("(attempt 3 of 10)"),
                said.toString());
    }

    @Test
    void anUnknownTokenIsThree() {
        Cli cli = Cli.run("status", "-t", UUID.randomUUID() + ":nope", "--url", intake.url().toString());

        assertEquals(Exit.REFUSED, cli.exitCode(), cli.toString());
        assertTrue(cli.err().contains("check the token"), cli.toString());
    }

    @Test
    void anUnreachablePlatformIsFiveAndSaysWhichUrl() {
        Cli cli = Cli.run("log", "-t", UUID.randomUUID() + ":secret", "--url", "http://127.0.0.1:9");

        assertEquals(Exit.UNREACHABLE, cli.exitCode(), cli.toString());
        assertTrue(cli.err().contains("cannot reach the platform at http://127.0.0.1:9/"), cli.toString());
    }

    @Test
    void aMissingPostgresToolIsSixAndNamesWhatToInstall() {
        Cli cli = Cli.run("test", "-d", "acme", "-t", "17.0", "--pg-bin", work.resolve("no-such-bin").toString(),
                "--url", intake.url().toString(), "--data-dir", work.resolve("data").toString());

        assertEquals(Exit.LOCAL_TOOLS, cli.exitCode(), cli.toString());
        assertTrue(cli.err().contains("psql is not in"), cli.toString());
        assertTrue(cli.err().contains("sudo apt install postgresql-client"), cli.toString());
    }

    @Test
    void restoringARequestThatIsStillRunningIsEight() throws Exception {
        Token token = submitted();

        Cli cli = Cli.run("restore", "-t", token.toString(), "--url", intake.url().toString());

        assertEquals(Exit.NOT_FINISHED, cli.exitCode(), cli.toString());
        assertTrue(cli.err().contains("only a done request can be restored"), cli.toString());
    }

    @Test
    void logPrintsFromTheOffsetAndSaysWhereToContinue() throws Exception {
        Token token = submitted();
        Cli.run("status", "-t", token.toString(), "--url", intake.url().toString());
        Cli whole = Cli.run("log", "-t", token.toString(), "--url", intake.url().toString());
        int length = whole.out().getBytes(StandardCharsets.UTF_8).length;

        Cli rest = Cli.run("log", "-t", token.toString(), "-f", "20", "--url", intake.url().toString());
        Cli none = Cli.run("log", "-t", token.toString(), "-f", String.valueOf(length), "--url",
                intake.url().toString());

        assertEquals(Exit.OK, whole.exitCode(), whole.toString());
        assertTrue(whole.out().contains("[restore] restoring the zip backup"), whole.toString());
        assertTrue(whole.err().contains("next offset: " + length), whole.toString());
        assertEquals(whole.out().substring(20), rest.out());
        assertEquals("", none.out());
        assertTrue(none.err().contains("next offset: " + length), none.toString());
    }

    /** {@code upgrade test -i <backup> -x} against the fake, without a database: it stops before a restore. */
    private Cli submit(Path backup, String contract) {
        return Cli.run("test", "-i", backup.toString(), "-t", "17.0", "-x", "-c", contract, "--email",
                "it@acme.example", "--url", intake.url().toString(), "--poll-interval", "0.01", "--data-dir",
                work.resolve("data").toString());
    }

    /** A started request, as the CLI leaves it once the backup is sent. */
    private Token submitted() throws Exception {
        IntakeClient client = new IntakeClient(intake.url());
        Path backup = Backups.valid(work, "acme", 1000);
        IntakeClient.Created created = client.create(new IntakeClient.NewRequest(FakeIntake.CONTRACT,
                "it@acme.example", "acme", "17.0", null, "test"));
        Token token = created.token();
        Ui quiet = new Ui(new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()), null);
        new Uploader(client, quiet).upload(token, backup, Files.size(backup), Sha256.hex(Files.readAllBytes(
                backup)));
        client.start(token);
        return token;
    }
}
