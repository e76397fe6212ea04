package org.juniper.erp;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.juniper.upgrade.archive.ModuleRegistry;

/**
 * What the pack declares about the Juniper ERP: its versions, modules, fresh-install schema, upgrade scripts and
 * neutralization rules. The platform's engines run what this returns; a new Juniper version is new files under
 * {@code juniper/} (see the module's README.md), not new code.
 *
 * <p>Immutable and safe to share between threads.
 */
public final class JuniperPack {
    /** Folder of the upgrade scripts that run on every hop. */
    public static final String EVERY_HOP = "0.0.0";
    /**
     * The table where upgrade scripts record what they did that the customer must know (views deactivated, fields
     * merged, templates converted...), one row per fact; created by the first script of every hop, kept in the
     * upgraded database, and the only object the scripts add besides the target version's schema.
     */
    public static final String UPGRADE_NOTES_TABLE = "juniper_upgrade_note";
    /** Where a database keeps its system parameters: a table of keys and values. */
    public static final Parameters PARAMETERS = new Parameters("ir_config_parameter", "key", "value");
    /**
     * The key of {@link #PARAMETERS} under which a database records the contract it is covered by, as Odoo does: a
     * client reads it there rather than asking the administrator.
     */
    public static final String CONTRACT_PARAMETER = "database.enterprise_code";
    /**
     * Where a database keeps its modules, and how its version is read from them: the version of {@code base}, as in
     * Odoo ({@code 14.0.1.3} is a 14.0 database). The engines read the registry, in dumps and in live databases,
     * through this alone.
     */
    public static final ModuleRegistry.Shape MODULE_REGISTRY = new ModuleRegistry.Shape("ir_module_module", "name",
            "state", "latest_version", "installed", "base");

    private static final Pattern RULE_LINE = Pattern.compile("^--\\s*rule:\\s*(\\S+)\\s*$");
    /** Standard files: {@code <version>/<module>/<file name>}. */
    private static final Pattern FILE_PATH = Pattern.compile("([^/]+)/([^/]+)/([^/]+)");
    /** The attachments a database still holds in its rows, oldest first, with their bytes. */
    private static final String ATTACHMENTS_IN_DATABASE = """
            SELECT id, db_datas FROM ir_attachment
             WHERE type = 'binary' AND db_datas IS NOT NULL AND store_fname IS NULL
             ORDER BY id""";
    private static final String ATTACHMENT_IN_FILESTORE = """
            UPDATE ir_attachment SET store_fname = ?, checksum = ?, file_size = ?, db_datas = NULL WHERE id = ?""";

    /** A table of keys and values, by its name and its two columns. */
    public record Parameters(String table, String keyColumn, String valueColumn) {
    }

    private final ClassLoader loader;
    private final String root;
    private final List<String> versions;
    /** Upgrade scripts, from the index built with the jar. */
    private final List<ScriptPath> scriptIndex;
    /** Standard files as {@code <version>/<module>/<file>}, from the index built with the jar. */
    private final List<String> fileIndex;
    private final Map<String, ModuleGraph> graphs = new ConcurrentHashMap<>();

    JuniperPack(ClassLoader loader, String root) {
        this.loader = loader;
        this.root = root;
        Properties pack = properties("pack.properties")
                .orElseThrow(() -> new IllegalStateException("no " + root + "/pack.properties on the class path"));
        this.versions = List.of(pack.getProperty("versions", "").trim().split("\\s*,\\s*"));
        this.scriptIndex = index("upgrades").stream().map(path -> ScriptPath.parse(path).orElseThrow(
                () -> new IllegalStateException("upgrade script " + root + "/upgrades/" + path
                        + " is misplaced: expected " + ScriptPath.LAYOUT))).toList();
        this.fileIndex = index("files");
        for (String path : fileIndex) {
            if (!FILE_PATH.matcher(path).matches()) {
                throw new IllegalStateException("standard file " + root + "/files/" + path
                        + " is misplaced: expected <version>/<module>/<file name>");
            }
        }
    }

    private List<String> index(String folder) {
        return text(folder + "/index.txt")
                .orElseThrow(() -> new IllegalStateException("no " + root + "/" + folder + "/index.txt on the class "
                        + "path: it is written by the Maven build (process-resources), so build the pack with Maven"))
                .lines().map(String::strip).filter(line -> !line.isEmpty()).toList();
    }

    /** The pack that ships in this jar. */
    public static JuniperPack load() {
        return new JuniperPack(JuniperPack.class.getClassLoader(), "juniper");
    }

    /** Major versions the pack knows, oldest first, e.g. {@code [14.0, 15.0, 16.0, 17.0, 18.0]}. */
    public List<String> supportedVersions() {
        return versions;
    }

