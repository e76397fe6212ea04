package org.juniper.upgrade.bindings.links;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** The key the mailing and the answering sides of download links share; it never travels on a topic. */
@ConfigMapping(prefix = "juniper.links")
public interface LinksConfig {
    /** At least 32 characters; the default serves the local platform only, as the ops token's does. */
    @WithDefault("local-download-links-key-not-for-production")
    String key();

    /** How long a mailed or minted link opens its request's download and report. */
    @WithDefault("P7D")
    Duration validity();
}
