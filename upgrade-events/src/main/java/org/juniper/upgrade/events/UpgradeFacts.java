package org.juniper.upgrade.events;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;

/**
 * {@code facts.json}: what the worker observed during a run, for the report. Written once per run beside the
 * upgraded archive.
 *
 * @param timings milliseconds per step, in the order the steps ran
 * @param notes what the upgrade scripts recorded: deactivated views, converted templates, renamed modules, ...
 */
public record UpgradeFacts(String requestId, String database, String sourceVersion, String targetVersion,
        Purpose purpose, StoredObject backup, String backupFormat, Map<String, String> modulesBefore,
        Map<String, String> modulesAfter, List<Hop> hops, List<TableCount> tables, Map<String, Long> timings,
        int filestoreFiles, List<String> warnings, List<Note> notes) {

    public UpgradeFacts {
        notes = notes == null ? List.of() : notes;
    }

    /** Facts without script notes, as runs before notes existed recorded them. */
    public UpgradeFacts(String requestId, String database, String sourceVersion, String targetVersion,
            Purpose purpose, StoredObject backup, String backupFormat, Map<String, String> modulesBefore,
            Map<String, String> modulesAfter, List<Hop> hops, List<TableCount> tables, Map<String, Long> timings,
            int filestoreFiles, List<String> warnings) {
        this(requestId, database, sourceVersion, targetVersion, purpose, backup, backupFormat, modulesBefore,
                modulesAfter, hops, tables, timings, filestoreFiles, warnings, List.of());
    }

    /** One fact an upgrade script recorded, e.g. a custom view deactivated and why. */
    public record Note(String version, String module, String kind, String model, Integer resId, String name,
            Long rowCount, String reason) {
    }

    /** One version step and the scripts it ran. */
    public record Hop(String version, long millis, List<Script> scripts) {
    }

    /**
     * One script that ran.
     *
     * @param customPath for a script the request brought, its path in the request's zip
     *        ({@code <version>/<module>/<name>}); absent for the pack's scripts
     */
    public record Script(String module, String phase, String name, long millis,
            @JsonInclude(JsonInclude.Include.NON_NULL) String customPath) {

        /** One of the pack's scripts. */
        public Script(String module, String phase, String name, long millis) {
            this(module, phase, name, millis, null);
        }
    }

    /** Rows of one business table before and after the upgrade; {@code rowsAfter} is -1 when it is gone. */
    public record TableCount(String table, long rowsBefore, long rowsAfter) {
    }
}
