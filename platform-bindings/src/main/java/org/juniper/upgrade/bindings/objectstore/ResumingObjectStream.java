package org.juniper.upgrade.bindings.objectstore;

import java.io.IOException;
import java.io.InputStream;
import org.jboss.logging.Logger;

/**
 * An object read to its end although the connection it comes over drops: a read that fails is resumed where it
 * stopped, from the same version of the object (its ETag), a few times in a row. Slow readers need this: a restore
 * that builds indexes between two entries of an archive leaves its connection idle long enough for the store, or a
 * proxy before it, to close it, and the whole run would start again for nothing.
 */
final class ResumingObjectStream extends InputStream {
    private static final Logger LOG = Logger.getLogger(ResumingObjectStream.class);
    /** Resumes in a row with no byte read between them; the next failure is the reader's. */
    static final int RESUMES = 3;

    /** Opens the object from {@code offset} on, only while its ETag is still {@code etag}. */
    interface Opener {
        InputStream open(long offset, String etag);
    }

    private final String key;
    private final String etag;
    private final long end;
    private final Opener opener;
    private InputStream current;
    private long position;

    ResumingObjectStream(String key, InputStream first, long offset, long length, String etag, Opener opener) {
        this.key = key;
        this.current = first;
        this.position = offset;
        this.end = offset + length;
        this.etag = etag;
        this.opener = opener;
    }

    @Override
    public int read() throws IOException {
        for (int resumed = 0;; resumed++) {
            try {
                int b = current.read();
                if (b >= 0) {
                    position++;
                }
                return b;
            } catch (IOException dropped) {
                if (!resume(dropped, resumed)) {
                    return -1;
                }
            }
        }
    }

    @Override
    public int read(byte[] buffer, int off, int len) throws IOException {
        for (int resumed = 0;; resumed++) {
            try {
                int n = current.read(buffer, off, len);
                if (n > 0) {
                    position += n;
                }
                return n;
            } catch (IOException dropped) {
                if (!resume(dropped, resumed)) {
                    return -1;
                }
            }
        }
    }

    /** Opens the object again where the reader is; false when every byte was read already. */
    private boolean resume(IOException dropped, int resumed) throws IOException {
        if (resumed == RESUMES || etag == null) {
            throw dropped;
        }
        closeQuietly();
        if (position >= end) {
            return false;
        }
        LOG.infof("reading %s: the connection dropped at byte %d of %d (%s); resuming there", key, position, end,
                dropped.getMessage());
        try {
            current = opener.open(position, etag);
            return true;
        } catch (RuntimeException again) {
            dropped.addSuppressed(again);
            throw dropped;
        }
    }

    private void closeQuietly() {
        try {
            current.close();
        } catch (IOException alreadyBroken) {
            // the connection is gone; nothing to release
        }
    }

    @Override
    public void close() throws IOException {
        current.close();
    }
}
