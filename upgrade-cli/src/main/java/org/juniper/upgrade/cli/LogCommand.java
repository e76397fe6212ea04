package org.juniper.upgrade.cli;

import java.util.concurrent.Callable;
import org.juniper.upgrade.client.IntakeClient;
import org.juniper.upgrade.client.Token;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(name = "log", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Prints the log of a request, whole or from a byte offset.",
            "The offset to continue from is printed on standard error, so that a script can read only what is new."})
final class LogCommand implements Callable<Integer> {
    @ParentCommand
    UpgradeCli root;

    @Option(names = {"-t", "--token"}, paramLabel = "TOKEN", required = true,
            description = "The request's token, <id>:<secret>, as printed when it was created.")
    Token token;

    @Option(names = {"-f", "--from-byte"}, paramLabel = "OFFSET", defaultValue = "0",
            description = "Print the log from this byte on (default 0, the whole log).")
    long from;

    @Mixin
    PlatformOptions platform;

    @Override
    public Integer call() {
        if (from < 0) {
            throw new CliFailure(Exit.USAGE, "-f/--from-byte must be 0 or more");
        }
        IntakeClient.LogChunk chunk = platform.intake().log(token, from);
        Ui ui = root.ui();
        ui.print(chunk.text());
        ui.err().println("next offset: " + chunk.next());
        ui.err().flush();
        return Exit.OK;
    }
}
