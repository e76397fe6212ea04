package org.juniper.upgrade.neutralizer.service;

import com.fasterxml.jackson.core.type.TypeReference;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;
import org.juniper.erp.JuniperPack;
import org.juniper.upgrade.archive.InvalidBackupException;
import org.juniper.upgrade.bindings.messaging.EventPublisher;
import org.juniper.upgrade.bindings.messaging.StoppedAttempts;
import org.juniper.upgrade.bindings.objectstore.ArtifactStore;
import org.juniper.upgrade.bindings.objectstore.MissingArtifactException;
import org.juniper.upgrade.events.ArtifactKeys;
import org.juniper.upgrade.events.CloudEvents;
import org.juniper.upgrade.events.DumpUpgraded;
import org.juniper.upgrade.events.FailureReason;
import org.juniper.upgrade.events.Neutralized;
import org.juniper.upgrade.events.StoredObject;
import org.juniper.upgrade.events.UpgradeFailed;
import org.juniper.upgrade.events.UpgradeProgress;

/**
 * Writes, checks and stores the test archive of an upgraded archive, then announces it with the rows each rule
 * changed. The test archive is stored only once checked, and announced only once stored; a redelivered event whose
 * test archive exists is announced again with the counts recorded beside it, not redone.
 */
@ApplicationScoped
public class Neutralization {
    private static final Logger LOG = Logger.getLogger(Neutralization.class);
    private static final TypeReference<List<Neutralized.Action>> ACTIONS = new TypeReference<>() {
    };

    private final ArtifactStore store;
    private final EventPublisher publisher;
    private final ArchiveNeutralizer neutralizer;
    private final Timer timer;
    private final StoppedAttempts stops;

    Neutralization(ArtifactStore store, EventPublisher publisher, JuniperPack pack, MeterRegistry registry,
            StoppedAttempts stops) {
        this.stops = stops;
        this.store = store;
        this.publisher = publisher;
        this.neutralizer = new ArchiveNeutralizer(pack);
        this.timer = Timer.builder("juniper.neutralization").description("time to neutralize, check and store a "
                + "test copy").register(registry);
    }

    public void handle(DumpUpgraded upgraded) throws IOException {
        try {
            neutralize(upgraded);
        } catch (StoppedAttempts.AttemptStoppedException e) {
            LOG.infof("request %s: %s; its test copy is dropped", upgraded.requestId(), e.getMessage());
        } catch (MissingArtifactException e) {
            fail(upgraded, FailureReason.ARTIFACT_MISSING, "the upgraded archive is gone from the store: "
                    + e.getMessage());
        } catch (InvalidBackupException e) {
            fail(upgraded, e.reason(), "the upgraded archive cannot be read: " + e.getMessage());
        } catch (NeutralizationException e) {
            fail(upgraded, FailureReason.NEUTRALIZE_RULES, "the test copy cannot be neutralized: " + e.getMessage());
        }
    }

    private void neutralize(DumpUpgraded upgraded) throws IOException, InvalidBackupException {
        stops.requireRunning(upgraded.requestId(), upgraded.attempt());
        ArtifactKeys.AttemptKeys keys = ArtifactKeys.of(upgraded.requestId()).attempt(upgraded.attempt());
        ArchiveNeutralizer.Source upgradedArchive = () -> store.open(upgraded.artifact().key());
        var existing = store.find(keys.neutralized());
        if (existing.isPresent()) {
            LOG.infof("request %s already has its test archive; announcing it again", upgraded.requestId());
            publisher.publish(new Neutralized(upgraded.requestId(), existing.get(), recordedActions(keys,
                    upgradedArchive), upgraded.attempt()));
            return;
        }
        progress(upgraded, "neutralizing the test copy");
        // the test archive travels to the store as it is written; the object is made only once it is checked
        ArtifactStore.Upload[] upload = {null};
        try {
            long start = System.nanoTime();
            ArchiveNeutralizer.Result result = neutralizer.write(upgradedArchive, () -> {
                if (upload[0] != null) {
                    upload[0].close();
                }
                upload[0] = store.upload(keys.neutralized(), "application/zip");
                return new KeptOpen(upload[0], upgraded);
            });
            stops.requireRunning(upgraded.requestId(), upgraded.attempt());
            StoredObject stored = upload[0].complete();
            List<Neutralized.Action> actions = result.actions();
            // the counts go before the checksum record: an archive marked complete always has them beside it
            store.put(keys.neutralizationActions(), CloudEvents.toJson(actions).getBytes(
                    java.nio.charset.StandardCharsets.UTF_8), "application/json");
            store.recordChecksum(stored);
            timer.record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
            progress(upgraded, String.format("test copy neutralized and checked: %d rules, %d rows "
                    + "changed, %.1f s; test archive stored (%d bytes)", actions.size(), result.rowsChanged(),
                    (System.nanoTime() - start) / 1e9, stored.size()));
            publisher.publish(new Neutralized(upgraded.requestId(), stored, actions, upgraded.attempt()));
        } finally {
            if (upload[0] != null) {
                upload[0].close();
            }
        }
    }

    /**
     * The archive writer closes its stream when done; the upload must stay open until it is completed. A stop of the
     * attempt ends the writing where it stands.
     */
    private final class KeptOpen extends FilterOutputStream {
        private final DumpUpgraded upgraded;

        KeptOpen(OutputStream out, DumpUpgraded upgraded) {
            super(out);
            this.upgraded = upgraded;
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            stops.requireRunning(upgraded.requestId(), upgraded.attempt());
            out.write(bytes, offset, length);
        }

        @Override
        public void close() throws IOException {
            out.flush();
        }
    }

    /** The actions of an existing test archive; without their record, the rules its manifest names, uncounted. */
    private List<Neutralized.Action> recordedActions(ArtifactKeys.AttemptKeys keys, ArchiveNeutralizer.Source upgradedArchive)
            throws IOException, InvalidBackupException {
        if (store.find(keys.neutralizationActions()).isPresent()) {
            return CloudEvents.json().readValue(store.readAllBytes(keys.neutralizationActions()), ACTIONS);
        }
        return neutralizer.rules(neutralizer.manifest(upgradedArchive)).stream()
                .map(rule -> new Neutralized.Action(rule.module(), rule.name())).toList();
    }

    /** The SQL equivalent of what the test archive of an archive gets, with each rule's row count. */
    public String preview(ArchiveNeutralizer.Source archive) throws IOException, InvalidBackupException {
        return neutralizer.preview(archive);
    }

    private void fail(DumpUpgraded upgraded, FailureReason reason, String message) {
        LOG.warnf("request %s: %s", upgraded.requestId(), message);
        publisher.publish(new UpgradeFailed(upgraded.requestId(), "neutralize", reason.code(), message, Instant.now(),
                upgraded.attempt()));
    }

    private void progress(DumpUpgraded upgraded, String line) {
        publisher.publish(new UpgradeProgress(upgraded.requestId(), "neutralize", line, Instant.now(),
                upgraded.attempt()));
    }
}
