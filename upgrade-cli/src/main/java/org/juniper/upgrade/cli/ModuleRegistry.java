package org.juniper.upgrade.cli;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads what a plain dump says about itself as it streams by, so that a dump file gets its manifest without being
 * read twice: the installed modules (the COPY data of {@code ir_module_module}) and the server version it came from.
 */
final class ModuleRegistry extends OutputStream {
    private static final Pattern REGISTRY_COPY = Pattern.compile(
            "^COPY (?:public\\.)?\"?ir_module_module\"? \\((.+)\\) FROM stdin;$");
    private static final Pattern DUMPED_FROM = Pattern.compile("^-- Dumped from database version (\\d+)");
    /** Enough for any line this looks for outside the registry; longer lines are data and are skipped. */
    private static final int HEADER_LINE = 8192;
    /** A registry row holds a module's description: long, but never this long. */
    private static final int REGISTRY_LINE = 4 << 20;

    private final ByteArrayOutputStream line = new ByteArrayOutputStream();
    private final Map<String, String> modules = new TreeMap<>();
    private String serverMajor;
    private List<String> columns;

    /** The Juniper major version of installed modules ({@code base} 14.0.1.3 is 14.0); empty if base is missing. */
    static Optional<String> juniperVersion(Map<String, String> installed) {
        Matcher m = Pattern.compile("^(\\d+\\.\\d+)").matcher(installed.getOrDefault("base", ""));
        return m.find() ? Optional.of(m.group(1)) : Optional.empty();
    }

    Map<String, String> installedModules() {
        return modules;
    }

    /** The major version of the server the dump came from, when its header says. */
    Optional<String> serverMajor() {
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
        for (int i = off; i < end; i++) {
            if (b[i] == '\n') {
                keep(b, start, i - start);
                endLine();
                start = i + 1;
            }
        }
        keep(b, start, end - start);
    }

    @Override
    public void close() {
        if (line.size() > 0) {
            endLine();
        }
    }

    private void keep(byte[] b, int off, int len) {
        int room = (columns != null ? REGISTRY_LINE : HEADER_LINE) - line.size();
        line.write(b, off, Math.max(0, Math.min(len, room)));
    }

    private void endLine() {
        String text = line.toString(StandardCharsets.UTF_8);
        line.reset();
        if (columns != null) {
            if (text.equals("\\.")) {
                columns = null;
            } else {
                registryRow(text.split("\t", -1));
            }
            return;
        }
        Matcher copy = REGISTRY_COPY.matcher(text);
        if (copy.matches()) {
            columns = Arrays.stream(copy.group(1).split(",")).map(c -> c.strip().replace("\"", "")).toList();
            return;
        }
        Matcher from = DUMPED_FROM.matcher(text);
        if (serverMajor == null && from.find()) {
            serverMajor = from.group(1);
        }
    }

    private void registryRow(String[] fields) {
        int name = columns.indexOf("name");
        int state = columns.indexOf("state");
        int version = columns.indexOf("latest_version");
        if (name < 0 || state < 0 || fields.length != columns.size() || !"installed".equals(fields[state])) {
            return;
        }
        modules.put(fields[name], version < 0 || fields[version].equals("\\N") ? "" : fields[version]);
    }
}
