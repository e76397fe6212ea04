package org.juniper.upgrade.archive;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.juniper.upgrade.events.FailureReason;

/**
 * Checks a backup as it streams by: format, layout, manifest (and that it agrees with the dump), dump safety and
 * filestore checksums.
 */
public final class BackupValidator {

    /** What a valid backup holds; {@code manifest} is empty for a pg_dump custom-format file. */
    public record Summary(BackupFormat format, Optional<Manifest> manifest, long dumpBytes, int filestoreFiles) {
    }

    private BackupValidator() {
    }

    /** Validates a backup whose databases keep their module registry as {@code registry} says. */
    public static Summary validate(InputStream raw, ModuleRegistry.Shape registry)
            throws IOException, InvalidBackupException {
        BufferedInputStream in = new BufferedInputStream(raw);
        in.mark(BackupFormat.HEADER_LENGTH);
        byte[] header = in.readNBytes(BackupFormat.HEADER_LENGTH);
        in.reset();
        BackupFormat format = BackupFormat.detect(header).orElseThrow(() -> new InvalidBackupException(
                FailureReason.BACKUP_UNKNOWN_FORMAT,
                "the file is neither a backup .zip nor a pg_dump custom-format file; create it with the "
                        + "database manager's backup or with 'pg_dump --format=custom'"));
        if (format == BackupFormat.PG_CUSTOM) {
            return new Summary(format, Optional.empty(), in.transferTo(OutputStream.nullOutputStream()), 0);
        }
        return validateZip(in, registry);
    }

    private static Summary validateZip(InputStream in, ModuleRegistry.Shape shape)
            throws IOException, InvalidBackupException {
        Manifest[] manifest = {null};
        long[] dumpBytes = {-1};
        int[] files = {0};
        ModuleRegistry registry = new ModuleRegistry(shape);
        BackupArchiveReader.read(in, (name, content) -> {
            if (name.equals(ArchiveLayout.MANIFEST)) {
                manifest[0] = BackupArchiveReader.parseManifest(content);
            } else if (name.equals(ArchiveLayout.DUMP)) {
                dumpBytes[0] = DumpGuard.check(content, registry);
            } else if (name.startsWith(ArchiveLayout.FILESTORE_PREFIX)) {
                checkFilestoreFile(name, content);
                files[0]++;
            }
        });
        if (manifest[0] == null) {
            throw new InvalidBackupException(FailureReason.BACKUP_NO_MANIFEST,
                    "the archive has no manifest.json; use a backup made by the database manager, which adds it");
        }
        if (dumpBytes[0] < 0) {
            throw new InvalidBackupException(FailureReason.BACKUP_NO_DUMP,
                    "the archive has no dump.sql; add the output of 'pg_dump --no-owner' as dump.sql");
        }
        checkAgainstDump(manifest[0], registry);
        return new Summary(BackupFormat.ZIP, Optional.of(manifest[0]), dumpBytes[0], files[0]);
    }

    /**
     * The manifest must describe the dump it travels with: the platform plans the run from it before the database
     * exists. A dump without a module registry is left to the worker, which says it is no Juniper database.
     */
    static void checkAgainstDump(Manifest manifest, ModuleRegistry registry) throws InvalidBackupException {
        if (!registry.found()) {
            return;
        }
        String dumpVersion = registry.version().orElse(null);
        if (dumpVersion != null && !dumpVersion.equals(manifest.version())) {
            throw mismatch("manifest.json says version " + manifest.version() + " but the dump's modules are at "
                    + dumpVersion);
        }
        if (manifest.modules().isEmpty()) {
            return;
        }
        List<String> differences = new ArrayList<>();
        Map<String, String> installed = registry.installed();
        manifest.modules().forEach((module, version) -> {
            String inDump = installed.get(module);
            if (inDump == null) {
                differences.add(module + " is not installed in the dump");
            } else if (!version.isEmpty() && !inDump.isEmpty() && !version.equals(inDump)) {
                differences.add(module + " is " + version + " in manifest.json but " + inDump + " in the dump");
            }
        });
        installed.keySet().stream().filter(module -> !manifest.modules().containsKey(module))
                .forEach(module -> differences.add(module + " is installed but missing from manifest.json"));
        if (!differences.isEmpty()) {
            throw mismatch(String.join("; ", differences.subList(0, Math.min(5, differences.size())))
                    + (differences.size() > 5 ? " (and " + (differences.size() - 5) + " more)" : ""));
        }
    }

    private static InvalidBackupException mismatch(String what) {
        return new InvalidBackupException(FailureReason.BACKUP_MANIFEST_MISMATCH, what + "; the manifest must "
                + "come from the same backup as dump.sql: make the backup again with the database manager or the "
                + "upgrade CLI");
    }

    private static void checkFilestoreFile(String name, InputStream content)
            throws IOException, InvalidBackupException {
        if (!ArchiveLayout.isFilestoreFile(name)) {
            throw new InvalidBackupException(FailureReason.BACKUP_CORRUPT,
                    "unexpected filestore entry '" + name + "': expected filestore/<2 hex>/<sha1>");
        }
        String sha1 = Sha1.of(content);
        if (!name.endsWith("/" + sha1)) {
            throw new InvalidBackupException(FailureReason.BACKUP_CORRUPT,
                    "the filestore file '" + name + "' does not match its checksum (" + sha1 + "); the archive is "
                            + "damaged");
        }
    }
}
