package org.juniper.upgrade.worker.service;

import io.opentelemetry.api.trace.SpanKind;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;
import org.juniper.upgrade.bindings.messaging.EventPublisher;
import org.juniper.upgrade.bindings.tracing.RequestTracing;
import org.juniper.upgrade.events.CloudEvents;
import org.juniper.upgrade.events.FailureReason;
import org.juniper.upgrade.events.UpgradeRequested;
import org.juniper.upgrade.worker.config.WorkerConfig;
import org.juniper.upgrade.worker.repository.RunQueue;
import org.juniper.upgrade.worker.scratch.ScratchDatabases;

/**
 * The worker's run slots. Each slot claims the next job of its lanes from the queue, runs it and ends it; a heartbeat
 * extends the leases of the runs in progress, and ends at once a run whose claim was taken over or stopped, or that
 * outlived its deadline. How a run ended decides what becomes of its job: done or failed once its outcome is
 * published, stopped, queued again after a platform fault (until the attempt's retry window is over), handed back at
 * shutdown. A job whose runs died with their worker too often fails instead of running again.
 */
@ApplicationScoped
public class RunSlots {
    private static final Logger LOG = Logger.getLogger(RunSlots.class);
    private static final List<String> ANY = List.of("production", "test");

    private final RunQueue queue;
    private final UpgradeRun upgrade;
    private final ScratchDatabases scratch;
    private final WorkerCleaner cleaner;
    private final WorkerConfig config;
    private final EventPublisher publisher;
    private final RunMetrics metrics;
    private final RequestTracing tracing;
    /** This process: a claim names it, so that a restarted pod of the same name does not pass for its predecessor. */
    private final String owner;
    private final Map<String, ClaimedRun> running = new ConcurrentHashMap<>();
    private final List<Thread> slots = new ArrayList<>();
    // two threads: a long clean never delays a heartbeat
    private final ScheduledExecutorService heartbeat = Executors.newScheduledThreadPool(2, task -> {
        Thread thread = new Thread(task, "run-heartbeat");
        thread.setDaemon(true);
        return thread;
    });
    private final Object wake = new Object();
    private volatile boolean draining;

    RunSlots(RunQueue queue, UpgradeRun upgrade, ScratchDatabases scratch, WorkerCleaner cleaner,
            WorkerConfig config, EventPublisher publisher, RunMetrics metrics, RequestTracing tracing) {
        this.queue = queue;
        this.upgrade = upgrade;
        this.scratch = scratch;
        this.cleaner = cleaner;
        this.config = config;
        this.publisher = publisher;
        this.metrics = metrics;
        this.tracing = tracing;
        byte[] process = new byte[4];
        ThreadLocalRandom.current().nextBytes(process);
        this.owner = config.instanceId() + "/" + HexFormat.of().formatHex(process);
    }

    /** Drops what dead runs left behind, then starts the slots and the heartbeat. */
    void start(@Observes StartupEvent startup) {
        cleaner.clean(Map.of());
        long beat = config.heartbeat().toMillis();
        heartbeat.scheduleWithFixedDelay(this::beat, beat, beat, TimeUnit.MILLISECONDS);
        long clean = config.cleanEvery().toMillis();
        heartbeat.scheduleWithFixedDelay(() -> cleaner.clean(runningHere()), clean, clean, TimeUnit.MILLISECONDS);
        for (int i = 0; i < config.slots().size(); i++) {
            String slot = config.slots().get(i);
            List<String> lanes = slot.equals("any") ? ANY : List.of(slot);
            Thread thread = new Thread(() -> claimLoop(lanes), "run-slot-" + i + "-" + slot);
            thread.start();
            slots.add(thread);
        }
        LOG.infof("worker %s runs %d slot(s): %s", owner, slots.size(), config.slots());
    }

    /** The runs in progress here: attempt and run number. */
    private Map<String, Integer> runningHere() {
        Map<String, Integer> here = new HashMap<>();
        running.forEach((attempt, run) -> here.put(attempt, run.claim().run()));
        return here;
    }

    /** A job was queued here: the idle slots look at once instead of at their next poll. */
    public void wake() {
        synchronized (wake) {
            wake.notifyAll();
        }
    }

