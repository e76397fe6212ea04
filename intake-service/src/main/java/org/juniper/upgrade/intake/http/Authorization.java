package org.juniper.upgrade.intake.http;

/** The one place a credential is read from: the {@code Authorization} header, never the URL. */
public final class Authorization {
    private Authorization() {
    }

    /** The credential of {@code Authorization: Bearer <credential>}, or null for another scheme or none. */
    public static String bearer(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return null;
        }
        return authorization.substring(7).trim();
    }
}
