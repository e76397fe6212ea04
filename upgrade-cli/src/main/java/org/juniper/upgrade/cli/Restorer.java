package org.juniper.upgrade.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.juniper.upgrade.archive.ArchiveLayout;
import org.juniper.upgrade.archive.BackupArchiveReader;
import org.juniper.upgrade.archive.InvalidBackupException;
import org.juniper.upgrade.archive.Manifest;

/**
 * Turns a downloaded archive into a local database with its filestore: always a new database, which in production
 * then takes the original's name while the original is kept under another one. Any failure, or an interruption,
 * reverses every step taken.
 */
final class Restorer {
    private static final Pattern DUMPED_BY = Pattern.compile("-- Dumped by pg_dump version (\\d+)");
    /** pg_dump writes its version in the first lines of a plain dump. */
    private static final int HEADER_BYTES = 4096;

    /**
     * Where the result goes.
     *
     * @param name the database created
     * @param filestoreFrom the database whose filestore files the new one starts with, or null
     * @param replaces in production, the database whose name the restored one takes, or null
     * @param keptAs in production, the name the replaced database is kept under
     */
    record Plan(String name, String filestoreFrom, String replaces, String keptAs) {
        static Plan newDatabase(String name, String filestoreFrom) {
            return new Plan(RestoreNames.check(name, "the restored database's name"), filestoreFrom, null, null);
        }

        /** The upgraded database goes to {@code staging} first, then takes {@code database}'s name. */
        static Plan inPlace(String database, String staging, String keptAs) {
            return new Plan(staging, database, database, keptAs);
        }

        boolean inPlace() {
            return replaces != null;
        }
    }

    private final Ui ui;
    private final LocalPostgres local;
    private final Filestore filestore;

    Restorer(Ui ui, LocalPostgres local, Filestore filestore) {
        this.ui = ui;
        this.local = local;
        this.filestore = filestore;
    }

    /** What can be known before a long run: psql is usable and the names are free (or, in production, taken). */
    void check(Plan plan) {
        local.requireRestrictedMode();
        if (plan.inPlace()) {
            if (!local.exists(plan.replaces())) {
                throw new CliFailure(Exit.LOCAL_DATABASE, "there is no database '" + plan.replaces() + "' to "
                        + "replace on the local PostgreSQL");
            }
            requireFree(plan.keptAs(), "the original database would be kept as '" + plan.keptAs() + "'");
        }
        requireFree(plan.name(), "the upgraded database would be restored as '" + plan.name() + "'");
    }

    /** Checks the local tools can restore the archive's dump. */
    void checkRestorable(Path archive) {
        try (ZipFile zip = new ZipFile(archive.toFile())) {
            local.requireRestorable(dumpedBy(zip, dumpOf(zip)));
        } catch (IOException e) {
            throw damaged(archive, e);
        }
    }

    /** Restores {@code archive} as planned; returns the Juniper version of the restored database. */
    String restore(Path archive, Plan plan) {
        try (ZipFile zip = new ZipFile(archive.toFile())) {
            ZipEntry dump = dumpOf(zip);
            local.requireRestorable(dumpedBy(zip, dump));
            check(plan);
            try (Undo undo = new Undo(ui)) {
                restoreInto(zip, dump, plan, undo);
                if (plan.inPlace()) {
                    swap(plan, undo);
                }
                undo.commit();
            }
            return versionOf(zip);
        } catch (IOException e) {
            throw damaged(archive, e);
        }
    }

    private void restoreInto(ZipFile zip, ZipEntry dump, Plan plan, Undo undo) throws IOException {
        String name = plan.name();
        local.create(name);
        undo.push("drop the unfinished database '" + name + "'", () -> local.drop(name));
        if (!filestore.exists(name)) {
            undo.push("remove the filestore " + filestore.of(name), () -> filestore.delete(name));
        }
        try (InputStream in = zip.getInputStream(dump); Progress progress = new Progress(ui, "restore",
                dump.getSize())) {
            local.restorePlain(name, progress.counting(in));
        }
        Filestore.Merged merged = filestore.merge(plan.filestoreFrom(), name, zip);
        ui.say("Filestore " + filestore.of(plan.inPlace() ? plan.replaces() : name) + ": " + files(merged
                .fromOriginal()) + " of '" + plan.filestoreFrom() + "' and " + files(merged.fromArchive())
                + " from the upgrade.");
    }

    /** The restored database takes the production name; the original keeps its data under {@code keptAs}. */
    private void swap(Plan plan, Undo undo) {
        String original = plan.replaces();
        String kept = plan.keptAs();
        String staged = plan.name();
        local.rename(original, kept);
        undo.push("give '" + original + "' its name back", () -> local.rename(kept, original));
        filestore.rename(original, kept);
        undo.push("move the filestore of '" + original + "' back", () -> filestore.rename(kept, original));
        local.rename(staged, original);
        undo.push("rename the upgraded database back to '" + staged + "'", () -> local.rename(original, staged));
        filestore.rename(staged, original);
        undo.push("move the upgraded filestore back to " + filestore.of(staged),
                () -> filestore.rename(original, staged));
    }

    private static String files(int count) {
        return count + (count == 1 ? " file" : " files");
    }

    private void requireFree(String name, String why) {
        if (local.exists(name)) {
            throw new CliFailure(Exit.LOCAL_DATABASE, "a database '" + name + "' already exists and " + why + ": "
                    + "choose another name with -r/--restored-name, or drop it first");
        }
    }

    private static ZipEntry dumpOf(ZipFile zip) {
        ZipEntry dump = zip.getEntry(ArchiveLayout.DUMP);
        if (dump == null) {
            throw new CliFailure(Exit.LOCAL_DATABASE, zip.getName() + " holds no " + ArchiveLayout.DUMP + "; "
                    + "download it again");
        }
        return dump;
    }

    /** The major version of the pg_dump that made the dump, or 0 when its header does not say. */
    private static int dumpedBy(ZipFile zip, ZipEntry dump) throws IOException {
        try (InputStream in = zip.getInputStream(dump)) {
            Matcher m = DUMPED_BY.matcher(new String(in.readNBytes(HEADER_BYTES), StandardCharsets.UTF_8));
            return m.find() ? Integer.parseInt(m.group(1)) : 0;
        }
    }

    private static String versionOf(ZipFile zip) throws IOException {
        ZipEntry entry = zip.getEntry(ArchiveLayout.MANIFEST);
        if (entry == null) {
            return "an unknown version";
        }
        try (InputStream in = zip.getInputStream(entry)) {
            Manifest manifest = BackupArchiveReader.parseManifest(in);
            return manifest.version();
        } catch (InvalidBackupException e) {
            return "an unknown version (" + e.getMessage() + ")";
        }
    }

    private static CliFailure damaged(Path archive, IOException e) {
        return new CliFailure(Exit.LOCAL_DATABASE, "cannot read the downloaded archive " + archive + " ("
                + e.getMessage() + "); run the command again to download it again", e);
    }
}
