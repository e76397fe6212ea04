package org.juniper.upgrade.intake.request.service;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.UUID;
import java.util.stream.Collectors;
import org.juniper.upgrade.intake.request.repository.RequestLogLine;
import org.juniper.upgrade.intake.request.repository.RequestLogRepository;
import org.juniper.upgrade.intake.request.repository.RequestState;
import org.juniper.upgrade.intake.request.repository.UpgradeRequest;
import org.juniper.upgrade.intake.request.repository.UpgradeRequestRepository;

/** How far a request has come: its place in the queue, an estimate, and its live log. */
@ApplicationScoped
public class RequestProgress {
    private static final Duration POLL = Duration.ofSeconds(1);
    private static final Duration ESTIMATE_TTL = Duration.ofMinutes(1);

    private final Map<String, Estimate> estimates = new ConcurrentHashMap<>();

    private final UpgradeRequestRepository requests;
    private final RequestLogRepository log;

    RequestProgress(UpgradeRequestRepository requests, RequestLogRepository log) {
        this.requests = requests;
        this.log = log;
    }

    /**
     * @param queuePosition requests that will be picked up before this one, while it is pending
     * @param estimatedSeconds expected run time from past runs between the same versions, if there were any
     */
    public record Outlook(Long queuePosition, Long estimatedSeconds) {
    }

    @Transactional
    public Outlook outlook(UpgradeRequest request) {
        Long position = request.state == RequestState.PENDING ? requests.aheadOf(request) : null;
        return new Outlook(position, request.state.isTerminal() ? null : estimate(request));
    }

    /** Averages over past runs change slowly; a status read must not scan them every time. */
    private Long estimate(UpgradeRequest request) {
        String hop = request.sourceVersion + ">" + request.targetVersion;
        Estimate cached = estimates.get(hop);
        if (cached == null || cached.computed().isBefore(Instant.now().minus(ESTIMATE_TTL))) {
            double average = requests.averageRunSeconds(request.sourceVersion, request.targetVersion);
            cached = new Estimate(average < 0 ? null : Math.round(average), Instant.now());
            estimates.put(hop, cached);
        }
        return cached.seconds();
    }

    private record Estimate(Long seconds, Instant computed) {
    }

    @Transactional
    public String logText(UUID id) {
        return log.lines(id).stream().map(RequestProgress::format).collect(Collectors.joining());
    }

    /** The log lines as they arrive, until the request has ended and every line was sent. */
    public Multi<String> follow(UUID id) {
        long[] lastSeen = {0};
        return Multi.createBy().repeating()
                .uni(() -> Uni.createFrom().item(() -> poll(id, lastSeen))
                        .runSubscriptionOn(Infrastructure.getDefaultWorkerPool())
                        .onItem().delayIt().by(POLL))
                .whilst(batch -> !batch.ended())
                .onItem().transformToIterable(Batch::lines);
    }

    private record Batch(List<String> lines, boolean ended) {
    }

    private Batch poll(UUID id, long[] lastSeen) {
        return QuarkusTransaction.requiringNew().call(() -> {
            boolean ended = requests.findByIdOptional(id).map(r -> r.state.isTerminal()).orElse(true);
            List<RequestLogLine> lines = log.linesAfter(id, lastSeen[0]);
            if (!lines.isEmpty()) {
                lastSeen[0] = lines.get(lines.size() - 1).id;
            }
            return new Batch(lines.stream().map(l -> format(l).stripTrailing()).toList(), ended);
        });
    }

    private static String format(RequestLogLine l) {
        return l.at + " [" + l.stage + "] " + l.line + "\n";
    }
}
