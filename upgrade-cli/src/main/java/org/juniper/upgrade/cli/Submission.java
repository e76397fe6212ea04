package org.juniper.upgrade.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.Optional;
import org.juniper.erp.JuniperPack;
import org.juniper.upgrade.client.IntakeClient;
import org.juniper.upgrade.client.IntakeException;
import org.juniper.upgrade.client.IntakeRefusal;
import org.juniper.upgrade.client.RequestStatus;
import org.juniper.upgrade.client.Token;
import org.juniper.upgrade.archive.Manifest;

/**
 * {@code upgrade test} and {@code upgrade production}: dump, upload, start, follow, download, restore. Each step
 * leaves what the next run needs to continue (the token, the packed backup), so running the same command again
 * resumes where it stopped.
 */
final class Submission {
    /**
     * What the administrator asked for.
     *
     * @param database the local database (-d), or null when {@code dump} is given
     * @param restoreName -r, or null for the default
     * @param scripts --scripts, or null
     * @param beside production: restore beside the live database, not in its place
     */
    record Ask(String purpose, String database, Path dump, String target, String restoreName, String contract,
            String email, boolean noRestore, int jobs, Path scripts, boolean beside) {
        boolean production() {
            return "production".equals(purpose);
        }
    }

    /** The longest address SMTP carries (RFC 5321's path limit less its angle brackets). */
    private static final int MAX_EMAIL_LENGTH = 254;

    private final Ui ui;
    private final IntakeClient intake;
    private final StateStore store;
    private final LocalPostgres local;
    private final BackupPacker packer;
    private final Restorer restorer;
    private final Follower follower;

    Submission(Ui ui, IntakeClient intake, StateStore store, LocalPostgres local, Filestore filestore,
            Follower follower) {
        this.ui = ui;
        this.intake = intake;
        this.store = store;
        this.local = local;
        this.packer = new BackupPacker(ui, local);
        this.restorer = new Restorer(ui, local, filestore);
        this.follower = follower;
    }

    int run(Ask ask) {
        String database = ask.database() != null
                ? RestoreNames.check(ask.database(), "a database name")
                : RestoreNames.check(BackupPacker.databaseOf(ask.dump()), "the database name taken from "
                        + ask.dump() + " (rename the file)");
        try (StateStore.Lock lock = store.lock(database)) {
            return run(ask, database);
        }
    }

    private int run(Ask ask, String database) {
        if (ask.database() != null && !local.exists(database)) {
            throw new CliFailure(Exit.LOCAL_DATABASE, "there is no database '" + database + "' on the local "
                    + "PostgreSQL (the server psql connects to with the current PGHOST, PGPORT and PGUSER)");
        }
        // checked before a long run, not after it
        Restorer.Plan plan = ask.noRestore() ? null : planFor(ask, database, LocalDateTime.now());
        if (plan != null) {
            restorer.check(plan);
            if (ask.production()) {
                ui.say(plan.inPlace() ? "Once upgraded, database '" + database + "' is replaced: the live one is "
                        + "renamed '" + plan.keptAs() + "' and kept with its filestore, the upgraded one takes its "
                        + "name, and the live one is put back if anything fails. Stop the Juniper server before the "
                        + "restore (or run with --beside to leave it untouched)."
                        : "Once upgraded, the database is restored as '" + plan.name() + "'; '" + database + "' is "
                        + "left as it is.");
            }
        }
        ScriptsFolder.Packed scripts = ask.scripts() == null ? null : ScriptsFolder.pack(ask.scripts(), pack());
        Token token = resumed(ask, database, scripts).orElseGet(() -> submit(ask, database, scripts));
        RequestStatus end = follower.follow(token);
        if (!end.done()) {
            store.forget(database);
            throw new CliFailure(Exit.UPGRADE_FAILED, "request " + token.id() + " ended " + end.describe()
                    + "\nIts whole log: upgrade log -t " + token);
        }
        Delivery delivery = new Delivery(ui, intake, restorer);
        try {
            if (plan == null) {
                delivery.keep(token, end, Path.of("").toAbsolutePath());
            } else {
                delivery.restore(token, end, plan, ask.jobs(), store.workDir(database));
            }
        } catch (CliFailure | IntakeException e) {
            throw new CliFailure(Exit.of(e), e.getMessage() + "\nThe upgrade itself is done and stays "
                    + "available: run the same command again, or 'upgrade restore -t " + token + "'.", e);
        }
        store.forget(database);
        return Exit.OK;
    }

