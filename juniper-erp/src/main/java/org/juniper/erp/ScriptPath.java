package org.juniper.erp;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where an upgrade script sits, in the pack ({@code upgrades/}) and in the scripts a request brings alike:
 * {@code <version>/<module>/<phase>-NN-<name>.sql}. The two digits keep the order of file names the order of numbers.
 *
 * @param version the hop's version, or {@value JuniperPack#EVERY_HOP} for scripts that run on every hop
 * @param name the file name, e.g. {@code post-10-rename-card-number.sql}
 */
record ScriptPath(String version, String module, Phase phase, String name) {
    /** The layout, as messages state it. */
    static final String LAYOUT = "<version>/<module>/{pre,post,end}-NN-name.sql";
    /** Module names as the ERP spells them: lower-case letters, digits and underscores. */
    private static final Pattern PATH = Pattern.compile(
            "([0-9]+\\.[0-9]+(?:\\.[0-9]+)?)/([a-z0-9_]+)/((pre|post|end)-[0-9]{2}-[A-Za-z0-9_.-]+\\.sql)");

    /** The script at {@code path}, or empty when the path does not follow the layout. */
    static Optional<ScriptPath> parse(String path) {
        Matcher matcher = PATH.matcher(path);
        if (!matcher.matches()) {
            return Optional.empty();
        }
        return Optional.of(new ScriptPath(matcher.group(1), matcher.group(2),
                Phase.valueOf(matcher.group(4).toUpperCase(java.util.Locale.ROOT)), matcher.group(3)));
    }

    String path() {
        return version + "/" + module + "/" + name;
    }
}
