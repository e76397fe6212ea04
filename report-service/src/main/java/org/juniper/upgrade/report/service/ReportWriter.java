package org.juniper.upgrade.report.service;

import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.jboss.logging.Logger;
import org.juniper.upgrade.bindings.messaging.EventPublisher;
import org.juniper.upgrade.bindings.messaging.StoppedAttempts;
import org.juniper.upgrade.bindings.objectstore.ArtifactStore;
import org.juniper.upgrade.bindings.objectstore.MissingArtifactException;
import org.juniper.upgrade.events.ArtifactKeys;
import org.juniper.upgrade.events.CloudEvents;
import org.juniper.upgrade.events.DumpUpgraded;
import org.juniper.upgrade.events.FailureReason;
import org.juniper.upgrade.events.Neutralized;
import org.juniper.upgrade.events.Purpose;
import org.juniper.upgrade.events.ReportReady;
import org.juniper.upgrade.events.UpgradeFacts;
import org.juniper.upgrade.events.UpgradeFailed;
import org.juniper.upgrade.events.UpgradeProgress;
import org.juniper.upgrade.report.model.FailureReport;
import org.juniper.upgrade.report.model.UpgradeReport;

/**
 * Writes the report of a request once, under its attempt's keys of {@link ArtifactKeys}; an existing report is never rewritten.
 * A production database's upgrade report is written when the worker's facts are there; a test copy's waits for the
 * neutralizer, whose counts it shows. Both are announced by {@code upgrade.report-ready}, which intake counts towards
 * completion. A request that fails before its report exists gets the failure report instead: stored for the record
 * and the mail but not announced, since report-ready means "the report of an upgraded database is here".
 */
@ApplicationScoped
public class ReportWriter {
    private static final Logger LOG = Logger.getLogger(ReportWriter.class);
    private static final String HTML = "text/html; charset=utf-8";
    private static final String JSON = "application/json";

    private final ArtifactStore store;
    private final EventPublisher publisher;
    private final ReportComposer composer;
    private final StoppedAttempts stops;

    ReportWriter(ArtifactStore store, EventPublisher publisher, ReportComposer composer, StoppedAttempts stops) {
        this.stops = stops;
        this.store = store;
        this.publisher = publisher;
        this.composer = composer;
    }

    public void upgraded(DumpUpgraded upgraded) throws IOException {
        if (upgraded.purpose() == Purpose.TEST) {
            LOG.infof("request %s is a test copy: its report waits for the neutralizer", upgraded.requestId());
            return;
        }
        report(upgraded.requestId(), upgraded.attempt(), List.of());
    }

    public void neutralized(Neutralized neutralized) throws IOException {
        report(neutralized.requestId(), neutralized.attempt(), neutralized.actions());
    }

    private void report(String requestId, String attempt, List<Neutralized.Action> actions) throws IOException {
        if (stops.isStopped(attempt)) {
            LOG.infof("request %s: attempt %s was stopped; no report", requestId, attempt);
            return;
        }
        ArtifactKeys.AttemptKeys keys = ArtifactKeys.of(requestId).attempt(attempt);
        UpgradeFacts facts;
        try {
            facts = CloudEvents.json().readValue(store.readAllBytes(keys.facts()), UpgradeFacts.class);
        } catch (MissingArtifactException e) {
            publisher.publish(new UpgradeFailed(requestId, "report", FailureReason.ARTIFACT_MISSING.code(),
                    "the facts of the run are gone from the store: " + e.getMessage(), Instant.now(), attempt));
            return;
        }
        UpgradeReport report = composer.compose(facts, actions);
        if (stops.isStopped(attempt)) {
            LOG.infof("request %s: attempt %s was stopped; no report", requestId, attempt);
            return;
        }
        if (store.find(keys.reportHtml()).isEmpty()) {
            write(keys, CloudEvents.toJson(report), ReportRenderer.html(report));
            progress(requestId, attempt, "upgrade report written: " + report.summary().differences()
                    + " table(s) with other counts, " + report.summary().warnings() + " warning(s)");
        } else {
            LOG.infof("request %s already has its report; announcing it again", requestId);
        }
        publisher.publish(new ReportReady(requestId, keys.reportHtml(), keys.reportJson(), report.summary(), attempt));
    }

    public void failed(UpgradeFailed failed) {
        ArtifactKeys.AttemptKeys keys = ArtifactKeys.of(failed.requestId()).attempt(failed.attempt());
        if (store.find(keys.reportHtml()).isPresent()) {
            LOG.infof("request %s already has its report; the failure in %s is told by the mail", failed.requestId(),
                    failed.stage());
            return;
        }
        String log = store.find(keys.log())
                .map(stored -> new String(store.readAllBytes(stored.key()), StandardCharsets.UTF_8)).orElse(null);
        FailureReport report = FailureReport.of(failed, log);
        write(keys, CloudEvents.toJson(report), ReportRenderer.html(report));
        progress(failed.requestId(), failed.attempt(), "failure report written");
    }

    /** The JSON first and the HTML last: the HTML's checksum record marks the report complete. */
    private void write(ArtifactKeys.AttemptKeys keys, String json, String html) {
        store.put(keys.reportJson(), json.getBytes(StandardCharsets.UTF_8), JSON);
        store.put(keys.reportHtml(), html.getBytes(StandardCharsets.UTF_8), HTML);
    }

    private void progress(String requestId, String attempt, String line) {
        publisher.publish(new UpgradeProgress(requestId, "report", line, Instant.now(), attempt));
    }
}
