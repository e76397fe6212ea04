package org.juniper.upgrade.neutralizer.service;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;
import org.juniper.erp.JuniperPack;
import org.juniper.upgrade.archive.ArchiveLayout;
import org.juniper.upgrade.archive.BackupArchiveReader;
import org.juniper.upgrade.archive.BackupArchiveWriter;
import org.juniper.upgrade.archive.Checksum;
import org.juniper.upgrade.archive.InvalidBackupException;
import org.juniper.upgrade.archive.Manifest;
import org.juniper.upgrade.archive.StreamFork;
import org.juniper.upgrade.events.FailureReason;
import org.juniper.upgrade.events.Neutralized;
import org.juniper.upgrade.neutralizer.rules.DeclaredRule;

/**
 * Turns an upgraded archive into its test archive in one pass: the manifest (which the worker writes first) names
 * the version and modules, hence the pack's rules; {@code dump.sql} is rewritten as it streams ({@link DumpRewriter})
 * and every other entry is copied. The rewritten dump is compressed and checked against the rules on two more
 * threads as it is produced, so that checking costs no second decompression. Nothing is restored. An archive whose
 * manifest comes after its dump is read twice.
 */
public final class ArchiveNeutralizer {
    /** Where an archive is read from; opened again only when its manifest comes after its dump. */
    @FunctionalInterface
    public interface Source {
        InputStream open() throws IOException;
    }

    /**
     * Where the test archive goes; opened again (from its start) when the source is read a second time. The archive
     * is whole and checked when {@link #write} returns; it throws when a rule does not hold in what was written.
     */
    @FunctionalInterface
    public interface Sink {
        OutputStream open() throws IOException;
    }

    /** A written test archive: what it was made from, the rules it carries and what each one changed. */
    public record Result(Manifest manifest, List<DeclaredRule> rules, DumpRewriter.Outcome outcome,
            Checksum checksum) {
        public List<Neutralized.Action> actions() {
            return rules.stream().map(rule -> new Neutralized.Action(rule.module(), rule.name(),
                    outcome.counts().get(rule))).toList();
        }

        public long rowsChanged() {
            return outcome.counts().values().stream().mapToLong(Long::longValue).sum();
        }
    }

    private static final class ManifestAfterDump extends IOException {
        ManifestAfterDump() {
            super("the archive's dump comes before its manifest");
        }
    }

    private final JuniperPack pack;

    public ArchiveNeutralizer(JuniperPack pack) {
        this.pack = pack;
    }

    /** The pack's rules for an archive with this manifest, in the order they apply. */
    public List<DeclaredRule> rules(Manifest manifest) {
        return DeclaredRule.of(pack, manifest.version(), manifest.modules().keySet());
    }

    public Result write(Source source, Sink sink) throws IOException, InvalidBackupException {
        try {
            return write(source, sink, null);
        } catch (ManifestAfterDump e) {
            return write(source, sink, manifest(source));
        }
    }

    private Result write(Source source, Sink sink, Manifest known) throws IOException, InvalidBackupException {
        Manifest[] manifest = {known};
        Result[] result = {null};
        try (InputStream in = source.open(); OutputStream out = sink.open();
                BackupArchiveWriter writer = new BackupArchiveWriter(out)) {
            BackupArchiveReader.read(in, (name, content) -> {
                if (name.equals(ArchiveLayout.MANIFEST)) {
                    byte[] bytes = content.readAllBytes();
                    if (manifest[0] == null) {
                        manifest[0] = BackupArchiveReader.parseManifest(new java.io.ByteArrayInputStream(bytes));
                    }
                    writer.entry(name, bytes);
                } else if (name.equals(ArchiveLayout.DUMP)) {
                    if (manifest[0] == null) {
                        throw new ManifestAfterDump();
                    }
                    List<DeclaredRule> rules = rules(manifest[0]);
                    DumpRewriter rewriter = new DumpRewriter(rules);
                    DumpRewriter checker = DumpRewriter.checker(rewriter);
                    try (OutputStream entry = writer.dump();
                            StreamFork dump = new StreamFork("test-archive", 1 << 20, 8,
                                    compressed -> compressed.transferTo(entry),
                                    written -> checker.rewrite(written, null))) {
                        result[0] = new Result(manifest[0], rules, rewriter.rewrite(content, dump), null);
                    }
                    if (!checker.violations().isEmpty()) {
                        throw new NeutralizationException("the test archive does not hold what the rules require: "
                                + String.join("; ", checker.violations()));
                    }
                } else {
                    writer.entry(name, content);
                }
            });
            if (manifest[0] == null) {
                throw new InvalidBackupException(FailureReason.BACKUP_NO_MANIFEST,
                        "the archive has no manifest.json, which says its version and modules");
            }
            if (result[0] == null) {
                throw new InvalidBackupException(FailureReason.BACKUP_NO_DUMP, "the archive has no dump.sql");
            }
            Checksum checksum = writer.finish();
            return new Result(result[0].manifest(), result[0].rules(), result[0].outcome(), checksum);
        }
    }

    /** The manifest of an archive. */
    public Manifest manifest(Source source) throws IOException, InvalidBackupException {
        Manifest[] manifest = {null};
        try (InputStream in = source.open()) {
            BackupArchiveReader.read(in, (name, content) -> {
                if (name.equals(ArchiveLayout.MANIFEST)) {
                    manifest[0] = BackupArchiveReader.parseManifest(content);
                }
            });
        }
        if (manifest[0] == null) {
            throw new InvalidBackupException(FailureReason.BACKUP_NO_MANIFEST,
                    "the archive has no manifest.json, which says its version and modules");
        }
        return manifest[0];
    }

    /**
     * The SQL equivalent of what the test archive of {@code source} gets, like {@code odoo-bin neutralize --stdout}:
     * restoring the upgraded archive and running it gives the test archive's database (rows the rules add take ids
     * from their sequences there, and the highest id plus one in the archive). Each rule says how many rows it
     * changes in this archive.
     */
    public String preview(Source source) throws IOException, InvalidBackupException {
        return sql(write(source, OutputStream::nullOutputStream));
    }

    static String sql(Result result) {
        StringBuilder sql = new StringBuilder("--\n-- Neutralization of ").append(result.manifest().databaseName())
                .append(" (Juniper ").append(result.manifest().version()).append("): ").append(result.rules().size())
                .append(" rules, ").append(result.rowsChanged()).append(" rows\n--\n\n")
                // pg_dump empties the search path at the top of a dump; the rules name the ERP's tables unqualified
                .append("SELECT pg_catalog.set_config('search_path', 'public', false);\n\n");
        for (DeclaredRule rule : result.rules()) {
            sql.append("-- rule: ").append(rule.module()).append('/').append(rule.name()).append(": ")
                    .append(result.outcome().counts().get(rule)).append(" rows\n").append(rule.sql()).append("\n\n");
        }
        return sql.toString();
    }
}