    /**
     * The versions an upgrade goes through, in order: {@code hops("14.0", "16.0")} is {@code [15.0, 16.0]}.
     *
     * @throws IllegalArgumentException when a version is unknown or the target is not newer than the source
     */
    public List<String> hops(String from, String to) {
        int source = indexOf(from);
        int target = indexOf(to);
        if (target <= source) {
            throw new IllegalArgumentException("cannot upgrade from " + from + " to " + to
                    + ": the target version must be newer than the source version");
        }
        return versions.subList(source + 1, target + 1);
    }

    /** The modules the pack knows at {@code version}, in loading order (base first). */
    public List<String> modules(String version) {
        return graph(version).loadingOrder();
    }

    /**
     * The installed modules the pack does not know at {@code version} (custom modules), sorted: the pack has no
     * scripts for them, so an upgrade must not start unless the request brings their scripts.
     */
    public List<String> unknownModules(String version, Collection<String> installedModules) {
        ModuleGraph graph = graph(version);
        return installedModules.stream().filter(module -> !graph.knows(module)).distinct().sorted().toList();
    }

    /**
     * The module versions recorded at {@code version}, e.g. {@code sale -> 14.0.1.1}, in loading order. Modules may
     * be named as of an earlier version (renamed and merged modules count under their new name). Modules the pack
     * does not know (custom modules) are left out: their versions are their own.
     */
    public Map<String, String> moduleVersions(String version, Collection<String> modules) {
        return graph(version).fullVersions(version, modules);
    }

    /**
     * The fresh-install SQL of one module at {@code version}: its tables and standard data, laid out as pg_dump lays
     * out a dump. Applying the files of the installed modules in loading order to an empty database gives a fresh
     * install.
     */
    public Optional<String> schemaSql(String version, String module) {
        indexOf(version);
        return text("schema/" + version + "/" + module + ".sql");
    }

    /**
     * The neutralization rules for the installed modules at {@code version}, modules in loading order and rules in
     * file order. For each module, the file of the newest {@code neutralize/<v>/} folder with {@code v <= version}
     * wins over the generic {@code neutralize/<module>.sql}.
     */
    public List<NeutralizationRule> neutralizationRules(String version, Collection<String> installedModules) {
        int upTo = indexOf(version);
        List<NeutralizationRule> rules = new ArrayList<>();
        for (String module : installedInLoadingOrder(version, installedModules)) {
            Optional<String> file = Optional.empty();
            String source = null;
            for (int i = upTo; i >= 0 && file.isEmpty(); i--) {
                source = "neutralize/" + versions.get(i) + "/" + module + ".sql";
                file = text(source);
            }
            if (file.isEmpty()) {
                source = "neutralize/" + module + ".sql";
                file = text(source);
            }
            if (file.isPresent()) {
                rules.addAll(parseRules(module, file.get(), root + "/" + source));
            }
        }
        return rules;
    }

    /**
     * The scripts of the hop to {@code version} for the installed modules: phase by phase (pre, post, end), within
     * a phase module by module in loading order, within a module by file name. As in Odoo, a module's
     * {@value #EVERY_HOP} scripts run before its version scripts in {@code pre}, and after them in {@code post} and
     * {@code end}. The installed modules may be named as of any earlier version, such as the source database's
     * modules: a module renamed or merged into another one by then counts under its new name.
     */
    public List<UpgradeScript> upgradeScripts(String version, Collection<String> installedModules) {
        indexOf(version);
        return inHopOrder(version, installedInLoadingOrder(version, installedModules), this::scripts);
    }

    /** The scripts of one folder ({@code version} or {@value #EVERY_HOP}), module and phase, by file name. */
    interface ScriptLookup {
        List<UpgradeScript> scripts(String folder, String module, Phase phase);
    }

    /**
     * The order of a hop's scripts, for the pack's and for a request's own: phase by phase, within a phase module by
     * module in the order given, a module's {@value #EVERY_HOP} scripts before its version scripts in {@code pre}
     * and after them in {@code post} and {@code end}.
     */
    static List<UpgradeScript> inHopOrder(String version, List<String> modules, ScriptLookup lookup) {
        List<UpgradeScript> scripts = new ArrayList<>();
        for (Phase phase : Phase.values()) {
            for (String module : modules) {
                List<UpgradeScript> generic = lookup.scripts(EVERY_HOP, module, phase);
                List<UpgradeScript> specific = lookup.scripts(version, module, phase);
                if (phase == Phase.PRE) {
                    scripts.addAll(generic);
                    scripts.addAll(specific);
                } else {
                    scripts.addAll(specific);
                    scripts.addAll(generic);
                }
            }
        }
        return scripts;
    }

