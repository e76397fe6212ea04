package org.juniper.upgrade.notification.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;

@ConfigMapping(prefix = "juniper")
public interface NotificationConfig {
    /** Base URL of intake as requesters reach it; links in mails start with it. */
    @WithName("intake.url")
    @WithDefault("http://127.0.0.1:15401")
    String intakeUrl();
}
