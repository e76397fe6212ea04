package org.juniper.upgrade.archive;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;
import org.juniper.upgrade.events.FailureReason;

/**
 * Passes a plain SQL dump to psql so that no psql meta-command in it ever runs. The stream starts with psql's
 * {@code \restrict} (only a key the dump cannot know lifts it), and any backslash line outside COPY data is refused
 * before psql sees it. A dump's own restrict and unrestrict lines (pg_dump adds them) are dropped.
 */
public final class DumpGuard {
    private static final Pattern OWN_RESTRICT = Pattern.compile("^\\\\(un)?restrict [A-Za-z0-9]+\\r?$");
    /** Longest line kept whole for a decision; longer lines are data and stream through. */
    private static final int DECISION_LINE = 8192;

    private DumpGuard() {
    }

    /** Copies the dump to {@code psql}, wrapped in restricted mode with {@code restrictKey}; returns bytes read. */
    public static long copy(InputStream dump, OutputStream psql, String restrictKey)
            throws IOException, InvalidBackupException {
        restrict(psql, restrictKey);
        long read = scan(dump, line -> psql, null);
        psql.flush();
        return read;
    }

    /**
     * Opens a psql input in restricted mode with {@code restrictKey}: every stream that {@link #route} feeds to a
     * psql must start with this.
     */
    public static void restrict(OutputStream psql, String restrictKey) throws IOException {
        if (!restrictKey.matches("[A-Za-z0-9]+")) {
            throw new IllegalArgumentException("restrict key must be alphanumeric");
        }
        psql.write(("\\restrict " + restrictKey + "\n").getBytes(StandardCharsets.US_ASCII));
    }

    /** Where each part of a dump goes when it is spread over several psql inputs. */
    public interface Router {
        /**
         * The stream that receives {@code line} and the COPY data after it. Asked for every line outside COPY data
         * that the guard let through; a line longer than the guard decides on whole is given by its start.
         */
        OutputStream at(String line) throws IOException;
    }

    /**
     * Scans the dump with the same refusals as {@link #copy}, writing each line to the stream {@code router}
     * chooses; returns bytes read. Opening each stream with {@link #restrict} is the router's duty.
     */
    public static long route(InputStream dump, Router router) throws IOException, InvalidBackupException {
        return scan(dump, router, null);
    }

    /**
     * Reads the whole dump and refuses it if it holds a meta-command, noting the module registry's rows in
     * {@code registry} on the way; returns its size.
     */
    public static long check(InputStream dump, ModuleRegistry registry) throws IOException, InvalidBackupException {
        OutputStream nowhere = OutputStream.nullOutputStream();
        return scan(dump, line -> nowhere, registry);
    }

    /** {@code registry} is null when the registry is not read. */
    private static long scan(InputStream in, Router router, ModuleRegistry registry)
            throws IOException, InvalidBackupException {
        byte[] buffer = new byte[64 * 1024];
        byte[] line = new byte[DECISION_LINE];
        int lineLength = 0;
        boolean streamingLine = false;
        Target target = new Target(registry);
        long lineNumber = 1;
        long total = 0;
        int n;
        while ((n = in.read(buffer)) > 0) {
            total += n;
            int start = 0;
            for (int i = Bytes.indexOf(buffer, (byte) '\n', 0, n); i >= 0;
                    i = Bytes.indexOf(buffer, (byte) '\n', start, n)) {
                int len = i + 1 - start;
                if (streamingLine) {
                    target.write(buffer, start, len);
                } else if (lineLength + len > DECISION_LINE) {
                    refuseMetaCommand(line, lineLength, buffer, start, target.inCopy, lineNumber);
                    target.longLine(router, line, lineLength, buffer, start, len);
                } else {
                    System.arraycopy(buffer, start, line, lineLength, len);
                    lineLength += len;
                    decide(line, lineLength, target, lineNumber, router);
                }
                start = i + 1;
                lineLength = 0;
                streamingLine = false;
                lineNumber++;
            }
            if (start < n) {
                if (streamingLine) {
                    target.write(buffer, start, n - start);
                } else if (lineLength + (n - start) <= DECISION_LINE) {
                    System.arraycopy(buffer, start, line, lineLength, n - start);
                    lineLength += n - start;
                } else {
                    // too long to be a command line: it must be ordinary SQL or data
                    refuseMetaCommand(line, lineLength, buffer, start, target.inCopy, lineNumber);
                    target.longLine(router, line, lineLength, buffer, start, n - start);
                    lineLength = 0;
                    streamingLine = true;
                }
            }
        }
        if (lineLength > 0) {
            decide(line, lineLength, target, lineNumber, router);
        }
        if (target.out != null) {
            target.out.flush();
        }
        return total;
    }

    /** Where the scan writes, whether it is inside COPY data, and the registry that reads the data it is in. */
    private static final class Target {
        final ModuleRegistry registry;
        OutputStream out;
        boolean inCopy;

        Target(ModuleRegistry registry) {
            this.registry = registry;
        }

        /** Writes part of a line; the module registry's rows, long ones too, are read on their way. */
        void write(byte[] bytes, int offset, int length) throws IOException {
            out.write(bytes, offset, length);
            if (inCopy && registry != null && registry.reading()) {
                registry.write(bytes, offset, length);
            }
        }

        /** Writes the start of a line too long to decide on whole; the rest follows where it went. */
        void longLine(Router router, byte[] line, int lineLength, byte[] buffer, int start, int length)
                throws IOException {
            if (!inCopy) {
                out = router.at(new String(line, 0, lineLength, StandardCharsets.UTF_8)
                        + new String(buffer, start, Math.min(length, DECISION_LINE), StandardCharsets.UTF_8));
            }
            write(line, 0, lineLength);
            write(buffer, start, length);
        }
    }

    private static void decide(byte[] line, int length, Target target, long lineNumber, Router router)
            throws IOException, InvalidBackupException {
        if (target.inCopy) {
            target.write(line, 0, length);
            // the text is only made when it can matter: COPY data is most of a dump
            if (length >= 2 && line[0] == '\\' && line[1] == '.'
                    && new String(line, 0, length, StandardCharsets.UTF_8).stripTrailing().equals("\\.")) {
                target.inCopy = false;
                if (target.registry != null) {
                    target.registry.dataEnds();
                }
            }
            return;
        }
        String text = new String(line, 0, length, StandardCharsets.UTF_8).stripTrailing();
        if (length > 0 && line[0] == '\\') {
            if (OWN_RESTRICT.matcher(text).matches()) {
                return;
            }
            throw unsafe(lineNumber, text);
        }
        if (CopyHeader.startsData(text)) {
            target.inCopy = true;
            if (target.registry != null) {
                target.registry.copyStarts(text);
            }
        }
        target.out = router.at(text);
        target.out.write(line, 0, length);
    }

    private static void refuseMetaCommand(byte[] line, int lineLength, byte[] buffer, int start, boolean inCopy,
            long lineNumber) throws InvalidBackupException {
        byte first = lineLength > 0 ? line[0] : buffer[start];
        if (!inCopy && first == '\\') {
            throw unsafe(lineNumber, new String(line, 0, Math.min(lineLength, 40), StandardCharsets.UTF_8));
        }
    }

    private static InvalidBackupException unsafe(long lineNumber, String text) {
        String shown = text.length() > 40 ? text.substring(0, 40) + "..." : text;
        return new InvalidBackupException(FailureReason.BACKUP_UNSAFE_DUMP,
                "dump.sql line " + lineNumber + " is a psql meta-command (" + shown + "), which the platform never "
                        + "runs; create the dump with plain 'pg_dump --no-owner' and do not edit it");
    }
}
