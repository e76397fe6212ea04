package org.juniper.upgrade.worker.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "juniper.worker")
public interface WorkerConfig {
    /** Local folder for a run's filestore and archive while it is built; emptied after each run. */
    @WithDefault("${java.io.tmpdir}/juniper-upgrade-worker")
    String workDir();
}
