package org.juniper.upgrade.archive;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/** Writes a Juniper backup archive to a stream, entry by entry, computing its checksum on the way. */
public final class BackupArchiveWriter implements Closeable {
    static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final Sha256 sha = new Sha256();
    private final OutputStream target;
    // dumps compress well but slowly at higher levels; the archive is rewritten on every run
    private final ZipWriter zip;
    private boolean finished;

    public BackupArchiveWriter(OutputStream out) {
        this.target = sha.wrap(out);
        this.zip = new ZipWriter(target, 1);
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
        return zip.entry(name);
    }

    /** Completes the archive; the checksum covers every byte written to the underlying stream. */
    public Checksum finish() throws IOException {
        zip.finish();
        finished = true;
        return new Checksum(sha.hex(), sha.size());
    }

    @Override
    public void close() throws IOException {
        if (!finished) {
            zip.finish();
        }
        target.close();
    }
}
