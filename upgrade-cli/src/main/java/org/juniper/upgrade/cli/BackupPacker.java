package org.juniper.upgrade.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.juniper.erp.JuniperPack;
import org.juniper.upgrade.archive.ArchiveLayout;
import org.juniper.upgrade.archive.BackupArchiveReader;
import org.juniper.upgrade.archive.BackupArchiveWriter;
import org.juniper.upgrade.archive.BackupValidator;
import org.juniper.upgrade.archive.Checksum;
import org.juniper.upgrade.archive.InvalidBackupException;
import org.juniper.upgrade.archive.Manifest;
import org.juniper.upgrade.archive.ModuleRegistry;
import org.juniper.upgrade.archive.Sha256;

/**
 * Turns what the administrator points at into a backup intake takes: a live database is dumped and packed with its
 * manifest; a backup .zip or a pg_dump custom-format file is sent as it is, once checked here; a plain, gzipped or
 * directory-format dump is packed, its manifest read from the dump itself.
 */
final class BackupPacker {
    static final String ZIP = "zip";
    static final String PG_CUSTOM = "pg_custom";
    private static final byte[] ZIP_MAGIC = {'P', 'K', 3, 4};
    private static final byte[] CUSTOM_MAGIC = {'P', 'G', 'D', 'M', 'P'};
    private static final byte[] GZIP_MAGIC = {0x1f, (byte) 0x8b};
    private static final String DIRECTORY_TOC = "toc.dat";
    private static final String PACKED = "backup.zip";

    /**
     * A backup ready to upload.
     *
     * @param sourceVersion the Juniper version; sent with the request, so that intake refuses a target that is not
     *        newer before the upload, and needed for a custom-format file, which does not say it
     */
    record Packed(Path file, String format, Checksum checksum, String sourceVersion) {
    }

    private final Ui ui;
    private final LocalPostgres local;

    BackupPacker(Ui ui, LocalPostgres local) {
        this.ui = ui;
        this.local = local;
    }

    /** The database name a dump file stands for: its manifest's, or the file name without its extensions. */
    static String databaseOf(Path dump) {
        if (startsWith(dump, ZIP_MAGIC)) {
            try (ZipFile zip = new ZipFile(dump.toFile())) {
                ZipEntry entry = zip.getEntry(ArchiveLayout.MANIFEST);
                if (entry != null) {
                    try (InputStream in = zip.getInputStream(entry)) {
                        String name = BackupArchiveReader.parseManifest(in).databaseName();
                        if (name != null) {
                            return name;
                        }
                    }
                }
            } catch (IOException | InvalidBackupException e) {
                // a damaged archive is reported when it is checked; the file name will do meanwhile
            }
        }
        String name = dump.toAbsolutePath().normalize().getFileName().toString()
                .replaceFirst("(\\.(sql|dump|backup|zip|gz|tar))+$", "").replaceAll("[^A-Za-z0-9_.-]", "_");
        return name.length() > RestoreNames.MAX_LENGTH ? name.substring(0, RestoreNames.MAX_LENGTH) : name;
    }

    /** What a live database is: its manifest, from its module registry and its server. */
    Manifest describe(String database) {
        Map<String, String> modules = local.installedModules(database);
        String version = JuniperPack.MODULE_REGISTRY.version(modules).orElseThrow(() -> notJuniper("database '"
                + database + "'"));
        return Manifest.of(database, version, String.valueOf(local.serverMajor()), modules);
    }

    /** Dumps a live database into {@code workDir}; with {@code jobs} > 1 in parallel, as a directory first. */
    Packed fromDatabase(Manifest manifest, int jobs, Path workDir) {
        local.requireDumpable();
        String database = manifest.databaseName();
        ui.say("Dumping database '" + database + "' (Juniper " + manifest.version() + ", " + manifest.modules()
                .size() + " installed modules, PostgreSQL " + manifest.pgVersion() + ")"
                + (jobs > 1 ? " with " + jobs + " parallel jobs" : "") + ".");
        Checksum checksum = pack(workDir, writer -> {
            writer.manifest(manifest);
            Map<String, Long> tables = local.tableSizes(database);
            long estimate = tables.values().stream().mapToLong(Long::longValue).sum();
            try (OutputStream dump = writer.dump()) {
                if (jobs > 1) {
                    Path directory = workDir.resolve("dump-directory");
                    deleteTree(directory);
                    // the directory's files are compressed: the tables written tell the progress, not their bytes
                    try (Progress progress = Progress.estimated(ui, "dump", estimate)) {
                        local.dumpDirectory(database, directory, jobs, table -> progress.add(tables.getOrDefault(
                                table, 0L)));
                    }
                    try (Progress progress = Progress.estimated(ui, "pack", estimate)) {
                        local.plainFrom(directory, progress.counting(dump));
                    } finally {
                        deleteTree(directory);
                    }
                } else {
                    try (Progress progress = Progress.estimated(ui, "dump", estimate)) {
                        local.dumpPlain(database, progress.counting(dump));
                    }
                }
            }
        });
        return new Packed(workDir.resolve(PACKED), ZIP, checksum, manifest.version());
    }

