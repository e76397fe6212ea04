package org.juniper.upgrade.intake.operations.console;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

@ConfigMapping(prefix = "juniper.intake.console")
public interface ConsoleConfig {

    /** How long a sign-in to the console lasts. */
    @WithDefault("PT8H")
    Duration session();

    /**
     * A waiting or running request no part has reported on for this long is shown as quiet, well before the
     * reconciler queues it again or fails it.
     */
    @WithDefault("PT15M")
    Duration quietAfter();
}
