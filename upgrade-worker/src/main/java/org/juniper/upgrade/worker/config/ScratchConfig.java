package org.juniper.upgrade.worker.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/**
 * The worker's own disposable PostgreSQL. The admin role may create roles and databases but is no superuser;
 * customer SQL runs as a per-run role that owns only its scratch database.
 */
@ConfigMapping(prefix = "juniper.scratch")
public interface ScratchConfig {
    @WithDefault("127.0.0.1")
    String host();

    @WithDefault("15433")
    int port();

    @WithDefault("scratch_admin")
    String adminUser();

    @WithDefault("scratch_admin")
    String adminPassword();

    @WithDefault("scratch_admin")
    String adminDatabase();

    /** Folder of psql, pg_dump and pg_restore; the PATH when absent. */
    Optional<String> pgBin();

    /** psql sessions a plain dump's data, indexes and keys are restored over; about the cluster's cores. */
    @WithDefault("2")
    int restoreSessions();

    /** Longest a single statement of customer SQL or an upgrade script may run. */
    @WithDefault("PT30M")
    Duration statementTimeout();
}
