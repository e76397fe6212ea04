package org.juniper.erp;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.LinkedHashSet;

/**
 * The modules the pack knows at one version: their own versions, what they depend on, and the modules of earlier
 * versions that were renamed or merged into another one.
 */
final class ModuleGraph {
    private final Map<String, String> moduleVersions;
    /** Known modules in loading order: by depth in the dependency graph, then by name, as Odoo loads them. */
    private final List<String> loadingOrder;
    /** Modules of earlier versions and the module that took them over, renamed or merged. */
    private final Map<String, String> replacedBy;

    private ModuleGraph(Map<String, String> moduleVersions, List<String> loadingOrder,
            Map<String, String> replacedBy) {
        this.moduleVersions = moduleVersions;
        this.loadingOrder = loadingOrder;
        this.replacedBy = replacedBy;
    }

    /**
     * Builds the graph from {@code <module>.version}, {@code <module>.depends} and {@code <module>.replaced_by}
     * keys; a replaced module is no longer known, whatever keys it had before.
     */
    static ModuleGraph of(Properties declarations, String source) {
        Map<String, String> versions = new HashMap<>();
        Map<String, List<String>> depends = new HashMap<>();
        Map<String, String> replacedBy = new HashMap<>();
        for (String key : declarations.stringPropertyNames()) {
            String value = declarations.getProperty(key).trim();
            if (key.endsWith(".version")) {
                versions.put(key.substring(0, key.length() - ".version".length()), value);
            } else if (key.endsWith(".depends")) {
                depends.put(key.substring(0, key.length() - ".depends".length()),
                        value.isEmpty() ? List.of() : List.of(value.split("\\s*,\\s*")));
            } else if (key.endsWith(".replaced_by")) {
                replacedBy.put(key.substring(0, key.length() - ".replaced_by".length()), value);
            } else {
                throw new IllegalStateException(source + ": unknown key '" + key
                        + "', expected <module>.version, <module>.depends or <module>.replaced_by");
            }
        }
        versions.keySet().removeAll(replacedBy.keySet());
        depends.keySet().removeAll(replacedBy.keySet());
        replacedBy.forEach((module, successor) -> {
            if (!versions.containsKey(currentName(successor, replacedBy))) {
                throw new IllegalStateException(source + ": module '" + module + "' is replaced by unknown module '"
                        + successor + "'");
            }
        });
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
        return new ModuleGraph(Map.copyOf(versions), List.copyOf(order), Map.copyOf(replacedBy));
    }

    /** Follows renames and merges through the versions: a module renamed twice ends at its latest name. */
    private static String currentName(String module, Map<String, String> replacedBy) {
        String name = module;
        for (int hops = 0; replacedBy.containsKey(name); hops++) {
            if (hops > replacedBy.size()) {
                throw new IllegalStateException("circular module replacements through " + module);
            }
            name = replacedBy.get(name);
        }
        return name;
    }

    /** The name at this version of a module of this or an earlier version; unknown modules keep their name. */
    String currentName(String module) {
        return currentName(module, replacedBy);
    }

    boolean knows(String module) {
        return moduleVersions.containsKey(module);
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

    /** The known modules among {@code installed} (named as of this or an earlier version), in loading order. */
    List<String> installedInLoadingOrder(Collection<String> installed) {
        Set<String> current = new HashSet<>();
        installed.forEach(module -> current.add(currentName(module)));
        return loadingOrder.stream().filter(current::contains).toList();
    }

    /**
     * Full module versions, e.g. {@code 14.0.1.3}, of the known modules among {@code modules} (named as of this or
     * an earlier version), in loading order.
     */
    Map<String, String> fullVersions(String majorVersion, Collection<String> modules) {
        Map<String, String> result = new LinkedHashMap<>();
        for (String module : installedInLoadingOrder(modules)) {
            result.put(module, majorVersion + "." + moduleVersions.get(module));
        }
        return result;
    }
}
