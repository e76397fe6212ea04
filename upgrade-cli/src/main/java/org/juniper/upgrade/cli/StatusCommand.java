package org.juniper.upgrade.cli;

import java.util.concurrent.Callable;
import org.juniper.upgrade.client.RequestStatus;
import org.juniper.upgrade.client.Token;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(name = "status", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Shows the state of a request.",
            "Exits with 0 when it is done, 8 while it is new, pending or in progress, 4 when it failed, was "
                    + "cancelled or has expired."})
final class StatusCommand implements Callable<Integer> {
    @ParentCommand
    UpgradeCli root;

    @Option(names = {"-t", "--token"}, paramLabel = "TOKEN", required = true,
            description = "The request's token, <id>:<secret>, as printed when it was created.")
    Token token;

    @Mixin
    PlatformOptions platform;

    @Override
    public Integer call() {
        RequestStatus request = platform.intake().status(token);
        Ui ui = root.ui();
        ui.say("Request " + request.id() + ": " + request.purpose() + " upgrade of '" + request.database() + "' "
                + (request.sourceVersion() != null ? "from " + request.sourceVersion() + " " : "") + "to "
                + request.targetVersion());
        ui.say("State: " + request.describe());
        if (request.produced() != null && !request.produced().isEmpty()) {
            ui.say("Produced: " + String.join(", ", request.produced()));
        }
        if (request.elapsedSeconds() != null) {
            ui.say("Running time: " + request.elapsedSeconds() + " s");
        }
        if (request.done()) {
            ui.say("Restore it with: upgrade restore -t " + token);
        }
        return Exit.of(request);
    }
}
