package org.juniper.erp;

/**
 * One upgrade script of a version hop.
 *
 * @param version the folder it comes from: the hop's version, or {@code 0.0.0} for scripts that run on every hop
 * @param name its file name, e.g. {@code end-99-module-versions.sql}
 * @param sql the script; it may hold several statements and reads the hop's version with
 *            {@code current_setting('juniper.version')}
 */
public record UpgradeScript(String version, String module, Phase phase, String name, String sql) {

    /** Where the script sits: {@code <version>/<module>/<name>}, in the pack's upgrades or in a request's scripts. */
    public String path() {
        return version + "/" + module + "/" + name;
    }
}
