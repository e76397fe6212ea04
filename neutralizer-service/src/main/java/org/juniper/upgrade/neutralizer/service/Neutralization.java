package org.juniper.upgrade.neutralizer.service;

import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jboss.logging.Logger;
import org.juniper.erp.JuniperPack;
import org.juniper.erp.NeutralizationRule;
import org.juniper.upgrade.archive.ArchiveLayout;
import org.juniper.upgrade.archive.BackupArchiveReader;
import org.juniper.upgrade.archive.BackupArchiveWriter;
import org.juniper.upgrade.archive.InvalidBackupException;
import org.juniper.upgrade.archive.Manifest;
import org.juniper.upgrade.bindings.messaging.EventPublisher;
import org.juniper.upgrade.bindings.objectstore.ArtifactStore;
import org.juniper.upgrade.bindings.objectstore.MissingArtifactException;
import org.juniper.upgrade.events.ArtifactKeys;
import org.juniper.upgrade.events.DumpUpgraded;
import org.juniper.upgrade.events.Neutralized;
import org.juniper.upgrade.events.StoredObject;
import org.juniper.upgrade.events.UpgradeFailed;
import org.juniper.upgrade.events.UpgradeProgress;

/**
 * Writes the test archive of an upgraded archive: the same dump, followed by the pack's neutralization rules for
 * every installed module, so that restoring the test archive always yields a neutralized database. Nothing is
 * restored here: the archive streams through once.
 */
@ApplicationScoped
public class Neutralization {
    private static final Logger LOG = Logger.getLogger(Neutralization.class);

    private final ArtifactStore store;
    private final EventPublisher publisher;
    private final JuniperPack pack;

    Neutralization(ArtifactStore store, EventPublisher publisher, JuniperPack pack) {
        this.store = store;
        this.publisher = publisher;
        this.pack = pack;
    }

    public void handle(DumpUpgraded upgraded) throws IOException {
        try {
            neutralize(upgraded);
        } catch (MissingArtifactException e) {
            publisher.publish(new UpgradeFailed(upgraded.requestId(), "neutralize", MissingArtifactException.REASON,
                    "the upgraded archive is gone from the store: " + e.getMessage(), java.time.Instant.now()));
        }
    }

    private void neutralize(DumpUpgraded upgraded) throws IOException {
        ArtifactKeys keys = ArtifactKeys.of(upgraded.requestId());
        Optional<StoredObject> existing = store.find(keys.neutralized());
        Manifest manifest = manifestOf(upgraded.artifact().key());
        List<NeutralizationRule> rules = pack.neutralizationRules(manifest.version(), manifest.modules().keySet());
        List<Neutralized.Action> actions = rules.stream()
                .map(rule -> new Neutralized.Action(rule.module(), rule.rule())).toList();
        if (existing.isPresent()) {
            LOG.infof("request %s already has its test archive; announcing it again", upgraded.requestId());
            publisher.publish(new Neutralized(upgraded.requestId(), existing.get(), actions));
            return;
        }
        progress(upgraded.requestId(), "neutralizing for a test copy: " + rules.size() + " rule(s)");
        Path work = Files.createTempFile("neutralize-" + upgraded.requestId(), ".zip");
        try {
            try (InputStream in = store.open(upgraded.artifact().key());
                    OutputStream file = Files.newOutputStream(work);
                    BackupArchiveWriter writer = new BackupArchiveWriter(file)) {
                BackupArchiveReader.read(in, (name, content) -> {
                    if (name.equals(ArchiveLayout.DUMP)) {
                        try (OutputStream dump = writer.dump()) {
                            content.transferTo(dump);
                            dump.write(neutralizationSql(rules).getBytes(StandardCharsets.UTF_8));
                        }
                    } else {
                        writer.entry(name, content);
                    }
                });
                writer.finish();
            } catch (InvalidBackupException e) {
                publisher.publish(new UpgradeFailed(upgraded.requestId(), "neutralize", e.reason(),
                        "the upgraded archive cannot be read: " + e.getMessage(), java.time.Instant.now()));
                return;
            }
            StoredObject stored;
            try (InputStream in = Files.newInputStream(work)) {
                stored = store.put(keys.neutralized(), in, "application/zip");
            }
            progress(upgraded.requestId(), "test archive stored (" + stored.size() + " bytes)");
            publisher.publish(new Neutralized(upgraded.requestId(), stored, actions));
        } finally {
            Files.deleteIfExists(work);
        }
    }

    /** The SQL the test copy of an archive with this manifest gets. */
    public String previewSql(Manifest manifest) {
        return neutralizationSql(pack.neutralizationRules(manifest.version(), manifest.modules().keySet()));
    }

    /** The SQL appended to the dump, one commented statement per rule, as a preview or for the archive. */
    public static String neutralizationSql(List<NeutralizationRule> rules) {
        // pg_dump empties the search path at the top of a dump; the rules name the ERP's tables unqualified
        StringBuilder sql = new StringBuilder("\n--\n-- Neutralization of this test copy\n--\n\n")
                .append("SELECT pg_catalog.set_config('search_path', 'public', false);\n\n");
        for (NeutralizationRule rule : rules) {
            sql.append("-- rule: ").append(rule.module()).append('/').append(rule.rule()).append('\n')
                    .append(rule.sql().strip()).append('\n');
        }
        return sql.toString();
    }

    private Manifest manifestOf(String archiveKey) throws IOException {
        Manifest[] manifest = {null};
        try (InputStream in = store.open(archiveKey)) {
            BackupArchiveReader.read(in, (name, content) -> {
                if (name.equals(ArchiveLayout.MANIFEST)) {
                    manifest[0] = BackupArchiveReader.parseManifest(content);
                }
            });
        } catch (InvalidBackupException e) {
            throw new IOException("the upgraded archive " + archiveKey + " is unreadable", e);
        }
        if (manifest[0] == null) {
            throw new IOException("the upgraded archive " + archiveKey + " has no manifest");
        }
        return manifest[0];
    }

    private void progress(String requestId, String line) {
        publisher.publish(new UpgradeProgress(requestId, "neutralize", line, java.time.Instant.now()));
    }
}
