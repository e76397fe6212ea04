package org.juniper.upgrade.archive;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The installed modules as a plain dump's data says them: the rows of {@code ir_module_module} read while the dump
 * streams by, so that the manifest can be checked against the database it describes without a second pass.
 */
public final class ModuleRegistry {
    private static final Pattern COPY_REGISTRY = Pattern.compile(
            "^COPY (?:public\\.)?\"?ir_module_module\"? \\(([^)]*)\\) FROM stdin;$");

    private final Map<String, String> installed = new TreeMap<>();
    private boolean found;
    private int nameColumn = -1;
    private int stateColumn = -1;
    private int versionColumn = -1;
    private boolean reading;

    /** Whether the dump had the module registry's data at all. */
    public boolean found() {
        return found;
    }

    /** Installed module name to its version ({@code latest_version}, empty when null). */
    public Map<String, String> installed() {
        return installed;
    }

    /** The Juniper major version of {@code base}, e.g. {@code 14.0}; null when base is not installed. */
    public String version() {
        String base = installed.get("base");
        if (base == null) {
            return null;
        }
        String[] parts = base.split("\\.");
        return parts.length >= 2 ? parts[0] + "." + parts[1] : base;
    }

    /** Takes a COPY header line outside data; returns whether its rows belong to the registry. */
    boolean copyStarts(String header) {
        Matcher m = COPY_REGISTRY.matcher(header);
        reading = m.matches();
        if (reading) {
            List<String> columns = Arrays.stream(m.group(1).split(",")).map(c -> c.strip().replace("\"", ""))
                    .toList();
            nameColumn = columns.indexOf("name");
            stateColumn = columns.indexOf("state");
            versionColumn = columns.indexOf("latest_version");
            found = nameColumn >= 0 && stateColumn >= 0;
        }
        return reading;
    }

    boolean reading() {
        return reading;
    }

    /** One line of COPY data, or the {@code \.} that ends it. */
    void row(String line) {
        if (line.equals("\\.")) {
            reading = false;
            return;
        }
        if (!found) {
            return;
        }
        String[] fields = line.split("\t", -1);
        int needed = Math.max(nameColumn, Math.max(stateColumn, versionColumn));
        if (fields.length > needed && "installed".equals(fields[stateColumn])) {
            String version = versionColumn < 0 || fields[versionColumn].equals("\\N") ? "" : fields[versionColumn];
            installed.put(fields[nameColumn], version);
        }
    }
}
