package org.juniper.upgrade.intake.request.service;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.juniper.upgrade.events.EventType;

/**
 * What operations watch, read from the requests themselves: every intake replica reports the same figures (take
 * their max), and a restart loses none. Requests waiting and running per lane, and failed requests per stage and
 * reason. Besides, counters of what this replica did to keep requests moving: events of earlier attempts it ignored,
 * and requests the reconciler queued again or failed.
 */
@ApplicationScoped
public class RequestMetrics {
    /** (state, lane, count) of the requests waiting and running. */
    private static final String LANES = """
            select lower(state), case when purpose = 'PRODUCTION' then 'production'
                                      when campaign_id is not null then 'campaign' else 'test' end, count(*)
            from upgrade_request where state in ('PENDING', 'PROGRESS') group by 1, 2""";

    private final EntityManager entityManager;
    private final MultiGauge requests;
    private final MultiGauge failures;
    private final MeterRegistry registry;

    RequestMetrics(EntityManager entityManager, MeterRegistry registry) {
        this.entityManager = entityManager;
        this.registry = registry;
        this.requests = MultiGauge.builder("juniper.requests")
                .description("requests by state (pending: queued, progress: running) and lane (production, test, "
                        + "and campaign: the tests intake holds back until the test lane is idle)").register(registry);
        this.failures = MultiGauge.builder("juniper.requests.failed")
                .description("failed requests by the stage that failed and its reason code").register(registry);
    }

    @Scheduled(every = "${juniper.intake.metrics-interval:15s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    @Transactional
    void refresh() {
        requests.register(counts(new String[] {"state", "lane"}, LANES), true);
        failures.register(counts(new String[] {"stage", "reason"}, """
                select lower(coalesce(stage, 'intake')), coalesce(failure_reason, 'UNKNOWN'), count(*)
                from upgrade_request where state = 'FAILED' group by 1, 2"""), true);
    }

    /**
     * Requests waiting ({@code pending}) and running ({@code progress}) per lane, as the gauges count them: lane, then
     * state, then count; a lane or state without requests is absent.
     */
    @Transactional
    public Map<String, Map<String, Long>> lanes() {
        Map<String, Map<String, Long>> lanes = new TreeMap<>();
        for (Object[] row : rows(LANES)) {
            lanes.computeIfAbsent((String) row[1], lane -> new TreeMap<>()).put((String) row[0],
                    ((Number) row[2]).longValue());
        }
        return lanes;
    }

    /** An event of an attempt that is no longer the request's current one was ignored. */
    void staleEvent(EventType type) {
        registry.counter("juniper.events.stale", "type", type.type()).increment();
    }

    /** The reconciler found a request that stopped moving; {@code action} is {@code requeued} or {@code failed}. */
    void reconciled(String state, String action) {
        registry.counter("juniper.requests.reconciled", "state", state, "action", action).increment();
    }

    /** Rows of (first tag, second tag, count), as gauge rows tagged {@code tags}. */
    private List<MultiGauge.Row<?>> counts(String[] tags, String sql) {
        return rows(sql).stream().<MultiGauge.Row<?>>map(row -> MultiGauge.Row.of(
                Tags.of(tags[0], (String) row[0], tags[1], (String) row[1]), ((Number) row[2]).doubleValue()))
                .toList();
    }

    @SuppressWarnings("unchecked")
    private List<Object[]> rows(String sql) {
        return entityManager.createNativeQuery(sql).getResultList();
    }
}
