package org.juniper.upgrade.cli;

import picocli.CommandLine.Command;

@Command(name = "test", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Upgrades a copy of the database for testing.",
            "Dumps the database (or takes the dump), uploads it, follows the upgrade's live log, downloads the "
                    + "neutralized result and restores it as a new database with the original's filestore plus "
                    + "the new files. Running the same command again resumes an interrupted run."})
final class TestCommand extends SubmitCommand {
    @Override
    String purpose() {
        return "test";
    }
}
