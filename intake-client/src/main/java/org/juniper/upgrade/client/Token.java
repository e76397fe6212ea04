package org.juniper.upgrade.client;

import java.util.UUID;

/**
 * What identifies and unlocks one request: its id and the requester's secret, written {@code <id>:<secret>}. The
 * secret is shown only once by the platform, so the token is what the administrator keeps.
 */
public record Token(UUID id, String secret) {

    public Token {
        if (secret == null || secret.isEmpty() || secret.contains(":")
                || secret.chars().anyMatch(Character::isWhitespace)) {
            throw new IllegalArgumentException("the secret of a token is one word without ':'");
        }
    }

    /** Reads {@code <id>:<secret>}; the message of the exception says what a token looks like. */
    public static Token parse(String text) {
        int colon = text == null ? -1 : text.indexOf(':');
        if (colon < 0) {
            throw new IllegalArgumentException("'" + text + "' is not a token: expected <request id>:<secret>, as "
                    + "printed when the request was created");
        }
        try {
            return new Token(UUID.fromString(text.substring(0, colon).trim()), text.substring(colon + 1).trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("'" + text + "' is not a token: expected <request id>:<secret>, as "
                    + "printed when the request was created", e);
        }
    }

    @Override
    public String toString() {
        return id + ":" + secret;
    }
}
