package org.juniper.upgrade.cli;

import picocli.CommandLine.Command;

@Command(name = "production", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Upgrades the database for production use.",
            "As 'test', but the result is not neutralized, and the upgraded database takes the name of the "
                    + "database given with -d: the original is kept as <db>_before_<target>_<YYYY_MM_DD_HH_MM> "
                    + "with its filestore, and is put back if anything fails. Stop the Juniper server first."})
final class ProductionCommand extends SubmitCommand {
    @Override
    String purpose() {
        return "production";
    }
}
