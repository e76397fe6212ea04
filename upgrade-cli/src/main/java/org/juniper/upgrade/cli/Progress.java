package org.juniper.upgrade.cli;

import java.io.FilterInputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Locale;

/**
 * Progress of one long step (dump, upload, download, restore) on standard error: a bar with the rate and the time
 * left, redrawn in place at a terminal, a line every few seconds in a log file, and always a closing summary.
 */
public final class Progress implements AutoCloseable {
    private static final long TERMINAL_REFRESH_NANOS = 250_000_000L;
    private static final long LOG_REFRESH_NANOS = 10_000_000_000L;
    private static final int BAR_WIDTH = 20;

    private final Ui ui;
    private final String step;
    private final long total;
    private final long started = System.nanoTime();
    private long done;
    /** Bytes done before this run (a resumed upload): not counted in the rate. */
    private long before;
    private long shownAt = started;

    /** @param total bytes expected, or -1 when unknown (a dump's size is known only at its end) */
    public Progress(Ui ui, String step, long total) {
        this.ui = ui;
        this.step = step;
        this.total = total;
    }

    /** The step resumes with {@code bytes} already done. */
    public synchronized void resumedAt(long bytes) {
        before = bytes;
        done = bytes;
    }

    /** Sets the bytes done so far. */
    public synchronized void at(long bytes) {
        done = bytes;
        long now = System.nanoTime();
        if (now - shownAt >= (ui.interactive() ? TERMINAL_REFRESH_NANOS : LOG_REFRESH_NANOS)) {
            shownAt = now;
            show(false);
        }
    }

    public synchronized void add(long bytes) {
        at(done + bytes);
    }

    /** {@code in}, counting what is read from it. */
    public InputStream counting(InputStream in) {
        return new FilterInputStream(in) {
            @Override
            public int read() throws IOException {
                int b = super.read();
                if (b >= 0) {
                    add(1);
                }
                return b;
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                int n = super.read(b, off, len);
                if (n > 0) {
                    add(n);
                }
                return n;
            }
        };
    }

    /** {@code out}, counting what is written to it. */
    public OutputStream counting(OutputStream out) {
        return new FilterOutputStream(out) {
            @Override
            public void write(int b) throws IOException {
                out.write(b);
                add(1);
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                out.write(b, off, len);
                add(len);
            }
        };
    }

    @Override
    public synchronized void close() {
        show(true);
    }

    private void show(boolean last) {
        double seconds = Math.max((System.nanoTime() - started) / 1e9, 0.001);
        double rate = (done - before) / seconds;
        StringBuilder line = new StringBuilder(step).append(": ");
        if (total > 0) {
            int filled = (int) Math.min(BAR_WIDTH, done * BAR_WIDTH / total);
            line.append('[').append("#".repeat(filled)).append(" ".repeat(BAR_WIDTH - filled)).append(String.format(
                    Locale.ROOT, "] %3d%% %s of %s", done * 100 / total, bytes(done), bytes(total)));
        } else {
            line.append(bytes(done));
        }
        line.append(", ").append(bytes((long) rate)).append("/s");
        if (last) {
            line.append(", ").append(duration(Math.round(seconds)));
        } else if (total > 0 && rate > 0) {
            line.append(", ").append(duration(Math.round((total - done) / rate))).append(" left");
        }
        if (ui.interactive()) {
            ui.err().print("\r\033[K" + line + (last ? "\n" : ""));
        } else {
            ui.err().println(Ui.stamp() + line);
        }
        ui.err().flush();
    }

    /** A duration as people read it: 42 s, 3 min 05 s, 2 h 07 min. */
    static String duration(long seconds) {
        if (seconds < 60) {
            return seconds + " s";
        }
        if (seconds < 3600) {
            return String.format(Locale.ROOT, "%d min %02d s", seconds / 60, seconds % 60);
        }
        return String.format(Locale.ROOT, "%d h %02d min", seconds / 3600, seconds % 3600 / 60);
    }

    /** A size as people read it: 512 B, 3.4 MiB, 1.2 GiB. */
    public static String bytes(long n) {
        if (n < 1024) {
            return n + " B";
        }
        String[] units = {"KiB", "MiB", "GiB", "TiB"};
        double value = n;
        int unit = -1;
        while (value >= 1024 && unit < units.length - 1) {
            value /= 1024;
            unit++;
        }
        return String.format(Locale.ROOT, "%.1f %s", value, units[unit]);
    }
}