    /** Prepares a dump file or directory given with -i. */
    Packed fromFile(Path dump, Path workDir) {
        String name = databaseOf(dump);
        if (Files.isDirectory(dump)) {
            if (!Files.exists(dump.resolve(DIRECTORY_TOC))) {
                throw new CliFailure(Exit.USAGE, dump + " is a folder without " + DIRECTORY_TOC + ": not a "
                        + "directory-format dump of pg_dump");
            }
            return packPlain(name, workDir, out -> local.plainFrom(dump, out));
        }
        if (!Files.isReadable(dump)) {
            throw new CliFailure(Exit.USAGE, "cannot read " + dump);
        }
        if (startsWith(dump, ZIP_MAGIC)) {
            return checkedAsItIs(dump);
        }
        if (startsWith(dump, CUSTOM_MAGIC)) {
            ModuleRegistry registry = new ModuleRegistry(JuniperPack.MODULE_REGISTRY);
            local.moduleRegistryFrom(dump, registry);
            String version = registry.version().orElseThrow(() -> notJuniper(dump.toString()));
            return new Packed(dump, PG_CUSTOM, checksum(dump), version);
        }
        boolean gzipped = startsWith(dump, GZIP_MAGIC);
        return packPlain(name, workDir, out -> {
            try (InputStream in = gzipped ? new GZIPInputStream(Files.newInputStream(dump), 1 << 16)
                    : Files.newInputStream(dump)) {
                in.transferTo(out);
            }
        });
    }

    private interface DumpSource {
        void writeTo(OutputStream out) throws IOException;
    }

    private interface ArchiveContent {
        void write(BackupArchiveWriter writer) throws IOException;
    }

    /** Packs a plain dump; its manifest comes from the module registry read on the way, so it goes last. */
    private Packed packPlain(String database, Path workDir, DumpSource source) {
        ModuleRegistry registry = new ModuleRegistry(JuniperPack.MODULE_REGISTRY);
        String[] version = {null};
        Checksum checksum = pack(workDir, writer -> {
            try (OutputStream dump = writer.dump(); Progress progress = new Progress(ui, "pack", -1)) {
                source.writeTo(progress.counting(new Tee(dump, registry)));
            }
            registry.close();
            version[0] = registry.version().orElse(null);
            if (version[0] != null) {
                writer.manifest(Manifest.of(database, version[0], registry.serverMajor().orElse(null),
                        registry.installed()));
            }
        });
        Path packed = workDir.resolve(PACKED);
        if (version[0] == null) {
            delete(packed);
            throw notJuniper("the dump of '" + database + "'");
        }
        return new Packed(packed, ZIP, checksum, version[0]);
    }

    /** Writes {@code backup.zip} in {@code workDir}; it gets that name only once complete. */
    private Checksum pack(Path workDir, ArchiveContent content) {
        Path target = workDir.resolve(PACKED);
        Path partial = workDir.resolve(PACKED + ".part");
        Checksum checksum;
        try (OutputStream file = Files.newOutputStream(partial);
                BackupArchiveWriter writer = new BackupArchiveWriter(file)) {
            content.write(writer);
            checksum = writer.finish();
        } catch (IOException e) {
            delete(partial);
            throw new CliFailure(Exit.LOCAL_DATABASE, "cannot write the backup to " + partial + ": " + e.getMessage(),
                    e);
        } catch (RuntimeException e) {
            delete(partial);
            throw e;
        }
        try {
            Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ui.say("Backup packed: " + target + " (" + Progress.bytes(checksum.size()) + ").");
        return checksum;
    }

    /** A backup .zip is checked here as the platform will check it, so a bad one is not uploaded for nothing. */
    private Packed checkedAsItIs(Path zip) {
        Sha256 sha = new Sha256();
        BackupValidator.Summary summary;
        try (Progress progress = new Progress(ui, "check", Files.size(zip));
                InputStream in = sha.wrap(progress.counting(Files.newInputStream(zip)))) {
            summary = BackupValidator.validate(in, JuniperPack.MODULE_REGISTRY);
            in.transferTo(OutputStream.nullOutputStream());
        } catch (InvalidBackupException e) {
            throw new CliFailure(Exit.REFUSED, zip + " would be refused by the platform: " + e.reason() + " "
                    + e.getMessage());
        } catch (IOException e) {
            throw new CliFailure(Exit.USAGE, "cannot read " + zip + ": " + e.getMessage(), e);
        }
        return new Packed(zip, ZIP, new Checksum(sha.hex(), sha.size()),
                summary.manifest().map(Manifest::version).orElse(null));
    }

    private Checksum checksum(Path file) {
        Sha256 sha = new Sha256();
        try (Progress progress = new Progress(ui, "checksum", Files.size(file));
                InputStream in = sha.wrap(progress.counting(Files.newInputStream(file)))) {
            in.transferTo(OutputStream.nullOutputStream());
        } catch (IOException e) {
            throw new CliFailure(Exit.USAGE, "cannot read " + file + ": " + e.getMessage(), e);
        }
        return new Checksum(sha.hex(), sha.size());
    }

    private static CliFailure notJuniper(String what) {
        return new CliFailure(Exit.LOCAL_DATABASE, what + " has no installed '" + JuniperPack.MODULE_REGISTRY
                .versionModule() + "' module in a module registry (" + JuniperPack.MODULE_REGISTRY.table() + "): it "
                + "is not a Juniper database");
    }

    private static boolean startsWith(Path file, byte[] magic) {
        if (!Files.isRegularFile(file)) {
            return false;
        }
        try (InputStream in = Files.newInputStream(file)) {
            return Arrays.equals(in.readNBytes(magic.length), magic);
        } catch (IOException e) {
            return false;
        }
    }

    private static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // a leftover in the working folder is overwritten by the next run
        }
    }

    private static void deleteTree(Path folder) throws IOException {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }

    /** Writes to the archive and to the registry reader at once. */
    private static final class Tee extends OutputStream {
        private final OutputStream first;
        private final OutputStream second;

        Tee(OutputStream first, OutputStream second) {
            this.first = first;
            this.second = second;
        }

        @Override
        public void write(int b) throws IOException {
            first.write(b);
            second.write(b);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            first.write(b, off, len);
            second.write(b, off, len);
        }
    }
}
