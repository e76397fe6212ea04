package org.juniper.upgrade.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "production", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Upgrades the database for production use.",
            "As 'test', but the result is not neutralized, and by default it takes the live database's place: once "
                    + "the upgraded database is restored (as <db>_restoring_<YYYY_MM_DD_HH_MM>), the live database "
                    + "given with -d is renamed <db>_before_<target>_<YYYY_MM_DD_HH_MM> and kept with its "
                    + "filestore, and the upgraded one takes its name; if anything fails, the live database is put "
                    + "back. The renaming needs the database to be free: stop the Juniper server first.",
            "With --beside (or -r NAME), the live database is left as it is and the upgraded one is restored as a "
                    + "new database next to it, as Odoo's client does; point the server at it when ready."})
final class ProductionCommand extends SubmitCommand {
    @Option(names = "--beside", description = "Restore the upgraded database as a new database "
            + "(<db>_production_<target>_<YYYY_MM_DD_HH_MM>, or -r NAME) and leave the live one untouched.")
    boolean beside;

    @Override
    String purpose() {
        return "production";
    }

    @Override
    boolean beside() {
        return beside;
    }
}
