package org.juniper.upgrade.archive;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.Closeable;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** Writes a Juniper backup archive to a stream, entry by entry, computing its checksum on the way. */
public final class BackupArchiveWriter implements Closeable {
    static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private static final long FIXED_ENTRY_TIME = java.time.LocalDateTime.of(2000, 1, 1, 0, 0)
            .toInstant(java.time.ZoneOffset.UTC).toEpochMilli();

    private final Sha256 sha = new Sha256();
    private final ZipOutputStream zip;
    private boolean finished;

    public BackupArchiveWriter(OutputStream out) {
        this.zip = new ZipOutputStream(sha.wrap(out));
        // dumps compress well but slowly at higher levels; the archive is rewritten on every run
        this.zip.setLevel(1);
    }

    public void manifest(Manifest manifest) throws IOException {
        entry(ArchiveLayout.MANIFEST, JSON.writeValueAsBytes(manifest));
    }

    /** Opens {@code dump.sql}; closing the returned stream ends the entry, not the archive. */
    public OutputStream dump() throws IOException {
        return openEntry(ArchiveLayout.DUMP);
    }

    public void filestoreFile(String sha1, InputStream content) throws IOException {
        entry(ArchiveLayout.filestorePath(sha1), content);
    }

    public void entry(String name, byte[] content) throws IOException {
        try (OutputStream out = openEntry(name)) {
            out.write(content);
        }
    }

    public void entry(String name, InputStream content) throws IOException {
        try (OutputStream out = openEntry(name)) {
            content.transferTo(out);
        }
    }

    public OutputStream openEntry(String name) throws IOException {
        if (ArchiveLayout.escapes(name)) {
            throw new IllegalArgumentException("entry name escapes the archive: " + name);
        }
        ZipEntry entry = new ZipEntry(name);
        // a fixed time makes the same content give the same archive, byte for byte
        entry.setTime(FIXED_ENTRY_TIME);
        zip.putNextEntry(entry);
        return new FilterOutputStream(zip) {
            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                zip.write(b, off, len);
            }

            @Override
            public void close() throws IOException {
                zip.closeEntry();
            }
        };
    }

    /** Completes the archive; the checksum covers every byte written to the underlying stream. */
    public Checksum finish() throws IOException {
        zip.finish();
        zip.flush();
        finished = true;
        return new Checksum(sha.hex(), sha.size());
    }

    @Override
    public void close() throws IOException {
        if (!finished) {
            zip.finish();
        }
        zip.close();
    }
}
