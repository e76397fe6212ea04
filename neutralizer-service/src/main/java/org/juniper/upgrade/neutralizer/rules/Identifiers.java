package org.juniper.upgrade.neutralizer.rules;

import java.util.Set;

/** Column and table names as SQL prints them: quoted when they are reserved words or not plain lower case. */
final class Identifiers {
    private static final Set<String> RESERVED = Set.of("user", "order", "group", "default", "check", "from", "to",
            "table", "select", "where", "limit", "offset", "primary", "references", "end", "desc", "asc", "column");

    private Identifiers() {
    }

    static String sql(String name) {
        return name.matches("[a-z_][a-z0-9_]*") && !RESERVED.contains(name) ? name : "\"" + name.replace("\"", "\"\"")
                + "\"";
    }
}
