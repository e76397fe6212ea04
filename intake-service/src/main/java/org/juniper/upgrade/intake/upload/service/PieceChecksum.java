package org.juniper.upgrade.intake.upload.service;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Map;
import org.juniper.upgrade.intake.refusal.Failure;
import org.juniper.upgrade.intake.refusal.RequestRefusedException;

/**
 * A piece's own checksum, as the tus checksum extension sends it: {@code Upload-Checksum: <algorithm> <Base64>}.
 * A piece that carries one counts whole or not at all.
 */
public record PieceChecksum(String algorithm, byte[] expected) {
    /** The algorithms taken, as {@code Tus-Checksum-Algorithm} lists them. */
    public static final String ALGORITHMS = "sha1,sha256,md5";
    private static final Map<String, String> JAVA_NAMES = Map.of("sha1", "SHA-1", "sha256", "SHA-256", "md5", "MD5");
    private static final String EXPECTED = "Upload-Checksum: <one of " + ALGORITHMS + "> <the piece's digest in "
            + "Base64>";

    /** The checksum a header announces, or null without one. */
    public static PieceChecksum of(String header) {
        if (header == null) {
            return null;
        }
        String[] words = header.trim().split(" +", 2);
        if (!JAVA_NAMES.containsKey(words[0])) {
            throw new RequestRefusedException(400, new Failure("UPLOAD:CHECKSUM_ALGORITHM", "'"
                    + Failure.shown(words[0]) + "' is not a checksum algorithm taken here", EXPECTED));
        }
        PieceChecksum checksum;
        try {
            checksum = new PieceChecksum(words[0], Base64.getDecoder().decode(words.length < 2 ? "" : words[1]));
        } catch (IllegalArgumentException e) {
            checksum = null;
        }
        if (checksum == null || checksum.expected.length != checksum.digest().getDigestLength()) {
            throw new RequestRefusedException(400, new Failure("UPLOAD:CHECKSUM_INVALID", "'"
                    + Failure.shown(header) + "' is no " + words[0] + " digest in Base64", EXPECTED));
        }
        return checksum;
    }

    MessageDigest digest() {
        try {
            return MessageDigest.getInstance(JAVA_NAMES.get(algorithm));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has " + algorithm, e);
        }
    }

    /** Refuses the piece whose bytes went through {@code digest} unless they are what was announced. */
    void require(MessageDigest digest, long offset) {
        byte[] actual = digest.digest();
        if (!MessageDigest.isEqual(actual, expected)) {
            // 460 is the status the tus checksum extension gives a mismatch
            throw new RequestRefusedException(460, new Failure("UPLOAD:CHECKSUM_MISMATCH", "the piece's " + algorithm
                    + " is " + Base64.getEncoder().encodeToString(actual) + ", not the "
                    + Base64.getEncoder().encodeToString(expected) + " announced; nothing of it is kept",
                    "the piece again, from Upload-Offset " + offset));
        }
    }
}
