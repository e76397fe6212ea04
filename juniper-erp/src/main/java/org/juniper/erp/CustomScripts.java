package org.juniper.erp;

import static org.juniper.upgrade.events.FailureReason.SCRIPTS_INVALID;
import static org.juniper.upgrade.events.FailureReason.SCRIPTS_OUTSIDE_HOPS;
import static org.juniper.upgrade.events.FailureReason.SCRIPTS_TOO_LARGE;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;
import org.juniper.upgrade.events.FailureReason;

/**
 * The customer's own upgrade scripts that a request brings, for the modules the pack does not know: a zip laid out
 * exactly as the pack's {@code upgrades/} folder, {@code <version>/<module>/{pre,post,end}-NN-name.sql}, with
 * {@value JuniperPack#EVERY_HOP} as the version of the scripts that run on every hop. The same layout means the same
 * order and the same rules as the pack's scripts, and nothing new to learn for whoever wrote Odoo-style migrations.
 *
 * <p>Reading refuses, with one problem per path, anything that would only fail later or not run at all: a path
 * outside the layout, a version no upgrade reaches, a file that is not UTF-8, an empty script, a path twice, a zip
 * without script, more than {@link #MAX_BYTES}. Immutable.
 */
public final class CustomScripts {
    /** The most a request's scripts may weigh, zipped and unzipped alike: scripts are text, and held in memory. */
    public static final long MAX_BYTES = 16L << 20;
    /** Problems listed at most, so that a zip of a million bad entries gets a short answer. */
    static final int MAX_PROBLEMS = 20;

    private static final byte[] ZIP_MAGIC = {'P', 'K', 3, 4};
    private static final byte[] EMPTY_ZIP_MAGIC = {'P', 'K', 5, 6};
    private static final String EXAMPLE = "16.0/customer_loyalty/post-10-rename-card-number.sql";

    /** By path. */
    private final List<UpgradeScript> scripts;
    private final List<String> packVersions;

    private CustomScripts(List<UpgradeScript> scripts, List<String> packVersions) {
        this.scripts = scripts;
        this.packVersions = packVersions;
    }

    /**
     * One thing wrong with the scripts: where, what, and what would be accepted.
     *
     * @param reason {@code SCRIPTS:INVALID} when they do not follow the layout or are not scripts,
     *     {@code SCRIPTS:TOO_LARGE} beyond {@link #MAX_BYTES} zipped or unzipped, {@code SCRIPTS:OUTSIDE_HOPS} for a
     *     script of a version the request's upgrade does not go through
     */
    public record Problem(FailureReason reason, String path, String message, String expected) {
    }

    /** Reads and checks the zip {@code zip} against the versions of {@code pack}. */
    public static CustomScripts read(JuniperPack pack, byte[] zip) throws InvalidScriptsException {
        return read(pack, zip, MAX_BYTES);
    }