    /** Stops an attempt: in the queue for every worker, and at once when it runs here. */
    public void stop(String attemptId, String requestId, String by) throws SQLException {
        String state = queue.stop(attemptId, requestId, by);
        LOG.infof("attempt %s of request %s stopped by %s; it is %s", attemptId, requestId, by, state);
        ClaimedRun run = running.get(attemptId);
        if (run != null) {
            cancel(run, ClaimedRun.Stop.STOPPED);
        }
    }

    /**
     * Stops claiming; the runs in progress have the grace period to end, then they are ended and their jobs handed
     * back to the queue, to run elsewhere without counting as a death.
     */
    void shutdown(@Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE) ShutdownEvent shutdown)
            throws InterruptedException {
        draining = true;
        wake();
        long until = System.nanoTime() + config.shutdownGrace().toNanos();
        while (!running.isEmpty() && System.nanoTime() < until) {
            Thread.sleep(100);
        }
        running.values().forEach(run -> cancel(run, ClaimedRun.Stop.SHUTDOWN));
        for (Thread slot : slots) {
            slot.join(Duration.ofSeconds(10).toMillis());
        }
        heartbeat.shutdownNow();
    }

    private void claimLoop(List<String> lanes) {
        while (!draining) {
            try {
                Optional<RunQueue.Claim> claim = queue.claim(owner, lanes, config.lease());
                if (claim.isPresent()) {
                    RunQueue.Claim job = claim.get();
                    // the run continues the trace its request was delivered in, however long it waited
                    tracing.inRequest("upgrade run", SpanKind.INTERNAL, job.requestId(),
                            tracing.contextOf(job.trace()), () -> run(job));
                    continue;
                }
            } catch (SQLException | RuntimeException e) {
                LOG.warnf("could not claim a job of %s: %s", lanes, e.getMessage());
            }
            synchronized (wake) {
                if (!draining) {
                    try {
                        wake.wait(config.pollInterval().toMillis());
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                }
            }
        }
    }

    private void run(RunQueue.Claim claim) {
        UpgradeRequested request;
        try {
            request = CloudEvents.json().readValue(claim.payload(), UpgradeRequested.class);
        } catch (Exception e) {
            LOG.errorf("the queued request of attempt %s cannot be read (%s); it is dropped", claim.attemptId(), e);
            end(claim, "failed", "MALFORMED");
            return;
        }
        ClaimedRun run = new ClaimedRun(claim, request, deadline(request), this::hold, publisher);
        if (claim.stage() != null) {
            run.stage(claim.stage());
        }
        if (claim.takenOver()) {
            LOG.warnf("attempt %s of request %s is taken over: run %d died during %s", claim.attemptId(),
                    claim.requestId(), claim.run() - 1, claim.stage());
            cleaner.dropEarlierRuns(claim.attemptId(), claim.run());
            if (claim.deaths() >= config.maxRuns()) {
                metrics.gaveUp(FailureReason.RUN_ATTEMPTS_EXHAUSTED);
                publishFailure(run, FailureReason.RUN_ATTEMPTS_EXHAUSTED, "the upgrade was started " + claim.deaths()
                        + " times and each time its worker stopped during the " + claim.stage() + " stage (it ran "
                        + "out of memory or disk, or was killed); it is not started again: operations were alerted "
                        + "and will look at what this database needs");
                return;
            }
        }
        running.put(claim.attemptId(), run);
        try {
            boolean upgraded = upgrade.handle(run);
            end(claim, upgraded ? "done" : "failed", null);
        } catch (Exception e) {
            ended(run, e);
        } finally {
            running.remove(claim.attemptId());
        }
    }

    /** A run that ended without its outcome: why decides what becomes of its job. */
    private void ended(ClaimedRun run, Exception e) {
        RunQueue.Claim claim = run.claim();
        ClaimedRun.Stop why = e instanceof RunCancelled cancelled ? cancelled.why() : run.stopped();
        if (why != null) {
            LOG.infof("attempt %s of request %s ended during %s: %s", claim.attemptId(), claim.requestId(),
                    run.stage(), why);
            switch (why) {
                case STOPPED -> end(claim, "stopped", null);
                case FENCED -> settle(() -> queue.fenced(claim));
                case SHUTDOWN -> settle(() -> queue.handBack(claim));
                case DEADLINE -> publishFailure(run, FailureReason.RUN_DEADLINE, "the upgrade did not finish "
                        + "within its time budget of " + readable(budget(run.request())) + " for a backup of this "
                        + "size and was stopped during the " + run.stage() + " stage; a dump or scripts whose "
                        + "statements run this long cannot be upgraded as they are");
            }
            return;
        }
        PlatformFault fault = PlatformFault.of(e);
        LOG.errorf(e, "attempt %s of request %s: platform fault during %s (%s)", claim.attemptId(),
                claim.requestId(), run.stage(), fault.reason());
        try {
            if (queue.retryWindowOpen(claim, config.retryWindow())) {
                queue.retryLater(claim, run.stage());
                return;
            }
        } catch (SQLException queueAway) {
            LOG.warnf("the run queue is away (%s); the lease of attempt %s will run out", queueAway.getMessage(),
                    claim.attemptId());
            return;
        }
        metrics.gaveUp(fault.reason());
        publishFailure(run, fault.reason(), fault.customerMessage());
    }

    /** Ends the job with a failure of the run's own; when it cannot be published, the job waits in the queue. */
    private void publishFailure(ClaimedRun run, FailureReason reason, String message) {
        try {
            upgrade.fail(run, reason, message);
            end(run.claim(), "failed", reason.code());
        } catch (RunCancelled cancelled) {
            ended(run, cancelled);
        } catch (Exception e) {
            LOG.warnf("the failure %s of attempt %s cannot be published (%s); it stays queued", reason,
                    run.attempt(), e.getMessage());
            settle(() -> queue.retryLater(run.claim(), run.stage()));
        }
    }

    private void end(RunQueue.Claim claim, String state, String reason) {
        settle(() -> queue.end(claim, state, reason));
    }

    private interface QueueChange {
        void apply() throws SQLException;
    }

    /** A change of the queue after a run; when the queue is away, the run's lease runs out and the job moves on. */
    private static void settle(QueueChange change) {
        try {
            change.apply();
        } catch (SQLException e) {
            LOG.warnf("the run queue is away (%s); the job is settled once its lease runs out", e.getMessage());
        }
    }

    private RunQueue.Hold hold(ClaimedRun run) throws SQLException {
        return queue.heartbeat(run.claim(), run.stage(), config.lease(), true);
    }

    /**
     * Extends the leases of the runs in progress; ends those whose claim is lost or stopped, or time is over. Counts
     * the queue for the metrics.
     */
    private void beat() {
        try {
            metrics.queue(queue.counts());
        } catch (SQLException | RuntimeException e) {
            LOG.warnf("could not count the run queue: %s", e.getMessage());
        }
        for (ClaimedRun run : running.values()) {
            if (Instant.now().isAfter(run.deadline())) {
                cancel(run, ClaimedRun.Stop.DEADLINE);
            }
            try {
                RunQueue.Hold hold = queue.heartbeat(run.claim(), run.stage(), config.lease(), false);
                if (hold == RunQueue.Hold.LOST) {
                    cancel(run, ClaimedRun.Stop.FENCED);
                } else if (hold == RunQueue.Hold.STOPPING) {
                    cancel(run, ClaimedRun.Stop.STOPPED);
                }
            } catch (SQLException | RuntimeException e) {
                LOG.warnf("could not extend the lease of attempt %s: %s", run.attempt(), e.getMessage());
            }
        }
    }

    /** Tells the run to end and ends its sessions in the scratch cluster at once. */
    private void cancel(ClaimedRun run, ClaimedRun.Stop why) {
        if (run.stop(why)) {
            LOG.infof("ending attempt %s of request %s during %s: %s", run.attempt(), run.request().requestId(),
                    run.stage(), why);
            try {
                scratch.endSessions(run.attempt(), run.claim().run());
            } catch (SQLException e) {
                LOG.warnf("could not end the sessions of attempt %s: %s", run.attempt(), e.getMessage());
            }
        }
    }

    private Instant deadline(UpgradeRequested request) {
        return Instant.now().plus(budget(request));
    }

    /** A run's budget: the base, and the time per GB of backup. */
    private Duration budget(UpgradeRequested request) {
        double gigabytes = request.backup().size() / 1e9;
        return config.runDeadlineBase().plusMillis((long) (config.runDeadlinePerGb().toMillis() * gigabytes));
    }

    private static String readable(Duration duration) {
        return duration.toMinutes() < 2 ? duration.toSeconds() + " seconds" : duration.toMinutes() + " minutes";
    }
}
