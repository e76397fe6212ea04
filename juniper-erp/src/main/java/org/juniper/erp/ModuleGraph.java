package org.juniper.erp;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.LinkedHashSet;

/** The modules the pack knows at one version: their own versions and what they depend on. */
final class ModuleGraph {
    private final Map<String, String> moduleVersions;
    /** Known modules in loading order: by depth in the dependency graph, then by name, as Odoo loads them. */
    private final List<String> loadingOrder;

    private ModuleGraph(Map<String, String> moduleVersions, List<String> loadingOrder) {
        this.moduleVersions = moduleVersions;
        this.loadingOrder = loadingOrder;
    }

    /** Builds the graph from {@code <module>.version} and {@code <module>.depends} keys. */
    static ModuleGraph of(Properties declarations, String source) {
        Map<String, String> versions = new HashMap<>();
        Map<String, List<String>> depends = new HashMap<>();
        for (String key : declarations.stringPropertyNames()) {
            String value = declarations.getProperty(key).trim();
            if (key.endsWith(".version")) {
                versions.put(key.substring(0, key.length() - ".version".length()), value);
            } else if (key.endsWith(".depends")) {
                depends.put(key.substring(0, key.length() - ".depends".length()),
                        value.isEmpty() ? List.of() : List.of(value.split("\\s*,\\s*")));
            } else {
                throw new IllegalStateException(source + ": unknown key '" + key
                        + "', expected <module>.version or <module>.depends");
            }
        }
        depends.forEach((module, needed) -> {
            if (!versions.containsKey(module)) {
                throw new IllegalStateException(source + ": module '" + module + "' has dependencies but no version");
            }
            for (String dependency : needed) {
                if (!versions.containsKey(dependency)) {
                    throw new IllegalStateException(source + ": module '" + module + "' depends on unknown module '"
                            + dependency + "'");
                }
            }
        });
        Map<String, Integer> depth = new HashMap<>();
        for (String module : versions.keySet()) {
            depth(module, depends, depth, new LinkedHashSet<>(), source);
        }
        List<String> order = new ArrayList<>(versions.keySet());
        order.sort(Comparator.comparing((String module) -> depth.get(module)).thenComparing(Comparator.naturalOrder()));
        return new ModuleGraph(Map.copyOf(versions), List.copyOf(order));
    }

    private static int depth(String module, Map<String, List<String>> depends, Map<String, Integer> known,
            Set<String> visiting, String source) {
        Integer cached = known.get(module);
        if (cached != null) {
            return cached;
        }
        if (!visiting.add(module)) {
            throw new IllegalStateException(source + ": circular module dependencies through " + visiting);
        }
        int depth = 0;
        for (String dependency : depends.getOrDefault(module, List.of())) {
            depth = Math.max(depth, depth(dependency, depends, known, visiting, source) + 1);
        }
        visiting.remove(module);
        known.put(module, depth);
        return depth;
    }

    List<String> loadingOrder() {
        return loadingOrder;
    }

    /** Full module versions, e.g. {@code 14.0.1.3}, of the known modules among {@code modules}, in loading order. */
    Map<String, String> fullVersions(String majorVersion, Collection<String> modules) {
        Map<String, String> result = new LinkedHashMap<>();
        for (String module : loadingOrder) {
            if (modules.contains(module)) {
                result.put(module, majorVersion + "." + moduleVersions.get(module));
            }
        }
        return result;
    }
}