    /**
     * A test copy, and a production database restored from a dump file, become a new database; a production
     * database given with -d is replaced in place, unless -r names another database.
     */
    private static Restorer.Plan planFor(Ask ask, String database, LocalDateTime now) {
        if (ask.production() && ask.database() != null && ask.restoreName() == null && !ask.beside()) {
            return Restorer.Plan.inPlace(database, RestoreNames.keptOriginal(database, ask.target(), now));
        }
        String name = ask.restoreName() != null ? ask.restoreName()
                : RestoreNames.copy(database, ask.purpose(), ask.target(), now);
        return Restorer.Plan.newDatabase(name, database);
    }

    /** The saved request of this database, if the administrator resumes it (a run without a terminal does). */
    private Optional<Token> resumed(Ask ask, String database, ScriptsFolder.Packed scripts) {
        Optional<StateStore.Saved> found = store.load(database);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        StateStore.Saved saved = found.get();
        Token token = saved.parsedToken();
        if (!saved.url().equals(intake.base().toString()) || !saved.purpose().equals(ask.purpose())
                || !saved.targetVersion().equals(ask.target())) {
            ui.say("Another request for '" + database + "' is saved (" + saved.purpose() + " to "
                    + saved.targetVersion() + " on " + saved.url() + "); it is left as it is, and can be followed "
                    + "with: upgrade status -t " + token);
            return Optional.empty();
        }
        RequestStatus status;
        try {
            status = intake.status(token);
        } catch (IntakeRefusal unknown) {
            ui.say("The saved request " + token.id() + " is unknown to the platform; starting a new one.");
            store.forget(database);
            return Optional.empty();
        }
        if (status.finished() && !status.done()) {
            ui.say("The saved request " + token.id() + " ended " + status.describe() + "; starting a new one.");
            store.forget(database);
            return Optional.empty();
        }
        if (!ui.confirm("Request " + token.id() + " (" + ask.purpose() + " upgrade of '" + database + "' to "
                + ask.target() + ") is " + status.state() + (status.backup() == null && status.state().equals(
                        RequestStatus.NEW) ? " and its upload was interrupted" : "") + ". Resume it?", true)) {
            if (!status.finished() && !"progress".equals(status.state())) {
                intake.cancel(token);
                ui.say("Request " + token.id() + " cancelled.");
            }
            store.forget(database);
            return Optional.empty();
        }
        if (RequestStatus.NEW.equals(status.state())) {
            if (status.backup() == null) {
                Path file = Path.of(saved.backupFile());
                if (!isSame(file, saved.backupSize())) {
                    ui.say("The backup being uploaded (" + file + ") is gone or changed; starting a new request.");
                    intake.cancel(token);
                    store.forget(database);
                    return Optional.empty();
                }
                upload(token, database, file, saved.backupSize(), saved.backupSha256());
            }
            if (scripts != null) {
                sendScripts(token, scripts, intake.status(token).sourceVersion(), ask.target());
            }
            intake.start(token);
            ui.say("Request " + token.id() + " queued.");
        } else if (scripts != null) {
            ui.warn("request " + token.id() + " has started: the scripts of --scripts are not sent (a request takes "
                    + "scripts only before it starts)");
        }
        return Optional.of(token);
    }

