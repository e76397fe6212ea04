package org.juniper.upgrade.archive;

import java.util.regex.Pattern;

/** Entry names of the Juniper backup archive, and the rule that keeps every entry inside it. */
public final class ArchiveLayout {
    public static final String DUMP = "dump.sql";
    public static final String MANIFEST = "manifest.json";
    public static final String FILESTORE_PREFIX = "filestore/";
    public static final String REPORT = "upgrade-report.html";
    public static final String LOG = "upgrade.log";

    private static final Pattern FILESTORE_ENTRY = Pattern.compile("filestore/[0-9a-f]{2}/[0-9a-f]{40}");

    private ArchiveLayout() {
    }

    public static String filestorePath(String sha1) {
        return FILESTORE_PREFIX + sha1.substring(0, 2) + "/" + sha1;
    }

    public static boolean isFilestoreFile(String name) {
        return FILESTORE_ENTRY.matcher(name).matches();
    }

    /** True when extracting {@code name} under a folder could write outside of it. */
    public static boolean escapes(String name) {
        if (name.isEmpty() || name.startsWith("/") || name.contains("\\") || name.indexOf('\0') >= 0
                || name.matches("^[A-Za-z]:.*")) {
            return true;
        }
        for (String part : name.split("/")) {
            if (part.equals("..")) {
                return true;
            }
        }
        return false;
    }
}
