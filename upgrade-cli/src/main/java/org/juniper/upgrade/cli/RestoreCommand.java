package org.juniper.upgrade.cli;

import java.time.LocalDateTime;
import java.util.concurrent.Callable;
import org.juniper.upgrade.client.IntakeClient;
import org.juniper.upgrade.client.RequestStatus;
import org.juniper.upgrade.client.Token;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(name = "restore", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Downloads a finished request's result and restores it as a new database.",
            "With --production, the restored database replaces the one given with -d, which is kept as "
                    + "<db>_before_<target>_<YYYY_MM_DD_HH_MM> and put back if anything fails."})
final class RestoreCommand implements Callable<Integer> {
    @ParentCommand
    UpgradeCli root;

    @Option(names = {"-t", "--token"}, paramLabel = "TOKEN", required = true,
            description = "The request's token, <id>:<secret>, as printed when it was created.")
    Token token;

    @Option(names = {"-d", "--dbname"}, paramLabel = "DB",
            description = "The local database whose filestore the restored one starts from (with --production: "
                    + "the database to replace).")
    String database;

    @Option(names = {"-r", "--restored-name", "--restore-name"}, paramLabel = "NAME",
            description = "Name of the new database (default: <db>_<purpose>_<target>_<YYYY_MM_DD_HH_MM>).")
    String restoreName;

    @Option(names = "--production", description = "Replace the database given with -d by the upgraded one.")
    boolean production;

    @Option(names = {"-j", "--core-count", "--jobs"}, paramLabel = "N", defaultValue = "4",
            description = "Restore with N parallel psql sessions (default 4).")
    int jobs;

    @Mixin
    PlatformOptions platform;

    @Mixin
    LocalOptions local;

    @Override
    public Integer call() {
        if (jobs < 1) {
            throw new CliFailure(Exit.USAGE, "-j/--core-count must be at least 1");
        }
        if (production && (database == null || restoreName != null)) {
            throw new CliFailure(Exit.USAGE, "--production replaces the database given with -d, and takes no "
                    + "-r/--restored-name");
        }
        Ui ui = root.ui();
        IntakeClient intake = platform.intake();
        RequestStatus request = intake.status(token);
        if (!request.done()) {
            throw new CliFailure(Exit.of(request), "request " + token.id() + " is " + request.describe()
                    + "; only a done request can be restored");
        }
        if (production && !"production".equals(request.purpose())) {
            throw new CliFailure(Exit.USAGE, "request " + token.id() + " is a " + request.purpose() + " upgrade: "
                    + "its neutralized copy must never replace a database; restore it without --production");
        }
        if (database != null) {
            RestoreNames.check(database, "a database name");
        }
        LocalDateTime now = LocalDateTime.now();
        Restorer.Plan plan = production
                ? Restorer.Plan.inPlace(database, RestoreNames.keptOriginal(database, request.targetVersion(), now))
                : Restorer.Plan.newDatabase(restoreName != null ? restoreName : RestoreNames.copy(database != null
                        ? database : request.database(), request.purpose(), request.targetVersion(), now), database);
        LocalPostgres postgres = local.postgres();
        Restorer restorer = new Restorer(ui, postgres, local.filestore());
        restorer.check(plan);
        new Delivery(ui, intake, restorer).restore(token, request, plan, jobs,
                local.state().workDir(request.database()));
        return Exit.OK;
    }
}
