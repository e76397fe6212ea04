package org.juniper.upgrade.e2e;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A TCP proxy between a browser and intake that cuts the connection carrying an upload once, after a given number of
 * bytes of PATCH bodies, as a dropped connection does. It notes the Upload-Offset of every PATCH it passes on.
 */
final class CuttingProxy implements AutoCloseable {
    private static final byte[] PATCH = "PATCH /".getBytes(StandardCharsets.US_ASCII);

    private final ServerSocket server;
    private final int target;
    private final long cutAfter;
    private final AtomicLong patched = new AtomicLong();
    private final AtomicBoolean cut = new AtomicBoolean();
    private final List<Long> patchOffsets = new CopyOnWriteArrayList<>();
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();

    /** @param cutAfter bytes of uploads passed on before the one cut */
    CuttingProxy(int target, long cutAfter) throws IOException {
        this.target = target;
        this.cutAfter = cutAfter;
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        daemon(this::accept);
    }

    int port() {
        return server.getLocalPort();
    }

    /** The Upload-Offset of each PATCH, in the order they came. */
    List<Long> patchOffsets() {
        return List.copyOf(patchOffsets);
    }

    boolean hasCut() {
        return cut.get();
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket browser = server.accept();
                Socket intake = new Socket(InetAddress.getLoopbackAddress(), target);
                sockets.add(browser);
                sockets.add(intake);
                daemon(() -> toIntake(browser, intake));
                daemon(() -> pipe(intake, browser));
            } catch (IOException e) {
                return;
            }
        }
    }

    /** Passes the browser's bytes on, watching for PATCH requests and cutting once inside an upload's body. */
    private void toIntake(Socket browser, Socket intake) {
        byte[] buffer = new byte[64 * 1024];
        boolean inPatch = false;
        try (InputStream in = browser.getInputStream(); OutputStream out = intake.getOutputStream()) {
            for (int n; (n = in.read(buffer)) > 0; ) {
                int at = indexOf(buffer, n, PATCH);
                if (at >= 0) {
                    inPatch = true;
                    patchOffsets.add(uploadOffset(new String(buffer, at, n - at, StandardCharsets.ISO_8859_1)));
                }
                if (inPatch && patched.addAndGet(n) > cutAfter && cut.compareAndSet(false, true)) {
                    browser.close();
                    intake.close();
                    return;
                }
                out.write(buffer, 0, n);
                out.flush();
            }
        } catch (IOException e) {
            // either side went away: so does the other
        } finally {
            closeQuietly(browser);
            closeQuietly(intake);
        }
    }

    private static void pipe(Socket from, Socket to) {
        try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
            in.transferTo(out);
        } catch (IOException e) {
            // either side went away: so does the other
        } finally {
            closeQuietly(from);
            closeQuietly(to);
        }
    }

    private static long uploadOffset(String head) {
        return head.lines().takeWhile(line -> !line.isEmpty())
                .filter(line -> line.toLowerCase(Locale.ROOT).startsWith("upload-offset:"))
                .map(line -> Long.parseLong(line.substring(line.indexOf(':') + 1).trim())).findFirst().orElse(-1L);
    }

    private static int indexOf(byte[] buffer, int length, byte[] wanted) {
        outer:
        for (int i = 0; i + wanted.length <= length; i++) {
            for (int j = 0; j < wanted.length; j++) {
                if (buffer[i + j] != wanted[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    private static void daemon(Runnable task) {
        Thread thread = new Thread(task, "cutting-proxy");
        thread.setDaemon(true);
        thread.start();
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // already closed
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
        for (Socket socket : sockets) {
            closeQuietly(socket);
        }
    }
}
