package org.juniper.upgrade.archive;

import java.util.Arrays;
import java.util.Optional;

/** The two accepted backup formats, told apart by their first bytes. */
public enum BackupFormat {
    ZIP("zip"), PG_CUSTOM("pg_custom");

    private static final byte[] ZIP_MAGIC = {'P', 'K', 3, 4};
    private static final byte[] PG_CUSTOM_MAGIC = {'P', 'G', 'D', 'M', 'P'};
    /** Bytes needed to recognise a format. */
    public static final int HEADER_LENGTH = 5;

    private final String code;

    BackupFormat(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    public static Optional<BackupFormat> detect(byte[] header) {
        if (startsWith(header, ZIP_MAGIC)) {
            return Optional.of(ZIP);
        }
        if (startsWith(header, PG_CUSTOM_MAGIC)) {
            return Optional.of(PG_CUSTOM);
        }
        return Optional.empty();
    }

    private static boolean startsWith(byte[] header, byte[] magic) {
        return header.length >= magic.length && Arrays.equals(header, 0, magic.length, magic, 0, magic.length);
    }
}
