package org.juniper.upgrade.report.service;

import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.jboss.logging.Logger;
import org.juniper.upgrade.bindings.messaging.EventPublisher;
import org.juniper.upgrade.bindings.objectstore.ArtifactStore;
import org.juniper.upgrade.bindings.objectstore.MissingArtifactException;
import org.juniper.upgrade.events.ArtifactKeys;
import org.juniper.upgrade.events.CloudEvents;
import org.juniper.upgrade.events.DumpUpgraded;
import org.juniper.upgrade.events.ReportReady;
import org.juniper.upgrade.events.StoredObject;
import org.juniper.upgrade.events.UpgradeFacts;
import org.juniper.upgrade.events.UpgradeFailed;
import org.juniper.upgrade.events.UpgradeProgress;

/** Builds the report of an upgraded archive from the worker's facts; an existing report is announced again. */
@ApplicationScoped
public class ReportWriter {
    private static final Logger LOG = Logger.getLogger(ReportWriter.class);

    private final ArtifactStore store;
    private final EventPublisher publisher;

    ReportWriter(ArtifactStore store, EventPublisher publisher) {
        this.store = store;
        this.publisher = publisher;
    }

    public void handle(DumpUpgraded upgraded) throws IOException {
        try {
            write(upgraded);
        } catch (MissingArtifactException e) {
            publisher.publish(new UpgradeFailed(upgraded.requestId(), "report", MissingArtifactException.REASON,
                    "the facts of the run are gone from the store: " + e.getMessage(), Instant.now()));
        }
    }

    private void write(DumpUpgraded upgraded) throws IOException {
        ArtifactKeys keys = ArtifactKeys.of(upgraded.requestId());
        UpgradeFacts facts = CloudEvents.json().readValue(store.readAllBytes(upgraded.factsKey()), UpgradeFacts.class);
        ReportReady.Summary summary = summarize(facts);
        Optional<StoredObject> existing = store.find(keys.reportHtml());
        if (existing.isEmpty()) {
            store.put(keys.reportJson(), CloudEvents.toJson(Map.of("summary", summary, "facts", facts))
                    .getBytes(StandardCharsets.UTF_8), "application/json");
            store.put(keys.reportHtml(), ReportRenderer.html(facts).getBytes(StandardCharsets.UTF_8),
                    "text/html; charset=utf-8");
            publisher.publish(new UpgradeProgress(upgraded.requestId(), "report", "upgrade report written: "
                    + summary.differences() + " table(s) changed, " + summary.warnings() + " warning(s)",
                    Instant.now()));
        } else {
            LOG.infof("request %s already has its report; announcing it again", upgraded.requestId());
        }
        publisher.publish(new ReportReady(upgraded.requestId(), keys.reportHtml(), keys.reportJson(), summary));
    }

    static ReportReady.Summary summarize(UpgradeFacts facts) {
        int differences = (int) facts.tables().stream().filter(t -> t.rowsBefore() != t.rowsAfter()).count();
        long rows = facts.tables().stream().mapToLong(t -> Math.max(t.rowsAfter(), 0)).sum();
        return new ReportReady.Summary(facts.tables().size(), (int) Math.min(rows, Integer.MAX_VALUE), differences,
                facts.warnings().size());
    }
}
