package org.juniper.upgrade.intake.service;

/**
 * One thing wrong with what the caller sent.
 *
 * @param reason stable code for programs, e.g. {@code TARGET:DOWNGRADE}
 * @param message what is wrong, for people
 * @param expected what would be accepted
 */
public record Failure(String reason, String message, String expected) {
}
