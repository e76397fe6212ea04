package org.juniper.upgrade.bindings.links;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class DownloadLinksTest {
    private static final Instant NOW = Instant.parse("2026-12-07T12:00:00Z");
    private static final UUID REQUEST = UUID.randomUUID();
    private static final UUID ATTEMPT = UUID.randomUUID();

    private static LinksConfig config(String key) {
        return new LinksConfig() {
            @Override
            public String key() {
                return key;
            }

            @Override
            public Duration validity() {
                return Duration.ofDays(7);
            }
        };
    }

    private static DownloadLinks at(Instant when, String key) {
        return new DownloadLinks(config(key), Clock.fixed(when, ZoneOffset.UTC));
    }

    private static final String KEY = "a-key-of-at-least-thirty-two-characters";

    @Test
    void aMintedLinkOpensItsRequestAndAttemptUntilItExpires() {
        DownloadLinks.Capability link = at(NOW, KEY).mint(REQUEST, ATTEMPT);
        DownloadLinks.Grant grant = at(NOW.plus(Duration.ofDays(6)), KEY).verify(link.token()).orElseThrow();
        assertEquals(REQUEST, grant.requestId());
        assertEquals(ATTEMPT, grant.attempt());
        assertEquals(NOW, grant.issuedAt());
        assertEquals(NOW.plus(Duration.ofDays(7)), link.expiresAt());
        assertTrue(at(NOW.plus(Duration.ofDays(7)), KEY).verify(link.token()).isEmpty(), "expired");
    }

    @Test
    void aLinkWithAnyClaimChangedOrSignedWithAnotherKeyOpensNothing() {
        String token = at(NOW, KEY).mint(REQUEST, ATTEMPT).token();
        String otherRequest = token.replace(REQUEST.toString(), UUID.randomUUID().toString());
        String longer = token.replaceFirst("\\.(\\d+)\\.", ".$1.").replace("." + NOW.plus(Duration.ofDays(7))
                .getEpochSecond() + ".", "." + NOW.plus(Duration.ofDays(700)).getEpochSecond() + ".");
        DownloadLinks verifier = at(NOW, KEY);
        assertTrue(verifier.verify(otherRequest).isEmpty());
        assertTrue(verifier.verify(longer).isEmpty());
        assertTrue(verifier.verify(token.substring(0, token.length() - 1)).isEmpty());
        assertTrue(verifier.verify("not-a-link").isEmpty());
        assertTrue(verifier.verify("x".repeat(10_000)).isEmpty());
        assertTrue(at(NOW, KEY + "-rotated").verify(token).isEmpty());
    }

    @Test
    void aShortKeyIsRefusedAtStart() {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, () -> at(NOW, "short"));
        assertTrue(refused.getMessage().contains("juniper.links.key"));
    }
}
