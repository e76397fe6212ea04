package org.juniper.upgrade.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

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
        intake.download(token, result(request), archive, ui);
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
        intake.download(token, result(request), archive, ui);
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
}
