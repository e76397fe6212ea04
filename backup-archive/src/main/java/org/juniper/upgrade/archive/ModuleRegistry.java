package org.juniper.upgrade.archive;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The installed modules a plain dump's data says, read while the dump streams by, so that a dump needs no second
 * pass for its manifest: a dump written to this stream (in pieces cut anywhere) is read for them and for the server
 * version its header names, and {@link DumpGuard#check} writes the registry's data to it on its way. Where the registry lives is the
 * ERP's to say, in a {@link Shape}; the same shape gives the queries that read it from a live database.
 */
public final class ModuleRegistry extends OutputStream {
    private static final String DUMPED_FROM = "-- Dumped from database version ";
    private static final Pattern MAJOR = Pattern.compile("^\\d+");
    /** Enough for any line this looks for outside the registry; longer lines are data and are skipped. */
    private static final int HEADER_LINE = 8192;
    /** A registry row holds a module's description: long, but never this long. */
    private static final int REGISTRY_LINE = 4 << 20;
    /** Of a line of other data, only enough to see whether it ends the data. */
    private static final int DATA_LINE = 3;

    /**
     * Where a database keeps its module registry: the table, its columns, the state of an installed module, and the
     * module whose version is the database's.
     */
    public record Shape(String table, String nameColumn, String stateColumn, String versionColumn,
            String installedState, String versionModule) {
        /**
         * The version a database is at: the first two parts of {@code versionModule}'s version (14.0.1.3 is 14.0);
         * empty when the module is not installed or its version has fewer parts.
         */
        public Optional<String> version(Map<String, String> installed) {
            String[] parts = installed.getOrDefault(versionModule, "").split("\\.");
            return parts.length >= 2 ? Optional.of(parts[0] + "." + parts[1]) : Optional.empty();
        }

        /** A query of one boolean: whether the database has the registry. */
        public String existsSql() {
            return "select to_regclass('public." + quoted(table).replace("'", "''") + "') is not null";
        }

        /** A query of the installed modules: their name and version (empty when it has none), one row each. */
        public String installedSql() {
            return "select " + quoted(nameColumn) + ", coalesce(" + quoted(versionColumn) + ", '') from public."
                    + quoted(table) + " where " + quoted(stateColumn) + " = '" + installedState.replace("'", "''")
                    + "'";
        }

        private static String quoted(String name) {
            return '"' + name.replace("\"", "\"\"") + '"';
        }
    }

    private final Shape shape;
    private final Map<String, String> installed = new TreeMap<>();
    private final ByteArrayOutputStream line = new ByteArrayOutputStream();
    private boolean found;
    private String serverMajor;
    /** Whether the lines written are COPY data, the registry's or another table's. */
    private boolean inData;
    /** While the registry's data is read: the number of its columns and where the ones read are. */
    private boolean reading;
    private int columnCount;
    private int nameColumn;
    private int stateColumn;
    private int versionColumn;

    public ModuleRegistry(Shape shape) {
        this.shape = shape;
    }

    /** Whether the dump had the module registry's data at all. */
    public boolean found() {
        return found;
    }

    /** Installed module name to its version (empty when it has none). */
    public Map<String, String> installed() {
        return installed;
    }

    /** The version the installed modules make the database, as its {@link Shape} reads it. */
    public Optional<String> version() {
        return shape.version(installed);
    }

    /** The major version of the server the dump came from, when its header says; not read through the guard. */
    public Optional<String> serverMajor() {
        return Optional.ofNullable(serverMajor);
    }

    @Override
    public void write(int b) {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) {
        int start = off;
        int end = off + len;
        for (int i = Bytes.indexOf(b, (byte) '\n', start, end); i >= 0; i = Bytes.indexOf(b, (byte) '\n', start,
                end)) {
            keep(b, start, i - start);
            endLine();
            start = i + 1;
        }
        keep(b, start, end - start);
    }

    /** Reads the last line when the dump does not end with a line end. */
    @Override
    public void close() {
        if (line.size() > 0) {
            endLine();
        }
    }

    private void keep(byte[] b, int off, int len) {
        int room = (reading ? REGISTRY_LINE : inData ? DATA_LINE : HEADER_LINE) - line.size();
        line.write(b, off, Math.max(0, Math.min(len, room)));
    }

    private void endLine() {
        String text = line.toString(StandardCharsets.UTF_8);
        line.reset();
        if (text.endsWith("\r")) {
            text = text.substring(0, text.length() - 1);
        }
        if (inData) {
            if (text.equals("\\.")) {
                dataEnds();
            } else if (reading) {
                row(text);
            }
        } else if (CopyHeader.startsData(text)) {
            copyStarts(text);
        } else if (serverMajor == null && text.startsWith(DUMPED_FROM)) {
            Matcher major = MAJOR.matcher(text.substring(DUMPED_FROM.length()));
            serverMajor = major.find() ? major.group() : null;
        }
    }

    /** Takes the COPY header of a block of data; returns whether its rows belong to the registry. */
    boolean copyStarts(String header) {
        Optional<CopyHeader> copy = CopyHeader.parse(header).filter(h -> h.name().equals(shape.table()));
        inData = true;
        reading = copy.isPresent();
        if (reading) {
            List<String> columns = copy.get().columns();
            columnCount = columns.size();
            nameColumn = columns.indexOf(shape.nameColumn());
            stateColumn = columns.indexOf(shape.stateColumn());
            versionColumn = columns.indexOf(shape.versionColumn());
            found |= nameColumn >= 0 && stateColumn >= 0;
        }
        return reading;
    }

    /** Whether the data that streams by is the registry's. */
    boolean reading() {
        return reading;
    }

    /** One row of the registry's data. */
    private void row(String text) {
        if (nameColumn < 0 || stateColumn < 0) {
            return;
        }
        String[] fields = text.split("\t", -1);
        if (fields.length == columnCount && shape.installedState().equals(CopyText.decode(fields[stateColumn]))) {
            String version = versionColumn < 0 ? null : CopyText.decode(fields[versionColumn]);
            installed.put(CopyText.decode(fields[nameColumn]), version == null ? "" : version);
        }
    }

    /** The end of a block of data, as the guard reads it. */
    void dataEnds() {
        inData = false;
        reading = false;
        line.reset();
    }
}
