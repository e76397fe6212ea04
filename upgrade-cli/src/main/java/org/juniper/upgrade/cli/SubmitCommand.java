package org.juniper.upgrade.cli;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import org.juniper.upgrade.client.IntakeClient;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** The options {@code test} and {@code production} share; they differ only in purpose. */
abstract class SubmitCommand implements Callable<Integer> {
    @ParentCommand
    UpgradeCli root;

    @ArgGroup(exclusive = true, multiplicity = "1")
    Source source;

    static final class Source {
        @Option(names = {"-d", "--dbname"}, paramLabel = "DB", required = true,
                description = "The local database to upgrade: dumped with pg_dump.")
        String database;

        @Option(names = {"-i", "--dump"}, paramLabel = "FILE", required = true,
                description = "A dump to upgrade instead: a backup .zip (dump.sql, manifest.json), a plain .sql or "
                        + ".sql.gz, a pg_dump custom-format file or a directory-format dump.")
        Path dump;
    }

    @Option(names = {"-t", "--target"}, paramLabel = "VERSION", required = true,
            description = "The Juniper version to upgrade to, e.g. 17.0.")
    String target;

    @Option(names = {"-r", "--restored-name", "--restore-name"}, paramLabel = "NAME",
            description = "Name of the restored database (test default: <db>_test_<target>_<YYYY_MM_DD_HH_MM>; "
                    + "production with -d: none, the upgraded database replaces <db>, unless --beside).")
    String restoreName;

    @Option(names = {"-c", "--contract"}, paramLabel = "CONTRACT",
            description = "Your Juniper contract number (default: the one the database records).")
    String contract;

    @Option(names = "--email", paramLabel = "ADDRESS",
            description = "Where the platform mails the result (default: the address given last; asked for at "
                    + "the terminal the first time).")
    String email;

    @Option(names = {"-x", "--no-restore"},
            description = "Only download the upgraded backup, into the current folder; restore nothing.")
    boolean noRestore;

    @Option(names = {"-j", "--core-count", "--jobs"}, paramLabel = "N", defaultValue = "4",
            description = "Dump and restore with N parallel jobs (default 4): pg_dump -j N in directory format, "
                    + "then packed (1 dumps straight into the backup), and the result restored over N psql sessions.")
    int jobs;

    @Option(names = "--scripts", paramLabel = "DIR",
            description = "The upgrade scripts of your custom modules, which the platform does not know: a folder "
                    + "of <version>/<module>/{pre,post,end}-NN-name.sql (0.0.0 as the version for every hop). "
                    + "Checked here, then zipped and sent before the request starts.")
    Path scripts;

    @Option(names = "--poll-interval", paramLabel = "SECONDS", defaultValue = "5",
            description = "Seconds between two looks at the request and its log while it runs (default 5).")
    double pollInterval;

    @Mixin
    PlatformOptions platform;

    @Mixin
    LocalOptions local;

    abstract String purpose();

    /** Production only: restore the upgraded database beside the live one instead of in its place. */
    boolean beside() {
        return false;
    }

    @Override
    public Integer call() {
        if (jobs < 1) {
            throw new CliFailure(Exit.USAGE, "-j/--core-count must be at least 1");
        }
        if (pollInterval <= 0) {
            throw new CliFailure(Exit.USAGE, "--poll-interval must be more than 0 seconds");
        }
        Ui ui = root.ui();
        IntakeClient intake = platform.intake();
        Follower follower = new Follower(intake, ui, Duration.ofMillis((long) (pollInterval * 1000)));
        return new Submission(ui, intake, local.state(), local.postgres(), local.filestore(), follower).run(
                new Submission.Ask(purpose(), source.database, source.dump, target, restoreName, contract, email,
                        noRestore, jobs, scripts, beside()));
    }
}
