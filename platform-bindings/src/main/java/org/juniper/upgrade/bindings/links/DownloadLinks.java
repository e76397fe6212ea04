package org.juniper.upgrade.bindings.links;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Download capabilities: a link that opens one attempt's download and report without the requester's secret, until
 * it expires or its request revokes the links issued before a moment. The notification service mints them for mails
 * and intake for its page; only intake honours them. Signed, not stored: the key is shared by configuration, and a
 * capability says nothing but which request and attempt it opens and when it was issued and expires.
 */
@ApplicationScoped
public class DownloadLinks {
    private static final String ALGORITHM = "HmacSHA256";
    static final int MIN_KEY_LENGTH = 32;

    private final SecretKeySpec key;
    private final LinksConfig config;
    private final Clock clock;

    @Inject
    DownloadLinks(LinksConfig config) {
        this(config, Clock.systemUTC());
    }

    /** Links as of {@code clock}: tests mint what another moment would have. */
    public DownloadLinks(LinksConfig config, Clock clock) {
        if (config.key().length() < MIN_KEY_LENGTH) {
            throw new IllegalArgumentException("juniper.links.key must have at least " + MIN_KEY_LENGTH
                    + " characters: it signs the download links in mails");
        }
        this.key = new SecretKeySpec(config.key().getBytes(StandardCharsets.UTF_8), ALGORITHM);
        this.config = config;
        this.clock = clock;
    }

    /** What a valid capability opens. */
    public record Grant(UUID requestId, UUID attempt, Instant issuedAt, Instant expiresAt) {
    }

    /** A capability for the attempt, valid from now for the configured time. */
    public Capability mint(UUID requestId, UUID attempt) {
        Instant issued = clock.instant();
        Instant expires = issued.plus(config.validity());
        String claims = requestId + "." + attempt + "." + issued.toEpochMilli() + "." + expires.getEpochSecond();
        return new Capability(claims + "." + sign(claims), expires);
    }

    /** A signed capability and its end. */
    public record Capability(String token, Instant expiresAt) {
    }

    /** What the token opens, or nothing when it is malformed, forged or expired. */
    public Optional<Grant> verify(String token) {
        if (token == null || token.length() > 200) {
            return Optional.empty();
        }
        int lastDot = token.lastIndexOf('.');
        String[] claims = token.substring(0, Math.max(lastDot, 0)).split("\\.", -1);
        if (lastDot < 0 || claims.length != 4 || !MessageDigest.isEqual(sign(token.substring(0, lastDot))
                .getBytes(StandardCharsets.US_ASCII), token.substring(lastDot + 1).getBytes(StandardCharsets.US_ASCII))) {
            return Optional.empty();
        }
        try {
            Grant grant = new Grant(UUID.fromString(claims[0]), UUID.fromString(claims[1]),
                    Instant.ofEpochMilli(Long.parseLong(claims[2])), Instant.ofEpochSecond(Long.parseLong(claims[3])));
            return grant.expiresAt().isAfter(clock.instant()) ? Optional.of(grant) : Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private String sign(String claims) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return Base64.getUrlEncoder().withoutPadding().encodeToString(mac.doFinal(claims.getBytes(
                    StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JVM has no " + ALGORITHM, e);
        }
    }
}