    private Token submit(Ask ask, String database, ScriptsFolder.Packed scripts) {
        String contract = contract(ask, database);
        String email = email(ask);
        Path workDir = store.workDir(database);
        BackupPacker.Packed packed;
        if (ask.database() != null) {
            Manifest manifest = packer.describe(database);
            requireNewer(manifest.version(), ask.target());
            packed = packer.fromDatabase(manifest, ask.jobs(), workDir);
        } else {
            packed = packer.fromFile(ask.dump(), workDir);
            requireNewer(packed.sourceVersion(), ask.target());
        }
        if (scripts != null && packed.sourceVersion() != null) {
            ScriptsFolder.requireWithin(scripts, pack(), packed.sourceVersion(), ask.target());
        }
        IntakeClient.Created created = intake.create(new IntakeClient.NewRequest(contract, email,
                database, ask.target(), packed.sourceVersion(), ask.purpose()));
        Token token = created.token();
        store.save(new StateStore.Saved(token.toString(), intake.base().toString(), database, ask.purpose(),
                ask.target(), packed.file().toAbsolutePath().toString(), packed.checksum().sha256(),
                packed.checksum().size(), Instant.now().toString()));
        ui.say("Request " + token.id() + " created. Its token (kept in " + store.fileOf(database) + " until the "
                + "request is over): " + token);
        upload(token, database, packed.file(), packed.checksum().size(), packed.checksum().sha256());
        if (scripts != null) {
            sendScripts(token, scripts, packed.sourceVersion(), ask.target());
        }
        intake.start(token);
        ui.say("Request " + token.id() + " queued.");
        return token;
    }

    /** -c, or the contract the database records where Juniper keeps it. */
    private String contract(Ask ask, String database) {
        if (ask.contract() != null) {
            return ask.contract();
        }
        if (ask.database() == null) {
            throw new CliFailure(Exit.USAGE, "a dump file does not say which contract it is covered by: give your "
                    + "contract number with -c/--contract");
        }
        String contract = local.contract(database).orElseThrow(() -> new CliFailure(Exit.USAGE, "database '"
                + database + "' records no contract (" + JuniperPack.CONTRACT_PARAMETER + " in its system "
                + "parameters): give your contract number with -c/--contract"));
        ui.say("Contract " + contract + ", as database '" + database + "' records it.");
        return contract;
    }

    /** --email, the address given last, or one typed at the terminal; remembered for the next requests. */
    private String email(Ask ask) {
        String email = Optional.ofNullable(ask.email()).or(store::email).or(() -> ui.ask(
                "E-mail address that receives the upgrade's result and report (asked once):")).orElseThrow(() ->
                new CliFailure(Exit.USAGE, "the platform mails the result and the report: give the address with "
                        + "--email ADDRESS (it is remembered for the next runs)"));
        if (email.length() > MAX_EMAIL_LENGTH || !email.matches("[^@\\s]+@[^@\\s]+")) {
            throw new CliFailure(Exit.USAGE, "'" + email + "' is not an e-mail address");
        }
        store.rememberEmail(email);
        return email;
    }

    /** Sends the scripts once the backup is in, so that the platform checks them against the backup's version. */
    private void sendScripts(Token token, ScriptsFolder.Packed scripts, String source, String target) {
        if (source != null) {
            ScriptsFolder.requireWithin(scripts, pack(), source, target);
        }
        RequestStatus status = intake.uploadScripts(token, scripts.zip());
        ui.say("The platform has the " + (status.scripts() == null ? scripts.describe()
                : status.scripts().count() + " upgrade script(s) for " + String.join(", ", status.scripts().modules()))
                + " and checked them.");
    }

    private static JuniperPack pack() {
        return JuniperPack.load();
    }

    private void upload(Token token, String database, Path file, long size, String sha256) {
        RequestStatus checked = new Uploader(intake, ui).upload(token, file, size, sha256);
        ui.say("The platform has the backup and checked it (" + checked.backup().format() + ", Juniper "
                + checked.sourceVersion() + ").");
        if (file.toAbsolutePath().startsWith(store.workDir(database).toAbsolutePath())) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                ui.warn("could not remove " + file + " (" + e.getMessage() + ")");
            }
        }
    }

    /** The platform refuses a target that is not newer too, but only once the backup has been sent. */
    private static void requireNewer(String source, String target) {
        if (source != null && versionNumber(source) >= versionNumber(target)) {
            throw new CliFailure(Exit.USAGE, "the database is at Juniper " + source + ", so the target " + target
                    + " is not an upgrade: give a newer version with -t");
        }
    }

    private static double versionNumber(String version) {
        try {
            return Double.parseDouble(version);
        } catch (NumberFormatException e) {
            throw new CliFailure(Exit.USAGE, "'" + version + "' is not a Juniper version such as 17.0");
        }
    }

    private static boolean isSame(Path file, long size) {
        try {
            return Files.isRegularFile(file) && Files.size(file) == size;
        } catch (IOException e) {
            return false;
        }
    }
}
