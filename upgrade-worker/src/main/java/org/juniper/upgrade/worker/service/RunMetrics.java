package org.juniper.upgrade.worker.service;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.juniper.upgrade.events.FailureReason;
import org.juniper.upgrade.events.Purpose;
import org.juniper.upgrade.events.UpgradeFacts;

/** Runs in progress per lane, and the time of each stage and each version hop of the runs that finished. */
@ApplicationScoped
public class RunMetrics {
    private final MeterRegistry registry;
    private final Map<Purpose, AtomicInteger> running = new EnumMap<>(Purpose.class);
    /** Jobs of the run queue by lane and state, as this worker last counted them. */
    private final Map<String, AtomicLong> queue = new ConcurrentHashMap<>();

    RunMetrics(MeterRegistry registry) {
        this.registry = registry;
        for (Purpose purpose : Purpose.values()) {
            AtomicInteger count = new AtomicInteger();
            running.put(purpose, count);
            Gauge.builder("juniper.runs.in.progress", count, AtomicInteger::get)
                    .description("upgrade runs this worker is doing").tag("lane", lane(purpose)).register(registry);
        }
        for (String lane : List.of("production", "test")) {
            for (String state : List.of("queued", "running")) {
                AtomicLong jobs = new AtomicLong();
                queue.put(lane + "/" + state, jobs);
                Gauge.builder("juniper.run.queue.jobs", jobs, AtomicLong::get)
                        .description("jobs of the run queue waiting or running, per lane: what KEDA scales on")
                        .tags("lane", lane, "state", state).register(registry);
            }
        }
    }

    /** The queue's jobs by {@code lane/state}; a lane or state not counted has none. */
    public void queue(Map<String, Long> counts) {
        queue.forEach((key, jobs) -> jobs.set(counts.getOrDefault(key, 0L)));
    }

    /** Counts a run as in progress until the returned handle is closed. */
    public AutoCloseable started(Purpose purpose) {
        AtomicInteger count = running.get(purpose);
        count.incrementAndGet();
        return count::decrementAndGet;
    }

    public void finished(UpgradeFacts facts) {
        facts.timings().forEach((stage, millis) -> Timer.builder("juniper.run.stage")
                .description("time of each stage of an upgrade run").tag("stage", stage).register(registry)
                .record(Duration.ofMillis(millis)));
        for (UpgradeFacts.Hop hop : facts.hops()) {
            Timer.builder("juniper.run.hop").description("time of the scripts of one version hop")
                    .tag("version", hop.version()).register(registry).record(Duration.ofMillis(hop.millis()));
        }
    }

    /** A request the worker gave up on for a reason of its own (PLATFORM:*, RUN:*): operations are alerted on it. */
    public void gaveUp(FailureReason reason) {
        registry.counter("juniper.runs.given.up", "reason", reason.code()).increment();
    }

    private static String lane(Purpose purpose) {
        return purpose.name().toLowerCase(Locale.ROOT);
    }
}
