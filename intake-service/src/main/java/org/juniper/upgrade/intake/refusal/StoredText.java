package org.juniper.upgrade.intake.refusal;

/** Text a client sends for a column: checked before it reaches the database. */
public final class StoredText {
    private StoredText() {
    }

    /**
     * Whether {@code text} is given, fits a column of {@code size} characters and holds no NUL character, which
     * PostgreSQL text cannot store.
     */
    public static boolean fits(String text, int size) {
        return text != null && !text.isBlank() && text.length() <= size && text.indexOf('\0') < 0;
    }
}
