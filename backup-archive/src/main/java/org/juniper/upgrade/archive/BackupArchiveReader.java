package org.juniper.upgrade.archive;

import java.io.BufferedInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;
import org.juniper.upgrade.events.FailureReason;

/** Reads a Juniper backup archive as a stream, refusing entries whose path would leave the archive. */
public final class BackupArchiveReader {

    /** Receives each file entry; the stream is valid only during the call and need not be consumed. */
    @FunctionalInterface
    public interface EntryHandler {
        void entry(String name, InputStream content) throws IOException, InvalidBackupException;
    }

    private BackupArchiveReader() {
    }

    public static void read(InputStream in, EntryHandler handler) throws IOException, InvalidBackupException {
        TailRecorder tail = new TailRecorder(in);
        // ZipInputStream reads its input 512 bytes at a time: a syscall or a network read each, without a buffer
        ZipInputStream zip = new ZipInputStream(new BufferedInputStream(tail, 1 << 16));
        int entries = 0;
        try {
            ZipEntry entry;
            while ((entry = zip.getNextEntry()) != null) {
                entries++;
                String name = entry.getName();
                if (ArchiveLayout.escapes(name)) {
                    throw new InvalidBackupException(FailureReason.BACKUP_PATH_ESCAPE,
                            "the archive entry '" + name + "' points outside the archive; re-create the archive "
                                    + "with relative paths only");
                }
                if (!entry.isDirectory()) {
                    handler.entry(name, new FilterInputStream(zip) {
                        @Override
                        public void close() {
                            // the handler must not close the whole archive
                        }
                    });
                }
                zip.closeEntry();
            }
        } catch (ZipException | java.io.EOFException e) {
            throw new InvalidBackupException(FailureReason.BACKUP_CORRUPT,
                    "the archive is damaged (" + e.getMessage() + "); upload it again or create a new backup", e);
        }
        if (entries == 0) {
            throw new InvalidBackupException(FailureReason.BACKUP_CORRUPT,
                    "the file is not a zip archive or holds no entries; upload the backup .zip or a pg_dump "
                            + "custom-format file");
        }
        // the entries can be complete while the archive's directory at its end is cut off: unzip would refuse it
        tail.transferTo(java.io.OutputStream.nullOutputStream());
        if (!tail.endsWithCentralDirectory()) {
            throw new InvalidBackupException(FailureReason.BACKUP_CORRUPT,
                    "the archive is truncated: its central directory is missing; upload the whole file again");
        }
    }

    public static Manifest parseManifest(InputStream in) throws InvalidBackupException {
        try {
            Manifest manifest = BackupArchiveWriter.JSON.readValue(in, Manifest.class);
            if (manifest.version() == null || !manifest.version().matches("\\d+\\.0")) {
                throw new InvalidBackupException(FailureReason.BACKUP_NO_MANIFEST,
                        "manifest.json has no valid 'version' (expected a major version such as 14.0)");
            }
            return manifest;
        } catch (IOException e) {
            throw new InvalidBackupException(FailureReason.BACKUP_NO_MANIFEST,
                    "manifest.json is not valid JSON: " + e.getMessage(), e);
        }
    }
}
