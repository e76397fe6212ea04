package org.juniper.upgrade.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.Enumeration;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.juniper.upgrade.archive.ArchiveLayout;

/**
 * The ERP's filestore on this machine: one folder per database under a root, files named after the SHA-1 of their
 * content ({@code <root>/<db>/<2 hex>/<sha1>}).
 */
final class Filestore {
    /** What a merge put in the new folder. */
    record Merged(int fromOriginal, int fromArchive) {
    }

    private final Path root;

    Filestore(Path root) {
        this.root = root;
    }

    Path of(String database) {
        return root.resolve(database);
    }

    /**
     * Fills {@code into}'s folder with the files of {@code original}'s (none when null or absent) and then the
     * archive's files it does not have yet. The original's files are hard-linked where the file system allows:
     * filestore files are never changed in place, so sharing them is safe and costs no space.
     */
    Merged merge(String original, String into, ZipFile archive) {
        Path target = of(into);
        try {
            Files.createDirectories(target);
            int linked = 0;
            if (original != null && Files.isDirectory(of(original))) {
                Path source = of(original);
                try (Stream<Path> files = Files.walk(source)) {
                    for (Path file : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
                        if (share(file, target.resolve(source.relativize(file)))) {
                            linked++;
                        }
                    }
                }
            }
            int added = 0;
            for (Enumeration<? extends ZipEntry> entries = archive.entries(); entries.hasMoreElements();) {
                ZipEntry entry = entries.nextElement();
                if (!entry.getName().startsWith(ArchiveLayout.FILESTORE_PREFIX) || entry.isDirectory()) {
                    continue;
                }
                if (!ArchiveLayout.isFilestoreFile(entry.getName())) {
                    throw new CliFailure(Exit.LOCAL_DATABASE, "the archive holds an unexpected filestore entry '"
                            + entry.getName() + "'; it was not restored");
                }
                Path file = target.resolve(entry.getName().substring(ArchiveLayout.FILESTORE_PREFIX.length()));
                if (!Files.exists(file)) {
                    Files.createDirectories(file.getParent());
                    try (InputStream in = archive.getInputStream(entry)) {
                        Files.copy(in, file);
                    }
                    added++;
                }
            }
            return new Merged(linked, added);
        } catch (IOException e) {
            throw new CliFailure(Exit.LOCAL_DATABASE, "cannot fill the filestore " + target + ": " + e.getMessage(),
                    e);
        }
    }

    /** Renames a database's folder, if it has one. */
    void rename(String from, String to) {
        if (Files.exists(of(from))) {
            try {
                Files.move(of(from), of(to), StandardCopyOption.ATOMIC_MOVE);
            } catch (IOException e) {
                throw new CliFailure(Exit.LOCAL_DATABASE, "cannot rename the filestore " + of(from) + " to " + of(to)
                        + ": " + e.getMessage(), e);
            }
        }
    }

    void delete(String database) {
        if (!Files.exists(of(database))) {
            return;
        }
        try (Stream<Path> paths = Files.walk(of(database))) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    boolean exists(String database) {
        return Files.exists(of(database));
    }

    /** Links {@code file} at {@code copy}, or copies it where links are not possible; false if already there. */
    private static boolean share(Path file, Path copy) throws IOException {
        Files.createDirectories(copy.getParent());
        try {
            Files.createLink(copy, file);
        } catch (FileAlreadyExistsException e) {
            return false;
        } catch (IOException | UnsupportedOperationException e) {
            try {
                Files.copy(file, copy);
            } catch (FileAlreadyExistsException again) {
                return false;
            }
        }
        return true;
    }
}
