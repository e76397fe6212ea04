package org.juniper.upgrade.notification.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

@ConfigMapping(prefix = "juniper.notification")
public interface NotificationConfig {
    /** Base URL of intake as requesters reach it; links in mails start with it. */
    @WithDefault("${juniper.intake.url:http://127.0.0.1:15401}")
    String intakeUrl();

    Mail mail();

    /** Sending queued mails. */
    interface Mail {
        /** How often the sender looks for due mails: also the longest a new mail waits for its first attempt. */
        Duration pollInterval();

        /** The wait after the first failed attempt; it doubles with every further one, up to {@link #maxRetry}. */
        @WithDefault("10s")
        Duration firstRetry();

        @WithDefault("15m")
        Duration maxRetry();

        /** The longest one SMTP conversation may take before it counts as failed. */
        @WithDefault("30s")
        Duration sendTimeout();

        /** How long a mail being sent is kept from other senders; longer than {@link #sendTimeout}. */
        @WithDefault("2m")
        Duration lease();

        /** Lines of the run's log a failure mail shows. */
        @WithDefault("15")
        int logLines();
    }
}
