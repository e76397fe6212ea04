package org.juniper.upgrade.worker.service;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.juniper.erp.JuniperPack;

/** What the report needs to know about a database: rows per table and installed modules. */
final class DatabaseFacts {
    private DatabaseFacts() {
    }

    static Map<String, Long> rowCounts(Connection connection) throws SQLException {
        List<String> tables = new ArrayList<>();
        try (Statement sql = connection.createStatement();
                ResultSet rs = sql.executeQuery("""
                        select c.relname from pg_class c join pg_namespace n on n.oid = c.relnamespace
                        where n.nspname = 'public' and c.relkind in ('r', 'p') order by c.relname""")) {
            while (rs.next()) {
                tables.add(rs.getString(1));
            }
        }
        Map<String, Long> counts = new TreeMap<>();
        try (Statement sql = connection.createStatement()) {
            for (String table : tables) {
                try (ResultSet rs = sql.executeQuery("select count(*) from public.\"" + table.replace("\"", "\"\"")
                        + "\"")) {
                    rs.next();
                    counts.put(table, rs.getLong(1));
                }
            }
        }
        return counts;
    }

    /** Installed module name to version, from the module registry; empty when the database has none. */
    static Map<String, String> installedModules(Connection connection) throws SQLException {
        Map<String, String> modules = new TreeMap<>();
        try (Statement sql = connection.createStatement();
                ResultSet exists = sql.executeQuery(JuniperPack.MODULE_REGISTRY.existsSql())) {
            exists.next();
            if (!exists.getBoolean(1)) {
                return modules;
            }
        }
        try (Statement sql = connection.createStatement();
                ResultSet rs = sql.executeQuery(JuniperPack.MODULE_REGISTRY.installedSql())) {
            while (rs.next()) {
                modules.put(rs.getString(1), rs.getString(2));
            }
        }
        return modules;
    }
}
