package org.juniper.upgrade.intake.request.rest;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.juniper.upgrade.intake.refusal.Failure;
import org.juniper.upgrade.intake.refusal.RequestRefusedException;

/** The one Range form the log supports: from a byte offset to the end. */
final class LogRange {
    private static final Pattern FROM_OFFSET = Pattern.compile("bytes=(\\d{1,18})-");

    private LogRange() {
    }

    /** The offset asked for, or -1 when the whole log is wanted. */
    static long start(String header) {
        if (header == null || header.isBlank()) {
            return -1;
        }
        Matcher m = FROM_OFFSET.matcher(header.trim());
        if (!m.matches()) {
            throw new RequestRefusedException(416, new Failure("LOG:RANGE", "unsupported range '"
                    + Failure.shown(header) + "'",
                    "'Range: bytes=<offset>-' with an offset of at most 18 digits"));
        }
        return Long.parseLong(m.group(1));
    }
}
