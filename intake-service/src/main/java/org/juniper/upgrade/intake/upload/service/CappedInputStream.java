package org.juniper.upgrade.intake.upload.service;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import org.juniper.upgrade.intake.refusal.Failure;
import org.juniper.upgrade.intake.refusal.RequestRefusedException;

/** Stops an upload at the size cap instead of filling the object store. */
final class CappedInputStream extends FilterInputStream {
    private final long cap;
    private long read;

    CappedInputStream(InputStream in, long cap) {
        super(in);
        this.cap = cap;
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
            count(1);
        }
        return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        int n = super.read(b, off, len);
        if (n > 0) {
            count(n);
        }
        return n;
    }

    private void count(int n) {
        read += n;
        if (read > cap) {
            throw new RequestRefusedException(413, new Failure("BACKUP:TOO_LARGE",
                    "the backup is larger than " + cap + " bytes", "a backup of at most " + cap + " bytes"));
        }
    }
}
