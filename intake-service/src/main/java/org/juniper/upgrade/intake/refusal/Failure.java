package org.juniper.upgrade.intake.refusal;

/**
 * One thing wrong with what the caller sent.
 *
 * @param reason stable code for programs, e.g. {@code TARGET:DOWNGRADE}
 * @param message what is wrong, for people
 * @param expected what would be accepted
 */
public record Failure(String reason, String message, String expected) {

    /** Client text as a message shows it: control characters replaced, not endless. */
    public static String shown(String text) {
        if (text == null) {
            return "";
        }
        String cut = text.length() > 100 ? text.substring(0, 100) + "..." : text;
        return cut.replaceAll("\\p{Cntrl}", "?");
    }
}
