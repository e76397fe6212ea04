package org.juniper.upgrade.worker.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;

@ConfigMapping(prefix = "juniper.worker")
public interface WorkerConfig {
    /** Local folder for a run's filestore and archive while it is built; emptied after each run. */
    @WithDefault("${java.io.tmpdir}/juniper-upgrade-worker")
    String workDir();

    /**
     * This worker among the others: the Kafka consumers' static membership and the owner of its claims (with a
     * suffix of its process). The pod's name on Kubernetes.
     */
    @WithDefault("${HOSTNAME:localhost}-${quarkus.http.port}")
    String instanceId();

    /**
     * The run slots, each with the lanes it takes: {@code any} (production first, then test), {@code production}
     * or {@code test}. The default keeps a slot for production, so that production never queues behind tests.
     */
    @WithDefault("any,production")
    List<String> slots();

    /** How long a claim holds without a heartbeat: a worker silent for longer is taken for dead. */
    @WithDefault("PT30S")
    Duration lease();

    /** How often a worker extends the leases of its runs and looks for stops. */
    @WithDefault("PT5S")
    Duration heartbeat();

    /** How often an idle slot looks for a job (besides being woken when one is queued here). */
    @WithDefault("PT2S")
    Duration pollInterval();

    /** Runs of an attempt that may die with their worker; the next takeover fails it with RUN:ATTEMPTS_EXHAUSTED. */
    @WithDefault("3")
    int maxRuns();

    /**
     * A whole run's budget: this much, plus {@link #runDeadlinePerGb} for each GB of backup. Keep it below intake's
     * stall timeout (6 h) for the backups the platform takes.
     */
    @WithDefault("PT2H")
    Duration runDeadlineBase();

    @WithDefault("PT30M")
    Duration runDeadlinePerGb();

    /** How long an attempt is retried after its first platform fault before it fails with PLATFORM:*. */
    @WithDefault("PT10M")
    Duration retryWindow();

    /** How often scratch databases, roles and work folders that no live run holds are dropped (and at start). */
    @WithDefault("PT10M")
    Duration cleanEvery();

    /**
     * How long the queue remembers an attempt that ended, with its claims: longer than the request lanes keep their
     * records, so that a redelivered old request is recognised, not run again.
     */
    @WithDefault("P31D")
    Duration keepEnded();

    /** How long runs may go on after the worker is told to stop; then they are handed back to the queue. */
    @WithDefault("PT60S")
    Duration shutdownGrace();
}
