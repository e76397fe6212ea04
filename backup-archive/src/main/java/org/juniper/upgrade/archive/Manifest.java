package org.juniper.upgrade.archive;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code manifest.json} of a Juniper backup: what database this is and which modules it has installed.
 *
 * @param version the Juniper major version, e.g. {@code 14.0}
 * @param modules installed module name to module version (e.g. {@code 14.0.1.3})
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Manifest(
        @JsonProperty("juniper_dump") String formatVersion,
        @JsonProperty("db_name") String databaseName,
        @JsonProperty("version") String version,
        @JsonProperty("pg_version") String pgVersion,
        @JsonProperty("modules") Map<String, String> modules) {

    public static final String FORMAT_VERSION = "1";

    public Manifest {
        modules = modules == null ? Map.of() : new TreeMap<>(modules);
    }

    public static Manifest of(String databaseName, String version, String pgVersion, Map<String, String> modules) {
        return new Manifest(FORMAT_VERSION, databaseName, version, pgVersion, modules);
    }

    public Manifest withVersion(String newVersion, Map<String, String> newModules) {
        return new Manifest(formatVersion, databaseName, newVersion, pgVersion, newModules);
    }
}
