package org.juniper.upgrade.intake.operations.console;

import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.juniper.upgrade.intake.config.IntakeConfig;

/**
 * The console's sessions, kept by the browser alone: the cookie holds an expiry and a random id signed with a key
 * derived from the ops token, never the token itself. Every replica checks it without shared state, and a new ops
 * token ends every session. Each session's forms carry a CSRF token derived from its id.
 */
@ApplicationScoped
public class ConsoleSessions {
    static final String COOKIE = "juniper-ops-console";

    /** A signed-in operator's session. */
    record Session(String id, Instant expires) {
    }

    private static final SecureRandom RANDOM = new SecureRandom();

    private final SecretKeySpec key;
    private final ConsoleConfig config;

    ConsoleSessions(IntakeConfig intake, ConsoleConfig config) {
        this.config = config;
        this.key = new SecretKeySpec(hmac(new SecretKeySpec(intake.opsToken().getBytes(StandardCharsets.UTF_8),
                "HmacSHA256"), "juniper operations console session key"), "HmacSHA256");
    }

    /** A new session from {@code now}, as the cookie's value. */
    String open(Instant now) {
        byte[] id = new byte[24];
        RANDOM.nextBytes(id);
        String body = now.plus(config.session()).getEpochSecond() + "." + Base64.getUrlEncoder().withoutPadding()
                .encodeToString(id);
        return body + "." + sign(body);
    }

    /** The session a cookie holds, if it is ours and has not expired. */
    Optional<Session> read(String cookie, Instant now) {
        String[] parts = cookie == null ? new String[0] : cookie.split("\\.");
        if (parts.length != 3 || !same(sign(parts[0] + "." + parts[1]), parts[2])) {
            return Optional.empty();
        }
        try {
            Instant expires = Instant.ofEpochSecond(Long.parseLong(parts[0]));
            return expires.isAfter(now) ? Optional.of(new Session(parts[1], expires)) : Optional.empty();
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    String csrf(Session session) {
        return sign("csrf." + session.id());
    }

    boolean csrfMatches(Session session, String token) {
        return token != null && same(csrf(session), token);
    }

    long maxAgeSeconds() {
        return config.session().toSeconds();
    }

    private String sign(String text) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(hmac(key, text));
    }

    private static byte[] hmac(SecretKeySpec key, String text) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac.doFinal(text.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }

    private static boolean same(String a, String b) {
        return MessageDigest.isEqual(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
    }
}
