package org.juniper.upgrade.worker.service;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.jboss.logging.Logger;
import org.juniper.upgrade.bindings.messaging.EventPublisher;
import org.juniper.upgrade.events.UpgradeProgress;

/** A run's log: each line goes to the live log on {@code upgrade.progress} and into {@code upgrade.log}. */
final class RunLog {
    private static final Logger LOG = Logger.getLogger(RunLog.class);

    private final String requestId;
    private final String attempt;
    private final EventPublisher publisher;
    private final StringBuilder text = new StringBuilder();

    RunLog(String requestId, String attempt, EventPublisher publisher) {
        this.requestId = requestId;
        this.attempt = attempt;
        this.publisher = publisher;
    }

    void line(String stage, String line) {
        Instant at = Instant.now();
        text.append(at).append(" [").append(stage).append("] ").append(line).append('\n');
        LOG.infof("%s [%s] %s", requestId, stage, line);
        publisher.publish(new UpgradeProgress(requestId, stage, line, at, attempt));
    }

    byte[] bytes() {
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }
}