    /**
     * The standard files that the hop to {@code version} adds for the installed modules (named as for
     * {@link #upgradeScripts}): the hop's scripts add their {@code ir_attachment} rows, and the upgraded filestore
     * must hold their bytes at {@link StandardFile#storeName()}.
     */
    public List<StandardFile> standardFiles(String version, Collection<String> installedModules) {
        indexOf(version);
        List<StandardFile> files = new ArrayList<>();
        for (String module : installedInLoadingOrder(version, installedModules)) {
            String prefix = version + "/" + module + "/";
            fileIndex.stream().filter(path -> path.startsWith(prefix)).sorted().forEach(path -> files.add(
                    new StandardFile(version, module, path.substring(prefix.length()), bytes("files/" + path)
                            .orElseThrow(() -> new IllegalStateException("the standard file index lists " + path
                                    + " but the jar does not hold it; rebuild the pack")))));
        }
        return files;
    }

    /**
     * How to move the attachments a database at {@code version} still keeps in its rows to the filestore. The
     * upgrade scripts cannot write files, so the engine does it once the last hop is done.
     */
    public FilestoreExtraction filestoreExtraction(String version) {
        indexOf(version);
        return new FilestoreExtraction(ATTACHMENTS_IN_DATABASE, ATTACHMENT_IN_FILESTORE);
    }

    private List<UpgradeScript> scripts(String folder, String module, Phase phase) {
        return scriptIndex.stream()
                .filter(script -> script.version().equals(folder) && script.module().equals(module)
                        && script.phase() == phase)
                .sorted(Comparator.comparing(ScriptPath::name))
                .map(script -> new UpgradeScript(folder, module, phase, script.name(), text("upgrades/"
                        + script.path()).orElseThrow(() -> new IllegalStateException("the upgrade script index "
                                + "lists " + script.path() + " but the jar does not hold it; rebuild the pack"))))
                .toList();
    }

    static List<NeutralizationRule> parseRules(String module, String text, String source) {
        List<NeutralizationRule> rules = new ArrayList<>();
        Set<String> names = new HashSet<>();
        String rule = null;
        StringBuilder sql = new StringBuilder();
        int lineNumber = 0;
        for (String line : text.split("\n", -1)) {
            lineNumber++;
            Matcher start = RULE_LINE.matcher(line.strip());
            if (start.matches()) {
                addRule(rules, module, rule, sql, source);
                rule = start.group(1);
                if (!names.add(rule)) {
                    throw new IllegalStateException(source + ":" + lineNumber + ": rule '" + rule + "' appears twice");
                }
                sql.setLength(0);
            } else if (!line.isBlank() && !line.strip().startsWith("--")) {
                if (rule == null) {
                    throw new IllegalStateException(source + ":" + lineNumber
                            + ": SQL before the first '-- rule: <name>' line");
                }
                sql.append(line.stripTrailing()).append('\n');
            }
        }
        addRule(rules, module, rule, sql, source);
        return List.copyOf(rules);
    }

    private static void addRule(List<NeutralizationRule> rules, String module, String rule, StringBuilder sql,
            String source) {
        if (rule == null) {
            return;
        }
        String statement = sql.toString().strip();
        if (statement.isEmpty()) {
            throw new IllegalStateException(source + ": rule '" + rule + "' has no statement");
        }
        rules.add(new NeutralizationRule(module, rule, statement));
    }

    private List<String> installedInLoadingOrder(String version, Collection<String> installedModules) {
        return graph(version).installedInLoadingOrder(installedModules);
    }

    private ModuleGraph graph(String version) {
        int upTo = indexOf(version);
        return graphs.computeIfAbsent(version, v -> {
            // the 14.0 declarations, then every version's changes up to this one
            Properties merged = properties("modules.properties")
                    .orElseThrow(() -> new IllegalStateException("no " + root + "/modules.properties"));
            for (int i = 0; i <= upTo; i++) {
                properties("modules/" + versions.get(i) + ".properties").ifPresent(merged::putAll);
            }
            return ModuleGraph.of(merged, root + "/modules.properties (as of " + v + ")");
        });
    }

    private int indexOf(String version) {
        int index = versions.indexOf(version);
        if (index < 0) {
            throw new IllegalArgumentException("unknown Juniper version '" + version + "'; this pack knows "
                    + String.join(", ", versions));
        }
        return index;
    }

    private Optional<Properties> properties(String path) {
        return text(path).map(content -> {
            Properties properties = new Properties();
            try {
                properties.load(new StringReader(content));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return properties;
        });
    }

    private Optional<String> text(String path) {
        return bytes(path).map(content -> new String(content, StandardCharsets.UTF_8));
    }

    private Optional<byte[]> bytes(String path) {
        try (InputStream in = loader.getResourceAsStream(root + "/" + path)) {
            return in == null ? Optional.empty() : Optional.of(in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + root + "/" + path, e);
        }
    }
}
