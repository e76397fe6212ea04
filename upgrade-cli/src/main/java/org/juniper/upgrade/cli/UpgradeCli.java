package org.juniper.upgrade.cli;

import java.io.Console;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.juniper.upgrade.client.IntakeException;
import org.juniper.upgrade.client.IntakeUnreachable;
import org.juniper.upgrade.client.Token;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;

/**
 * {@code upgrade}: the Juniper Upgrade Platform's client for on-premise administrators, in the style of Odoo's
 * upgrade client.
 */
@Command(name = "upgrade", mixinStandardHelpOptions = true, versionProvider = UpgradeCli.Version.class,
        subcommands = {TestCommand.class, ProductionCommand.class, RestoreCommand.class, StatusCommand.class,
            LogCommand.class},
        description = {"Upgrades a Juniper database through the Juniper Upgrade Platform.",
            "%nExamples:",
            "  upgrade test -d mydb -t 17.0",
            "  upgrade production -d mydb -t 17.0 --beside",
            "  upgrade status -t <token>",
            "  upgrade log -t <token> -f 1024",
            "  upgrade restore -t <token> -d mydb"},
        footer = {"%nThe contract is read from the database; the e-mail address that receives the results is asked "
                + "for once. The local PostgreSQL server is chosen as for psql (PGHOST, PGPORT, PGUSER, PGPASSWORD); "
                + "the requests under way are kept in ~/.local/share/juniper-upgrade/<db>.json."})
public final class UpgradeCli implements Runnable {
    @Spec
    CommandSpec spec;

    private static final int HELP_WIDTH = 110;

    private Ui ui;

    public static void main(String[] args) {
        PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
        PrintWriter err = new PrintWriter(System.err, true, StandardCharsets.UTF_8);
        System.exit(execute(args, out, err, System.console()));
    }

    /** Runs one command line; returns its exit code, one of {@link Exit}. */
    static int execute(String[] args, PrintWriter out, PrintWriter err, Console console) {
        return commandLine(new Ui(out, err, console)).execute(args);
    }

    /** The command line with its converters, error handling and the exit codes in every --help. */
    static CommandLine commandLine(Ui ui) {
        UpgradeCli cli = new UpgradeCli();
        cli.ui = ui;
        PrintWriter err = ui.err();
        CommandLine commandLine = new CommandLine(cli)
                .setOut(ui.out())
                .setErr(err)
                .setUsageHelpWidth(HELP_WIDTH)
                .registerConverter(Token.class, UpgradeCli::token)
                .setParameterExceptionHandler((e, ignoredArgs) -> {
                    err.println("upgrade: " + e.getMessage());
                    err.println("Run '" + e.getCommandLine().getCommandSpec().qualifiedName() + " --help' for the "
                            + "options.");
                    return Exit.USAGE;
                })
                .setExecutionExceptionHandler((e, line, parsed) -> {
                    if (e instanceof CliFailure failure) {
                        err.println("upgrade: " + failure.getMessage());
                        return failure.exitCode();
                    }
                    if (e instanceof IntakeException failure) {
                        err.println("upgrade: " + failure.getMessage() + (failure instanceof IntakeUnreachable
                                ? "; check --url and the network, then run the command again" : ""));
                        return Exit.of(failure);
                    }
                    err.println("upgrade: unexpected error: " + e);
                    e.printStackTrace(err);
                    return Exit.FAILED;
                });
        Map<String, String> exitCodes = exitCodes();
        for (CommandLine command : allCommands(commandLine)) {
            command.getCommandSpec().usageMessage().exitCodeListHeading("%nExit codes:%n").exitCodeList(exitCodes);
        }
        return commandLine;
    }

    Ui ui() {
        return ui;
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(),
                "give a command: test, production, restore, status or log");
    }

    private static Token token(String text) {
        try {
            return Token.parse(text);
        } catch (IllegalArgumentException e) {
            throw new TypeConversionException(e.getMessage());
        }
    }

    private static List<CommandLine> allCommands(CommandLine top) {
        List<CommandLine> all = new ArrayList<>();
        all.add(top);
        all.addAll(top.getSubcommands().values());
        return all;
    }

    /** The documented exit codes, shown by every --help. */
    static Map<String, String> exitCodes() {
        Map<String, String> codes = new LinkedHashMap<>();
        codes.put(Exit.OK + "", "done");
        codes.put(Exit.FAILED + "", "unexpected error");
        codes.put(Exit.USAGE + "", "wrong arguments");
        codes.put(Exit.REFUSED + "", "the platform refused (contract, target, backup, token)");
        codes.put(Exit.UPGRADE_FAILED + "", "the upgrade failed, was cancelled or its result expired");
        codes.put(Exit.UNREACHABLE + "", "the platform could not be reached (run again to resume)");
        codes.put(Exit.LOCAL_TOOLS + "", "a PostgreSQL tool is missing or too old");
        codes.put(Exit.LOCAL_DATABASE + "", "the local dump or restore failed; nothing half-done is left");
        codes.put(Exit.NOT_FINISHED + "", "the request has not finished yet (status, restore)");
        codes.put(Exit.BUSY + "", "another run for the same database is under way on this machine");
        codes.put(Exit.CORRUPT_DOWNLOAD + "", "the download does not match its sha256; nothing was restored");
        codes.put("130, 143", "interrupted (Ctrl-C, kill); run the same command again to resume");
        return codes;
    }

    /** The version of the jar, from its manifest. */
    static final class Version implements IVersionProvider {
        @Override
        public String[] getVersion() {
            String version = UpgradeCli.class.getPackage().getImplementationVersion();
            return new String[] {"upgrade " + (version != null ? version : "(development build)")};
        }
    }
}
