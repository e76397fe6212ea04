package org.juniper.upgrade.cli;

import java.io.FilterInputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Locale;
import org.juniper.upgrade.client.RequestStatus;

/**
 * Progress of one long step (dump, upload, download, restore) on standard error: a bar with the rate and the time
 * left, redrawn in place at a terminal, a line every few seconds in a log file, and always a closing summary; each
 * line starts with the local time. A total that is only an estimate (a dump's, from the database's size) is shown
 * with '~', and the bar stops short of its end until the step has ended.
 */
public final class Progress implements AutoCloseable {
    private static final long TERMINAL_REFRESH_NANOS = 250_000_000L;
    private static final long LOG_REFRESH_NANOS = 10_000_000_000L;
    private static final int BAR_WIDTH = 20;

    private final Ui ui;
    private final String step;
    private final long total;
    private final boolean estimated;
    private final long started = System.nanoTime();
    private long done;
    /** Bytes done before this run (a resumed upload): not counted in the rate. */
    private long before;
    private long shownAt = started;

    /** @param total bytes expected, or -1 when unknown */
    public Progress(Ui ui, String step, long total) {
        this(ui, step, total, false);
    }

    private Progress(Ui ui, String step, long total, boolean estimated) {
        this.ui = ui;
        this.step = step;
        this.total = total;
        this.estimated = estimated;
    }

    /** A step whose size is known only at its end: {@code estimate} bytes, or -1 when there is none. */
    public static Progress estimated(Ui ui, String step, long estimate) {
        return new Progress(ui, step, estimate, true);
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
        ui.err().print(ui.interactive() ? "\r\033[K" + line(last) + (last ? "\n" : "") : line(last) + "\n");
        ui.err().flush();
    }

    /** The line as shown, time first. */
    String line(boolean last) {
        double seconds = Math.max((System.nanoTime() - started) / 1e9, 0.001);
        double rate = (done - before) / seconds;
        StringBuilder line = new StringBuilder(Ui.stamp()).append(step).append(": ");
        if (total > 0 && !(last && estimated)) {
            // an estimate may be passed before the end: the bar then waits short of it
            long percent = Math.min(done * 100 / total, estimated ? 99 : 100);
            int filled = (int) (percent * BAR_WIDTH / 100);
            line.append('[').append("#".repeat(filled)).append(" ".repeat(BAR_WIDTH - filled)).append(String.format(
                    Locale.ROOT, "] %3d%% %s of %s%s", percent, bytes(done), estimated ? "~" : "", bytes(total)));
        } else {
            line.append(bytes(done));
        }
        line.append(", ").append(bytes((long) rate)).append("/s");
        if (last) {
            line.append(", ").append(RequestStatus.duration(Math.round(seconds)));
        } else if (total > 0 && rate > 0 && done < total) {
            line.append(", ").append(estimated ? "about " : "")
                    .append(RequestStatus.duration(Math.round((total - done) / rate)))
                    .append(" left");
        } else if (total > 0 && done >= total) {
            line.append(", almost done");
        }
        return line.toString();
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
