package org.juniper.upgrade.cli;

import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.regex.Pattern;

/**
 * Names of the databases a restore creates. They are also folder names under the filestore root, so only letters,
 * digits, '_', '.' and '-' are allowed (the names intake accepts too), never starting with '.' or '-', and at most
 * 63 characters, PostgreSQL's limit; a long database name is shortened so that the suffix stays whole.
 */
final class RestoreNames {
    static final int MAX_LENGTH = 63;
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_.-]{0," + (MAX_LENGTH - 1) + "}");
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyy_MM_dd_HH_mm");

    private RestoreNames() {
    }

    /** A restored copy: {@code <db>_<purpose>_<target>_<YYYY_MM_DD_HH_MM>}, e.g. acme_test_17.0_2026_05_04_09_30. */
    static String copy(String database, String purpose, String target, LocalDateTime at) {
        return fit(database, "_" + purpose + "_" + target + "_" + STAMP.format(at));
    }

    /** Where a production database is kept when the upgraded one takes its name. */
    static String keptOriginal(String database, String target, LocalDateTime at) {
        return fit(database, "_before_" + target + "_" + STAMP.format(at));
    }

    /**
     * Where a database is restored before it takes {@code name}. Without a time of its own, a database that a killed
     * run left there stops the next run, which says to drop it, rather than being forgotten.
     */
    static String staging(String name) {
        return fit(name, "_restoring");
    }

    /** {@code name} if it is a valid database name; otherwise a usage failure that says what is allowed. */
    static String check(String name, String what) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new CliFailure(Exit.USAGE, "'" + name + "' cannot be " + what + ": use 1 to " + MAX_LENGTH
                    + " letters, digits, '_', '.' or '-', starting with a letter, digit or '_'");
        }
        return name;
    }

    private static String fit(String database, String suffix) {
        int room = MAX_LENGTH - suffix.length();
        return (database.length() > room ? database.substring(0, room) : database) + suffix;
    }
}
