package org.juniper.upgrade.events;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Every reason a request can fail with, as {@code <AREA>:<DETAIL>} codes: the area is the part of the run that gave
 * up. An enum rather than strings, so that a producer cannot invent a code the schema, the mail and the report do not
 * know; the wire keeps the code as a string, so that a consumer still handles one from an older or newer producer
 * ({@link #ofCode}, {@link #explain}).
 */
public enum FailureReason {
    BACKUP_CORRUPT("BACKUP:CORRUPT", Kind.BACKUP),
    BACKUP_PATH_ESCAPE("BACKUP:PATH_ESCAPE", Kind.BACKUP),
    BACKUP_NO_MANIFEST("BACKUP:NO_MANIFEST", Kind.BACKUP),
    BACKUP_MANIFEST_MISMATCH("BACKUP:MANIFEST_MISMATCH", Kind.BACKUP),
    BACKUP_NO_DUMP("BACKUP:NO_DUMP", Kind.BACKUP),
    BACKUP_UNKNOWN_FORMAT("BACKUP:UNKNOWN_FORMAT", Kind.BACKUP),
    BACKUP_UNSAFE_DUMP("BACKUP:UNSAFE_DUMP", Kind.BACKUP),
    BACKUP_CHECKSUM_MISMATCH("BACKUP:CHECKSUM_MISMATCH", Kind.BACKUP),
    BACKUP_NOT_FOUND("BACKUP:NOT_FOUND", Kind.BACKUP),
    BACKUP_VERSION_UNKNOWN("BACKUP:VERSION_UNKNOWN", Kind.BACKUP),
    BACKUP_VERSION_MISMATCH("BACKUP:VERSION_MISMATCH", Kind.BACKUP),
    BACKUP_NOT_JUNIPER("BACKUP:NOT_JUNIPER", Kind.BACKUP),
    SCRIPTS_INVALID("SCRIPTS:INVALID", Kind.SCRIPTS),
    SCRIPTS_TOO_LARGE("SCRIPTS:TOO_LARGE", Kind.SCRIPTS),
    SCRIPTS_OUTSIDE_HOPS("SCRIPTS:OUTSIDE_HOPS", Kind.SCRIPTS),
    SCRIPTS_CHECKSUM_MISMATCH("SCRIPTS:CHECKSUM_MISMATCH", Kind.SCRIPTS),
    SOURCE_UNKNOWN("SOURCE:UNKNOWN", Kind.TARGET),
    TARGET_INVALID("TARGET:INVALID", Kind.TARGET),
    TARGET_DOWNGRADE("TARGET:DOWNGRADE", Kind.TARGET),
    MODULE_CUSTOM("MODULE:CUSTOM", Kind.MODULE),
    RESTORE_FAILED("RESTORE:FAILED", Kind.RESTORE),
    UPGRADE_SCRIPT_FAILED("UPGRADE:SCRIPT_FAILED", Kind.UPGRADE),
    UPGRADE_CUSTOM_SCRIPT_FAILED("UPGRADE:CUSTOM_SCRIPT_FAILED", Kind.UPGRADE),
    DUMP_FAILED("DUMP:FAILED", Kind.DUMP),
    NEUTRALIZE_RULES("NEUTRALIZE:RULES", Kind.NEUTRALIZE),
    ARTIFACT_MISSING("ARTIFACT:MISSING", Kind.ARTIFACT),
    RUN_DEADLINE("RUN:DEADLINE", Kind.RUN),
    RUN_STATEMENT_TIMEOUT("RUN:STATEMENT_TIMEOUT", Kind.RUN),
    RUN_ATTEMPTS_EXHAUSTED("RUN:ATTEMPTS_EXHAUSTED", Kind.RUN),
    PLATFORM_OBJECT_STORE("PLATFORM:OBJECT_STORE", Kind.PLATFORM),
    PLATFORM_BROKER("PLATFORM:BROKER", Kind.PLATFORM),
    PLATFORM_SCRATCH_DATABASE("PLATFORM:SCRATCH_DATABASE", Kind.PLATFORM),
    PLATFORM_WORK_DISK("PLATFORM:WORK_DISK", Kind.PLATFORM),
    PLATFORM_WORKER("PLATFORM:WORKER", Kind.PLATFORM),
    PLATFORM_STALLED("PLATFORM:STALLED", Kind.PLATFORM),
    EVENT_MALFORMED("EVENT:MALFORMED", Kind.PLATFORM);

    /** A failure said in plain words for the requester, with how to try again. */
    public record Explanation(String headline, String retry) {
    }

    private static final Explanation UNKNOWN = new Explanation("The upgrade stopped.",
            "Read the message and the log below and correct what they point at, then submit a new request. Reply "
                    + "to this mail if you need help.");

    private static final Map<String, FailureReason> BY_CODE = Arrays.stream(values())
            .collect(Collectors.toUnmodifiableMap(FailureReason::code, Function.identity()));

    private final String code;
    private final Kind kind;

    FailureReason(String code, Kind kind) {
        this.code = code;
        this.kind = kind;
    }

    /** The stable code on the wire, e.g. {@code RESTORE:FAILED}. */
    public String code() {
        return code;
    }

    /**
     * Whether the cause is the platform's (its parts, its budgets, its own pack), rather than the backup, the
     * scripts or the data the requester brought.
     */
    public boolean platformFault() {
        return kind.platformFault;
    }

    public Explanation explanation() {
        return kind.explanation;
    }

    /** The code, so that the reason reads as it does on the wire in logs and messages. */
    @Override
    public String toString() {
        return code;
    }

    /** The reason of a code read from the wire; empty for one this version does not know, or none. */
    public static Optional<FailureReason> ofCode(String code) {
        return Optional.ofNullable(code).map(BY_CODE::get);
    }

    /** The explanation of a code read from the wire; a general one for a code this version does not know. */
    public static Explanation explain(String code) {
        return ofCode(code).map(FailureReason::explanation).orElse(UNKNOWN);
    }

    /** Reasons that call for the same advice; the advice follows from whose side the cause is on. */
    private enum Kind {
        BACKUP(false, "Your backup could not be used.", "Make a new backup with the database manager (a .zip with "
                + "dump.sql, manifest.json and the filestore) or with pg_dump in custom format, of the version you "
                + "declared, and submit a new request with it."),
        SCRIPTS(false, "Your upgrade scripts could not be used.", "Correct the scripts as the message says, laid "
                + "out as <version>/<module>/{pre,post,end}-NN-name.sql in UTF-8, and submit a new request with them."),
        RESTORE(false, "Your backup could not be restored into a database.", "The log below shows what PostgreSQL "
                + "refused. Make sure the backup is complete and was made by the database manager or pg_dump, then "
                + "submit a new request with a fresh backup."),
        UPGRADE(false, "An upgrade script failed on the data of your database.", "This usually comes from data the "
                + "upgrade scripts did not expect. Reply to this mail: we correct the script, then you submit a new "
                + "request with the same backup. If the log names one of your own modules, correct its data first."),
        MODULE(false, "Your database has modules the upgrade does not know.", "Submit a new request that brings "
                + "upgrade scripts for your own modules, or uninstall them before you make the backup."),
        TARGET(false, "This upgrade path is not available.", "Choose a target version that is newer than your "
                + "database and open for upgrades, and submit a new request."),
        DUMP(true, "The upgraded database could not be saved.", Kind.SAME_BACKUP),
        NEUTRALIZE(true, "The test copy of your database could not be neutralized.", "Reply to this mail: we "
                + "correct the neutralization rules, then you submit a new request with the same backup."),
        ARTIFACT(true, "A file of your request went missing on our side.", Kind.SAME_BACKUP),
        RUN(true, "The upgrade of your database did not finish within the limits of one run.", "Reply to this mail: "
                + "the upgrade team looks at what in the database takes so long or stops the run, and runs it "
                + "again."),
        PLATFORM(true, "The upgrade stopped because of a fault on our side, not in your database.", "Our operations "
                + "team was alerted and will run your request again once the fault is fixed; you will get a new mail "
                + "then. Nothing needs to change on your side.");

        private static final String SAME_BACKUP = "Nothing needs fixing on your side: submit a new request with the "
                + "same backup.";

        private final boolean platformFault;
        private final Explanation explanation;

        Kind(boolean platformFault, String headline, String retry) {
            this.platformFault = platformFault;
            this.explanation = new Explanation(headline, retry);
        }
    }
}