    static CustomScripts read(JuniperPack pack, byte[] zip, long maxBytes) throws InvalidScriptsException {
        List<String> versions = pack.supportedVersions();
        // the oldest version is where upgrades start: no hop reaches it
        List<String> reached = versions.subList(1, versions.size());
        if (zip.length > maxBytes) {
            throw new InvalidScriptsException(List.of(tooLarge(maxBytes)));
        }
        if (!startsWith(zip, ZIP_MAGIC) && !startsWith(zip, EMPTY_ZIP_MAGIC)) {
            throw new InvalidScriptsException(List.of(new Problem(SCRIPTS_INVALID, "",
                    "the scripts are not a zip archive", "a zip of " + ScriptPath.LAYOUT + " files")));
        }
        List<Problem> problems = new ArrayList<>();
        Map<String, UpgradeScript> found = new TreeMap<>();
        Set<String> seen = new HashSet<>();
        Set<String> reportedTwice = new HashSet<>();
        long unpacked = 0;
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip), StandardCharsets.UTF_8)) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                String path = entry.getName();
                if (entry.isDirectory()) {
                    continue;
                }
                byte[] content = readAtMost(in, maxBytes - unpacked);
                if (content == null) {
                    throw new InvalidScriptsException(List.of(tooLarge(maxBytes)));
                }
                unpacked += content.length;
                if (!seen.add(path)) {
                    if (reportedTwice.add(path)) {
                        problems.add(new Problem(SCRIPTS_INVALID, path, shown(path) + " is in the zip twice",
                                "each script once"));
                    }
                    found.remove(path);
                    continue;
                }
                Optional<ScriptPath> where = ScriptPath.parse(path);
                if (where.isEmpty()) {
                    problems.add(new Problem(SCRIPTS_INVALID, path, shown(path) + " is not where a script goes",
                            ScriptPath.LAYOUT + " (version, module in lower case, phase, two digits, a name of "
                                    + "letters, digits, '_', '.' or '-'), e.g. " + EXAMPLE + "; "
                                    + JuniperPack.EVERY_HOP + " as the version for scripts that run on every hop"));
                    continue;
                }
                ScriptPath script = where.get();
                if (!script.version().equals(JuniperPack.EVERY_HOP) && !reached.contains(script.version())) {
                    problems.add(new Problem(SCRIPTS_INVALID, path, shown(path) + " is a script of version "
                            + script.version() + ", which no upgrade reaches", "one of " + String.join(", ", reached)
                            + ", or " + JuniperPack.EVERY_HOP + " for every hop"));
                    continue;
                }
                Optional<String> sql = utf8(content);
                Optional<String> control = sql.flatMap(TransactionControl::find);
                if (sql.isEmpty()) {
                    problems.add(new Problem(SCRIPTS_INVALID, path, shown(path) + " is not UTF-8 text",
                            "SQL saved as UTF-8"));
                } else if (holdsNoSql(sql.get())) {
                    problems.add(new Problem(SCRIPTS_INVALID, path, shown(path)
                            + " holds no SQL, only blanks or comments", "at least one statement, or no file"));
                } else if (control.isPresent()) {
                    problems.add(new Problem(SCRIPTS_INVALID, path, shown(path) + " holds " + control.get()
                            + ", which would end the hop's transaction",
                            "statements without transaction control (COMMIT, ROLLBACK, BEGIN, SAVEPOINT, ...) nor "
                                    + "psql meta-commands: each hop runs its scripts in one transaction of its own"));
                } else {
                    found.put(path, new UpgradeScript(script.version(), script.module(), script.phase(),
                            script.name(), sql.get()));
                }
            }
        } catch (ZipException e) {
            problems.add(new Problem(SCRIPTS_INVALID, "", "the zip is damaged: " + e.getMessage(),
                    "a zip of " + ScriptPath.LAYOUT + " files, made again"));
        } catch (IllegalArgumentException e) {
            // ZipInputStream's answer to an entry name that is not UTF-8
            problems.add(new Problem(SCRIPTS_INVALID, "", "the zip has a file name that is not UTF-8",
                    "file names as in " + ScriptPath.LAYOUT));
        } catch (IOException e) {
            throw new IllegalStateException("reading a zip held in memory", e);
        }
        if (problems.isEmpty() && found.isEmpty()) {
            problems.add(new Problem(SCRIPTS_INVALID, "", "the zip holds no script", "at least one " + ScriptPath.LAYOUT
                    + ", e.g. " + EXAMPLE));
        }
        if (!problems.isEmpty()) {
            throw new InvalidScriptsException(capped(problems));
        }
        return new CustomScripts(List.copyOf(found.values()), versions);
    }

    /** Every script, by path. */
    public List<UpgradeScript> scripts() {
        return scripts;
    }

    /** The modules the scripts cover, sorted. */
    public List<String> modules() {
        return scripts.stream().map(UpgradeScript::module).distinct().sorted().toList();
    }

    /** The versions the scripts are for, oldest first, without {@value JuniperPack#EVERY_HOP}. */
    public List<String> versions() {
        return scripts.stream().map(UpgradeScript::version).filter(v -> !v.equals(JuniperPack.EVERY_HOP))
                .distinct().sorted(Comparator.comparing(packVersions::indexOf)).toList();
    }

    /**
     * The scripts of the hop to {@code version} for the installed modules among those covered, in the pack's
     * order: phase by phase, module by module (by name: the zip does not say how the customer's modules depend on
     * each other), a module's {@value JuniperPack#EVERY_HOP} scripts before its version scripts in {@code pre} and
     * after them in {@code post} and {@code end}. They run after the pack's scripts of the same phase.
     */
    public List<UpgradeScript> upgradeScripts(String version, Collection<String> installedModules) {
        List<String> modules = modules().stream().filter(installedModules::contains).toList();
        return JuniperPack.inHopOrder(version, modules, (folder, module, phase) -> scripts.stream()
                .filter(s -> s.version().equals(folder) && s.module().equals(module) && s.phase() == phase)
                .sorted(Comparator.comparing(UpgradeScript::name)).toList());
    }

    /**
     * The scripts of versions an upgrade through {@code hops} does not reach, one problem each: they would never
     * run.
     */
    public List<Problem> outsideHops(List<String> hops) {
        List<Problem> problems = new ArrayList<>();
        for (UpgradeScript script : scripts) {
            if (!script.version().equals(JuniperPack.EVERY_HOP) && !hops.contains(script.version())) {
                problems.add(new Problem(SCRIPTS_OUTSIDE_HOPS, script.path(), "'" + script.path() + "' is a script of "
                        + script.version() + ", which this upgrade does not go through (it goes through "
                        + String.join(", ", hops) + ")", "scripts of " + String.join(", ", hops) + ", or of "
                        + JuniperPack.EVERY_HOP + " for every hop"));
            }
        }
        return capped(problems);
    }

    private static Problem tooLarge(long maxBytes) {
        return new Problem(SCRIPTS_TOO_LARGE, "", "the scripts are larger than " + maxBytes
                + " bytes, zipped or unzipped", "at most " + maxBytes + " bytes of scripts");
    }

    private static List<Problem> capped(List<Problem> problems) {
        if (problems.size() <= MAX_PROBLEMS) {
            return List.copyOf(problems);
        }
        List<Problem> shown = new ArrayList<>(problems.subList(0, MAX_PROBLEMS));
        shown.add(new Problem(problems.get(MAX_PROBLEMS).reason(), "", (problems.size() - MAX_PROBLEMS)
                + " more problems are not listed", "the problems above fixed first"));
        return List.copyOf(shown);
    }

    /** The entry's bytes, or null when there are more than {@code limit}. */
    private static byte[] readAtMost(InputStream in, long limit) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        long total = 0;
        for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
            total += n;
            if (total > limit) {
                return null;
            }
            out.write(buffer, 0, n);
        }
        return out.toByteArray();
    }

    private static Optional<String> utf8(byte[] content) {
        try {
            String text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(content)).toString();
            // a byte order mark, as some editors write, is no SQL
            return Optional.of(text.startsWith("\uFEFF") ? text.substring(1) : text);
        } catch (CharacterCodingException e) {
            return Optional.empty();
        }
    }

    private static boolean holdsNoSql(String sql) {
        return sql.lines().map(String::strip).allMatch(line -> line.isEmpty() || line.startsWith("--"));
    }

    /** A path as messages show it: quoted, control characters replaced, not endless. */
    private static String shown(String path) {
        String clean = path.replaceAll("\\p{Cntrl}", "?");
        return "'" + (clean.length() > 200 ? clean.substring(0, 200) + "..." : clean) + "'";
    }

    private static boolean startsWith(byte[] bytes, byte[] magic) {
        if (bytes.length < magic.length) {
            return false;
        }
        for (int i = 0; i < magic.length; i++) {
            if (bytes[i] != magic[i]) {
                return false;
            }
        }
        return true;
    }
}
