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
 * Turns a downloaded archive into a local database with its filestore: always restored into a new database under a
 * staging name, which takes its own name only once whole (in production, the original's, while the original is kept
 * under another one). Any failure, or an interruption, reverses every step taken; a run killed outright leaves at
 * most the staging database, never a half database under the name asked for.
 */
final class Restorer {
    private static final Pattern DUMPED_BY = Pattern.compile("-- Dumped by pg_dump version (\\d+)");
    /** pg_dump writes its version in the first lines of a plain dump. */
    private static final int HEADER_BYTES = 4096;

    /**
     * Where the result goes.
     *
     * @param name the database the result ends as
     * @param staging where it is restored first: parallel sessions commit as they go
     * @param filestoreFrom the database whose filestore files the new one starts with, or null
     * @param keptAs in production, the name the database it replaces is kept under; null for a new database
     */
    record Plan(String name, String staging, String filestoreFrom, String keptAs) {
        static Plan newDatabase(String name, String filestoreFrom) {
            RestoreNames.check(name, "the restored database's name");
            return new Plan(name, RestoreNames.staging(name), filestoreFrom, null);
        }

        /** The upgraded database takes {@code database}'s name; the database it replaces is kept as {@code keptAs}. */
        static Plan inPlace(String database, String keptAs) {
            return new Plan(database, RestoreNames.staging(database), database, keptAs);
        }

        boolean inPlace() {
            return keptAs != null;
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
            if (!local.exists(plan.name())) {
                throw new CliFailure(Exit.LOCAL_DATABASE, "there is no database '" + plan.name() + "' to "
                        + "replace on the local PostgreSQL");
            }
            requireFree(plan.keptAs(), "the original database would be kept as '" + plan.keptAs() + "'");
        } else {
            requireFree(plan.name(), "the upgraded database would be restored as '" + plan.name() + "'");
        }
        requireFree(plan.staging(), "the upgraded database would be restored there before it takes its name");
    }

    /** Checks the local tools can restore the archive's dump. */
    void checkRestorable(Path archive) {
        try (ZipFile zip = new ZipFile(archive.toFile())) {
            local.requireRestorable(dumpedBy(zip, dumpOf(zip)));
        } catch (IOException e) {
            throw damaged(archive, e);
        }
    }

    /**
     * Restores {@code archive} as planned over {@code jobs} psql sessions; returns the Juniper version of the
     * restored database.
     */
    String restore(Path archive, Plan plan, int jobs) {
        try (ZipFile zip = new ZipFile(archive.toFile())) {
            ZipEntry dump = dumpOf(zip);
            local.requireRestorable(dumpedBy(zip, dump));
            check(plan);
            try (Undo undo = new Undo(ui)) {
                restoreInto(zip, dump, plan, jobs, undo);
                if (plan.inPlace()) {
                    swap(plan, undo);
                } else {
                    name(plan, undo);
                }
                undo.commit();
            }
            return versionOf(zip);
        } catch (IOException e) {
            throw damaged(archive, e);
        }
    }

    private void restoreInto(ZipFile zip, ZipEntry dump, Plan plan, int jobs, Undo undo) throws IOException {
        String staged = plan.staging();
        local.create(staged);
        undo.push("drop the unfinished database '" + staged + "'", () -> local.drop(staged));
        if (!filestore.exists(staged)) {
            undo.push("remove the filestore " + filestore.of(staged), () -> filestore.delete(staged));
        }
        try (InputStream in = zip.getInputStream(dump); Progress progress = new Progress(ui, "restore",
                dump.getSize())) {
            local.restorePlain(staged, progress.counting(in), jobs);
        }
        Filestore.Merged merged = filestore.merge(plan.filestoreFrom(), staged, zip);
        ui.say("Filestore " + filestore.of(plan.name()) + ": " + files(merged.fromOriginal()) + " of '"
                + plan.filestoreFrom() + "' and " + files(merged.fromArchive()) + " from the upgrade.");
    }

    /** The whole restored database takes its name. */
    private void name(Plan plan, Undo undo) {
        String name = plan.name();
        String staged = plan.staging();
        local.rename(staged, name);
        undo.push("rename the restored database back to '" + staged + "'", () -> local.rename(name, staged));
        filestore.rename(staged, name);
        undo.push("move the restored filestore back to " + filestore.of(staged), () -> filestore.rename(name, staged));
    }

    /** The restored database takes the production name; the original keeps its data under {@code keptAs}. */
    private void swap(Plan plan, Undo undo) {
        String original = plan.name();
        String kept = plan.keptAs();
        String staged = plan.staging();
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
