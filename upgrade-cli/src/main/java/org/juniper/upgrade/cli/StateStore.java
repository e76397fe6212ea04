package org.juniper.upgrade.cli;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import org.juniper.upgrade.client.Token;

/**
 * The requests this machine has under way, one file per database ({@code <data dir>/<database>.json}), so that
 * running the same command again resumes instead of starting over. The files hold the request's secret: they are
 * readable by their owner only. Next to them, {@code <data dir>/<database>/} holds the packed backup until the
 * platform has it, and the download until it is restored. {@code <data dir>/.requester.json} remembers the
 * administrator's e-mail address for the next requests.
 */
final class StateStore {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final boolean POSIX = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");

    /**
     * One request under way.
     *
     * @param token {@code <id>:<secret>}
     * @param backupFile the file being uploaded: a packed dump or the administrator's own backup file
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Saved(String token, String url, String database, String purpose, String targetVersion, String backupFile,
            String backupSha256, long backupSize, String createdAt) {
        Token parsedToken() {
            return Token.parse(token);
        }
    }

    /** Who the platform mails the results to, asked for once. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Requester(String email) {
    }

    /** A held lock; closing releases it. */
    interface Lock extends AutoCloseable {
        @Override
        void close();
    }

    /** No database's file can have this name: a database name never starts with '.'. */
    private static final String REQUESTER = ".requester.json";

    private final Path dir;

    StateStore(Path dir) {
        this.dir = dir;
    }

    Optional<Saved> load(String database) {
        Path file = fileOf(database);
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        try {
            return Optional.of(JSON.readValue(file.toFile(), Saved.class));
        } catch (IOException e) {
            throw new CliFailure(Exit.FAILED, "cannot read " + file + " (" + e.getMessage() + "); delete it to "
                    + "start a new request, its token is lost", e);
        }
    }

    void save(Saved saved) {
        write(fileOf(saved.database()), saved, "the request's token");
    }

    /** The e-mail address given last, if any. */
    Optional<String> email() {
        Path file = dir.resolve(REQUESTER);
        try {
            return Files.exists(file) ? Optional.ofNullable(JSON.readValue(file.toFile(), Requester.class).email())
                    : Optional.empty();
        } catch (IOException e) {
            throw new CliFailure(Exit.FAILED, "cannot read " + file + " (" + e.getMessage() + "); delete it, the "
                    + "e-mail address is asked for again", e);
        }
    }

    void rememberEmail(String email) {
        write(dir.resolve(REQUESTER), new Requester(email), "the e-mail address");
    }

    private void write(Path file, Object value, String what) {
        try {
            Path temporary = Files.createTempFile(privateDir(dir), file.getFileName().toString(), ".tmp");
            Files.write(temporary, JSON.writeValueAsBytes(value));
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new CliFailure(Exit.FAILED, "cannot save " + what + " in " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Holds this database's requests for one run: a second run for the same database on this machine would upload,
     * download and restore the same files at once. The operating system releases the lock if the process dies.
     */
    Lock lock(String database) {
        Path file = privateDir(dir).resolve(database + ".lock");
        try {
            FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock;
            try {
                lock = channel.tryLock();
            } catch (OverlappingFileLockException e) {
                lock = null;
            }
            if (lock == null) {
                channel.close();
                throw new CliFailure(Exit.BUSY, "another run for '" + database + "' is under way on this machine; "
                        + "wait for it to end (or stop it), then run the command again");
            }
            return () -> {
                try {
                    channel.close();
                } catch (IOException e) {
                    // closing releases the lock; the process ending would too
                }
            };
        } catch (IOException e) {
            throw new CliFailure(Exit.FAILED, "cannot lock " + file + ": " + e.getMessage(), e);
        }
    }

    void forget(String database) {
        try {
            Files.deleteIfExists(fileOf(database));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The working folder of one database's request (created on first use, private). */
    Path workDir(String database) {
        return privateDir(dir.resolve(database));
    }

    Path fileOf(String database) {
        return dir.resolve(database + ".json");
    }

    /** Creates {@code folder} readable by its owner only; createTempFile already makes files owner-only. */
    private static Path privateDir(Path folder) {
        try {
            if (!Files.isDirectory(folder)) {
                if (POSIX) {
                    Files.createDirectories(folder, PosixFilePermissions.asFileAttribute(
                            PosixFilePermissions.fromString("rwx------")));
                } else {
                    Files.createDirectories(folder);
                }
            }
            return folder;
        } catch (IOException e) {
            throw new CliFailure(Exit.FAILED, "cannot create " + folder + ": " + e.getMessage(), e);
        }
    }
}
