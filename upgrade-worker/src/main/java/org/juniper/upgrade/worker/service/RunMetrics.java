package org.juniper.upgrade.worker.service;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.juniper.upgrade.events.Purpose;
import org.juniper.upgrade.events.UpgradeFacts;

/** Runs in progress per lane, and the time of each stage and each version hop of the runs that finished. */
@ApplicationScoped
public class RunMetrics {
    private final MeterRegistry registry;
    private final Map<Purpose, AtomicInteger> running = new EnumMap<>(Purpose.class);

    RunMetrics(MeterRegistry registry) {
        this.registry = registry;
        for (Purpose purpose : Purpose.values()) {
            AtomicInteger count = new AtomicInteger();
            running.put(purpose, count);
            Gauge.builder("juniper.runs.in.progress", count, AtomicInteger::get)
                    .description("upgrade runs this worker is doing").tag("lane", lane(purpose)).register(registry);
        }
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
    public void gaveUp(String reason) {
        registry.counter("juniper.runs.given.up", "reason", reason).increment();
    }

    private static String lane(Purpose purpose) {
        return purpose.name().toLowerCase(Locale.ROOT);
    }
}
