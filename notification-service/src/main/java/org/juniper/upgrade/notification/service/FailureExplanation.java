package org.juniper.upgrade.notification.service;

import java.util.Map;

/**
 * A failure's reason code said in plain words, with how to try again. Codes are {@code <AREA>:<DETAIL>}; the area
 * says whose side the cause is on, which decides the advice.
 */
record FailureExplanation(String headline, String retry) {
    private static final String SAME_BACKUP = "Nothing needs fixing on your side: submit a new request with the same "
            + "backup.";

    private static final Map<String, FailureExplanation> BY_AREA = Map.of(
            "BACKUP", new FailureExplanation("Your backup could not be used.",
                    "Make a new backup with the database manager (a .zip with dump.sql, manifest.json and the "
                            + "filestore) or with pg_dump in custom format, of the version you declared, and "
                            + "submit a new request with it."),
            "RESTORE", new FailureExplanation("Your backup could not be restored into a database.",
                    "The log below shows what PostgreSQL refused. Make sure the backup is complete and was made by "
                            + "the database manager or pg_dump, then submit a new request with a fresh backup."),
            "UPGRADE", new FailureExplanation("An upgrade script failed on the data of your database.",
                    "This usually comes from data the upgrade scripts did not expect. Reply to this mail: we correct "
                            + "the script, then you submit a new request with the same backup. If the log names one "
                            + "of your own modules, correct its data first."),
            "MODULE", new FailureExplanation("Your database has modules the upgrade does not know.",
                    "Submit a new request that brings upgrade scripts for your own modules, or uninstall them "
                            + "before you make the backup."),
            "TARGET", new FailureExplanation("This upgrade path is not available.",
                    "Choose a target version that is newer than your database and open for upgrades, and submit a "
                            + "new request."),
            "DUMP", new FailureExplanation("The upgraded database could not be saved.", SAME_BACKUP),
            "ARTIFACT", new FailureExplanation("A file of your request went missing on our side.", SAME_BACKUP),
            "STORAGE", new FailureExplanation("Our storage was not available.", SAME_BACKUP),
            "PLATFORM", new FailureExplanation("The upgrade stopped because of a fault on our side, not in your "
                    + "database.", "Our operations team was alerted and will run your request again once the fault is "
                    + "fixed; you will get a new mail then. Nothing needs to change on your side."),
            "RUN", new FailureExplanation("The upgrade of your database did not finish within the limits of one run.",
                    "Reply to this mail: the upgrade team looks at what in the database takes so long or stops the "
                            + "run, and runs it again."));

    private static final FailureExplanation UNKNOWN = new FailureExplanation("The upgrade stopped.",
            "Read the message and the log below and correct what they point at, then submit a new request. Reply "
                    + "to this mail if you need help.");

    static FailureExplanation of(String reason) {
        String area = reason == null ? "" : reason.split(":", 2)[0];
        return BY_AREA.getOrDefault("SOURCE".equals(area) ? "TARGET" : area, UNKNOWN);
    }
}
