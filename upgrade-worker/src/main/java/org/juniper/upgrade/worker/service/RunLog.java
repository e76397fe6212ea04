package org.juniper.upgrade.worker.service;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.jboss.logging.Logger;
import org.juniper.upgrade.bindings.messaging.EventPublisher;
import org.juniper.upgrade.events.UpgradeProgress;

/**
 * A run's log: each line goes to the live log on {@code upgrade.progress} and into {@code upgrade.log}. Each line
 * records the run's stage, and a run told to end ends at its next line, before publishing it.
 */
final class RunLog {
    private static final Logger LOG = Logger.getLogger(RunLog.class);

    private final ClaimedRun run;
    private final EventPublisher publisher;
    private final StringBuilder text = new StringBuilder();

    RunLog(ClaimedRun run, EventPublisher publisher) {
        this.run = run;
        this.publisher = publisher;
    }

    void line(String stage, String line) {
        run.check();
        run.stage(stage);
        Instant at = Instant.now();
        text.append(at).append(" [").append(stage).append("] ").append(line).append('\n');
        LOG.infof("%s [%s] %s", run.request().requestId(), stage, line);
        publisher.publish(new UpgradeProgress(run.request().requestId(), stage, line, at, run.attempt()));
    }

    /** The run's last line, published whatever ended it, once the run has made sure that its claim holds. */
    void last(String stage, String line) {
        Instant at = Instant.now();
        text.append(at).append(" [").append(stage).append("] ").append(line).append('\n');
        LOG.infof("%s [%s] %s", run.request().requestId(), stage, line);
        publisher.publish(new UpgradeProgress(run.request().requestId(), stage, line, at, run.attempt()));
    }

    byte[] bytes() {
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }
}
