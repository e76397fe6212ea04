package org.juniper.upgrade.intake.operations.console;

import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.juniper.upgrade.events.Purpose;
import org.juniper.upgrade.intake.campaign.service.Campaigns;
import org.juniper.upgrade.intake.config.IntakeConfig;
import org.juniper.upgrade.intake.lane.service.TestLanePause;
import org.juniper.upgrade.intake.operations.repository.DeadLetter;
import org.juniper.upgrade.intake.operations.service.DeadLetters;
import org.juniper.upgrade.intake.request.repository.RequestState;
import org.juniper.upgrade.intake.request.repository.UpgradeRequest;
import org.juniper.upgrade.intake.request.repository.UpgradeRequestRepository;
import org.juniper.upgrade.intake.request.service.RequestMetrics;
import org.juniper.upgrade.intake.request.service.TargetCatalog;

/** Reads everything the console shows in one transaction, through the services operations already use. */
@ApplicationScoped
class ConsoleReadings {
    /** Rows per list: the page stays quick to read and to render during a season. */
    static final int ROWS = 100;
    private static final Duration DAY = Duration.ofDays(1);
    private static final List<String> LANES = List.of("production", "test", "campaign");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);

    private final UpgradeRequestRepository requests;
    private final RequestMetrics metrics;
    private final Campaigns campaigns;
    private final DeadLetters deadLetters;
    private final TargetCatalog targets;
    private final IntakeConfig intake;
    private final ConsoleConfig config;
    private final TestLanePause testLane;

    ConsoleReadings(UpgradeRequestRepository requests, RequestMetrics metrics, Campaigns campaigns,
            DeadLetters deadLetters, TargetCatalog targets, IntakeConfig intake, ConsoleConfig config,
            TestLanePause testLane) {
        this.testLane = testLane;
        this.requests = requests;
        this.metrics = metrics;
        this.campaigns = campaigns;
        this.deadLetters = deadLetters;
        this.targets = targets;
        this.intake = intake;
        this.config = config;
    }

    @Transactional
    ConsoleView read(Instant now) {
        Map<String, Map<String, Long>> counts = metrics.lanes();
        List<ConsoleView.Lane> lanes = LANES.stream().map(lane -> {
            Map<String, Long> states = counts.getOrDefault(lane, Map.of());
            return new ConsoleView.Lane(lane, states.getOrDefault(RequestState.PENDING.code(), 0L),
                    states.getOrDefault(RequestState.PROGRESS.code(), 0L));
        }).toList();
        List<ConsoleView.Run> running = requests.find("state", Sort.by("startedAt"), RequestState.PROGRESS)
                .page(0, ROWS).list().stream().map(r -> run(r, now)).toList();
        // a campaign request intake holds back until the test lane is idle is waiting by design, not quiet
        List<ConsoleView.Run> quiet = requests.find("from UpgradeRequest r where r.state in ?1 and r.lastEventAt < ?2 "
                + "and not exists (select d from CampaignDatabase d where d.requestId = r.id and d.releasedAt is null) "
                + "order by r.lastEventAt", List.of(RequestState.PENDING, RequestState.PROGRESS),
                now.minus(config.quietAfter())).page(0, ROWS).list().stream().map(r -> run(r, now)).toList();
        @SuppressWarnings("unchecked")
        List<Object[]> reasons = requests.getEntityManager().createNativeQuery("""
                select coalesce(failure_reason, 'UNKNOWN'), count(*) from upgrade_request
                where state = 'FAILED' and finished_at >= :since group by 1 order by 2 desc, 1""")
                .setParameter("since", now.minus(DAY)).getResultList();
        List<ConsoleView.Ended> ended = requests.find("state in ?1 and finishedAt >= ?2",
                Sort.by("finishedAt").descending(), List.of(RequestState.FAILED, RequestState.CANCELLED),
                now.minus(DAY)).page(0, ROWS).list().stream().map(r -> new ConsoleView.Ended(r.id.toString(),
                        r.databaseName, lane(r), r.state.code(), nullToEmpty(r.failureReason), r.failureMessage != null
                                ? r.failureMessage : r.stoppedBy == null ? "" : "stopped by " + r.stoppedBy + ": "
                                        + r.stopReason, ago(r.finishedAt, now))).toList();
        List<ConsoleView.Letter> letters = deadLetters.latest(false, ROWS).stream().map(l -> letter(l, now)).toList();
        List<ConsoleView.CampaignRow> campaignRows = campaigns.list().stream().map(c -> new ConsoleView.CampaignRow(
                c.id().toString(), c.targetVersion(), TIME.format(c.createdAt()), c.counts().get("pending"),
                c.counts().get("running"), c.counts().get("invited"), c.counts().get("flagged"),
                c.counts().get("cancelled"))).toList();
        List<String> open = targets.openTargets();
        List<ConsoleView.Target> versions = intake.knownVersions().stream()
                .map(v -> new ConsoleView.Target(v, open.contains(v))).toList();
        TestLanePause.State pause = testLane.state();
        return new ConsoleView(TIME.format(now), lanes, new ConsoleView.Pause(pause.paused(),
                pause.paused() ? pause.pausedBy() : "", pause.paused() ? TIME.format(pause.pausedAt()) : "",
                pause.held()), running, duration(config.quietAfter()), quiet,
                reasons.stream().map(row -> new ConsoleView.Reason((String) row[0], ((Number) row[1]).longValue()))
                        .toList(), ended, letters, campaignRows, versions);
    }

    private static ConsoleView.Run run(UpgradeRequest r, Instant now) {
        Instant since = r.startedAt != null ? r.startedAt : r.queuedAt;
        return new ConsoleView.Run(r.id.toString(), r.databaseName, lane(r), r.targetVersion, r.state.code(),
                r.stage == null ? "" : r.stage, r.attemptNumber, since == null ? "" : duration(Duration.between(since,
                        now)), r.lastEventAt == null ? "" : duration(Duration.between(r.lastEventAt, now)));
    }

    private static ConsoleView.Letter letter(DeadLetter l, Instant now) {
        return new ConsoleView.Letter(l.id, l.topic, nullToEmpty(l.eventType),
                l.requestId == null ? "" : l.requestId.toString(), nullToEmpty(l.reason), ago(l.receivedAt, now));
    }

    /** The lane as the gauges name it: campaign requests travel in the test lane but are counted apart. */
    private static String lane(UpgradeRequest r) {
        return r.purpose == Purpose.PRODUCTION ? "production" : r.campaignId != null ? "campaign" : "test";
    }

    private static String ago(Instant at, Instant now) {
        return at == null ? "" : duration(Duration.between(at, now)) + " ago";
    }

    /** "45 s", "12 min", "3 h 05 min", "2 d 4 h". */
    static String duration(Duration d) {
        long s = Math.max(0, d.toSeconds());
        if (s < 60) {
            return s + " s";
        }
        if (s < 3600) {
            return s / 60 + " min";
        }
        if (s < 86400) {
            return String.format(Locale.ROOT, "%d h %02d min", s / 3600, s % 3600 / 60);
        }
        return s / 86400 + " d " + s % 86400 / 3600 + " h";
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
