package org.juniper.upgrade.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import org.juniper.upgrade.archive.Sha256;
import org.juniper.upgrade.client.IntakeClient;
import org.juniper.upgrade.client.RequestStatus;
import org.juniper.upgrade.client.Token;

/** Fetches a finished request's archive and turns it into a local database, or leaves it as a file. */
final class Delivery {
    private final Ui ui;
    private final IntakeClient intake;
    private final Restorer restorer;

    Delivery(Ui ui, IntakeClient intake, Restorer restorer) {
        this.ui = ui;
        this.intake = intake;
        this.restorer = restorer;
    }

    /**
     * Downloads into {@code workDir}, restores as planned over {@code jobs} sessions, and removes the download once
     * restored.
     */
    void restore(Token token, RequestStatus request, Restorer.Plan plan, int jobs, Path workDir) {
        Path archive = workDir.resolve(token.id() + ".zip");
        download(token, result(request), archive);
        String version = restorer.restore(archive, plan, jobs);
        try {
            Files.deleteIfExists(archive);
        } catch (IOException e) {
            ui.warn("could not remove the download " + archive + " (" + e.getMessage() + ")");
        }
        String copy = "test".equals(request.purpose()) ? ", a neutralized test copy (no mail goes out, scheduled "
                + "actions and payments are off)" : "";
        if (plan.inPlace()) {
            ui.say("Done: database '" + plan.name() + "' is now at Juniper " + version + ". The previous one is "
                    + "kept as '" + plan.keptAs() + "' with its filestore; drop it once you are satisfied.");
        } else {
            ui.say("Done: database '" + plan.name() + "' is the upgraded copy at Juniper " + version + copy + ".");
        }
    }

    /** Downloads into {@code folder} for the administrator (-x), saying whether the local tools can restore it. */
    Path keep(Token token, RequestStatus request, Path folder) {
        Path archive = folder.resolve(request.database() + "-" + request.targetVersion() + "-" + request.purpose()
                + "-" + token.id().toString().substring(0, 8) + ".zip");
        download(token, result(request), archive);
        try {
            restorer.checkRestorable(archive);
        } catch (CliFailure e) {
            ui.warn(e.getMessage());
        }
        ui.say("Done: the upgraded backup is " + archive + ".");
        return archive;
    }

    private static RequestStatus.Result result(RequestStatus request) {
        if (request.result() == null) {
            throw new CliFailure(Exit.FAILED, "the platform did not say which archive request " + request.id()
                    + " delivers; fetch this client again from the platform's /upgrade");
        }
        return request.result();
    }

    /**
     * Downloads the result to {@code target} and checks it against the platform's record of it. The bytes go to
     * {@code target}.part first; a run that finds one continues it with a Range request, so a cut download of a
     * large archive does not start over.
     */
    private void download(Token token, RequestStatus.Result expected, Path target) {
        Path partial = target.resolveSibling(target.getFileName() + ".part");
        long have = sizeOf(partial);
        if (have > expected.size()) {
            deleteQuietly(partial);
            have = 0;
        }
        if (have < expected.size()) {
            fetch(token, partial, have, expected.size());
        }
        String sha256 = sha256Of(partial, expected.size());
        if (!sha256.equals(expected.sha256())) {
            deleteQuietly(partial);
            throw new CliFailure(Exit.CORRUPT_DOWNLOAD, "the downloaded result's sha256 is " + sha256 + ", not "
                    + expected.sha256() + " as the platform recorded: it was damaged on the way and was not "
                    + "restored; run the command again to download it again");
        }
        try {
            Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new CliFailure(Exit.FAILED, "cannot move the download to " + target + ": " + e.getMessage(), e);
        }
    }

    /** Appends the result from byte {@code from} on to {@code partial}; writes it whole if intake ignores Range. */
    private void fetch(Token token, Path partial, long from, long total) {
        IntakeClient.Download download = intake.download(token, from);
        if (download.resumed()) {
            ui.say("An earlier run downloaded " + Progress.bytes(from) + " of the result: continuing from there.");
        }
        Progress progress = new Progress(ui, "download", total);
        progress.resumedAt(download.resumed() ? from : 0);
        try (InputStream in = download.body(); progress; OutputStream out = Files.newOutputStream(partial,
                StandardOpenOption.CREATE, StandardOpenOption.WRITE, download.resumed() ? StandardOpenOption.APPEND
                        : StandardOpenOption.TRUNCATE_EXISTING)) {
            progress.counting(in).transferTo(out);
        } catch (IOException e) {
            throw new CliFailure(Exit.UNREACHABLE, "the download stopped at " + Progress.bytes(sizeOf(partial))
                    + " of " + Progress.bytes(total) + " (" + e.getMessage() + "); run the same command again to "
                    + "continue it", e);
        }
    }

    private static long sizeOf(Path file) {
        try {
            return Files.exists(file) ? Files.size(file) : 0;
        } catch (IOException e) {
            return 0;
        }
    }

    private String sha256Of(Path file, long size) {
        Sha256 sha256 = new Sha256();
        try (Progress progress = new Progress(ui, "checksum", size);
                InputStream in = progress.counting(sha256.wrap(Files.newInputStream(file)))) {
            in.transferTo(OutputStream.nullOutputStream());
        } catch (IOException e) {
            throw new CliFailure(Exit.FAILED, "cannot read the download " + file + ": " + e.getMessage(), e);
        }
        return sha256.hex();
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // the next run finds it, checks it and starts over
        }
    }
}
