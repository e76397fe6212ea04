package org.juniper.upgrade.fuzz;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * HTTP/1.1 over a plain socket, since the mutations include requests no client library sends (lying lengths, bad
 * request lines, several Host headers). A connection is kept between well-formed exchanges and dropped after any
 * other, or when the server closes it.
 */
final class RawHttp implements AutoCloseable {
    /** What is kept of a body; the rest is read and dropped. A refusal is kept whole up to a limit, to be parsed. */
    private static final int KEPT_BODY = 64 * 1024;
    private static final int KEPT_REFUSAL = 8 * 1024 * 1024;
    private static final int MAX_HEAD = 256 * 1024;
    private static final ScheduledExecutorService WATCHDOG = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "write-watchdog");
        thread.setDaemon(true);
        return thread;
    });

    /** An answer, or none: {@code status} 0 with {@code error} saying what happened instead. */
    record Answer(int status, Map<String, String> headers, byte[] body, long nanos, String error) {
        String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }
    }

    private final String host;
    private final int port;
    private final int timeoutMillis;
    private Socket socket;
    private InputStream in;

    RawHttp(String host, int port, int timeoutMillis) {
        this.host = host;
        this.port = port;
        this.timeoutMillis = timeoutMillis;
    }

    Answer send(Exchange exchange, byte[] wire) {
        boolean reused = socket != null;
        Answer answer = attempt(exchange, wire);
        // a kept connection the server closed while idle fails before any answer byte: that is not the server's
        // answer to a well-formed request, so it goes again once on a new connection
        if (reused && !exchange.closeAfter() && answer.status() == 0 && "closed before any answer".equals(answer.error())) {
            answer = attempt(exchange, wire);
        }
        return answer;
    }

    private Answer attempt(Exchange exchange, byte[] wire) {
        long started = System.nanoTime();
        long deadline = started + timeoutMillis * 1_000_000L;
        boolean keep = false;
        try {
            if (socket == null) {
                socket = new Socket();
                socket.setTcpNoDelay(true);
                socket.connect(new InetSocketAddress(host, port), timeoutMillis);
                in = new BufferedInputStream(socket.getInputStream(), 64 * 1024);
            }
            IOException writeFailure = null;
            // a server that stops reading a body without closing would block the write for ever: reads have a
            // timeout, writes only this
            Socket writing = socket;
            AtomicBoolean stuck = new AtomicBoolean();
            ScheduledFuture<?> watchdog = WATCHDOG.schedule(() -> {
                stuck.set(true);
                closeQuietly(writing);
            }, timeoutMillis, TimeUnit.MILLISECONDS);
            try {
                OutputStream out = socket.getOutputStream();
                out.write(wire);
                out.flush();
                if (exchange.halfClose()) {
                    socket.shutdownOutput();
                }
            } catch (IOException e) {
                // the server may have answered and closed before taking the whole body: its answer is still read
                writeFailure = e;
            } finally {
                watchdog.cancel(false);
            }
            if (stuck.get()) {
                return none(started, "no complete answer within " + timeoutMillis + " ms: the request was not "
                        + "taken in full");
            }
            Answer answer = read(exchange, started, deadline, writeFailure);
            keep = answer.status() != 0 && !exchange.closeAfter() && !"close".equalsIgnoreCase(
                    answer.header("connection")) && answer.error() == null;
            return answer;
        } catch (IOException e) {
            return new Answer(0, Map.of(), new byte[0], System.nanoTime() - started, "connection failed: "
                    + e.getMessage());
        } finally {
            if (!keep) {
                close();
            }
        }
    }

    private Answer read(Exchange exchange, long started, long deadline, IOException writeFailure) {
        Map<String, String> headers = new LinkedHashMap<>();
        int status;
        try {
            do {
                headers.clear();
                String statusLine = line(deadline, true);
                if (statusLine == null) {
                    return none(started, writeFailure != null ? "reset while sending: " + writeFailure.getMessage()
                            : "closed before any answer");
                }
                String[] parts = statusLine.split(" ", 3);
                if (parts.length < 2 || !parts[0].startsWith("HTTP/")) {
                    return none(started, "not an HTTP answer: " + Generator.abbreviate(statusLine, 40));
                }
                status = Integer.parseInt(parts[1]);
                for (String header = line(deadline, false); !header.isEmpty(); header = line(deadline, false)) {
                    int colon = header.indexOf(':');
                    if (colon > 0) {
                        headers.merge(header.substring(0, colon).trim().toLowerCase(Locale.ROOT),
                                header.substring(colon + 1).trim(), (a, b) -> a + ", " + b);
                    }
                }
            } while (status >= 100 && status < 200 && status != 101);
            String type = headers.getOrDefault("content-type", "");
            if (status == 101 || type.startsWith("text/event-stream")) {
                // a live stream or another protocol: the answer is its head; the rest is not ours to wait for
                return new Answer(status, headers, new byte[0], System.nanoTime() - started, "stream");
            }
            byte[] body = body(exchange, status, headers, deadline);
            return new Answer(status, headers, body, System.nanoTime() - started, null);
        } catch (SocketTimeoutException e) {
            return none(started, "no complete answer within " + timeoutMillis + " ms");
        } catch (EOFException e) {
            return none(started, "closed inside the answer");
        } catch (IOException | NumberFormatException e) {
            return none(started, "unreadable answer: " + e.getMessage());
        }
    }

    private static Answer none(long started, String error) {
        return new Answer(0, Map.of(), new byte[0], System.nanoTime() - started, error);
    }

    private byte[] body(Exchange exchange, int status, Map<String, String> headers, long deadline)
            throws IOException {
        ByteArrayOutputStream kept = new ByteArrayOutputStream();
        int limit = status >= 400 ? KEPT_REFUSAL : KEPT_BODY;
        if (exchange.method().equals("HEAD") || status == 204 || status == 304) {
            return kept.toByteArray();
        }
        String encoding = headers.getOrDefault("transfer-encoding", "");
        String length = headers.get("content-length");
        if (encoding.toLowerCase(Locale.ROOT).contains("chunked")) {
            for (long size = chunkSize(deadline); size > 0; size = chunkSize(deadline)) {
                copy(size, kept, limit, deadline);
                line(deadline, false);
            }
            String trailer;
            do {
                trailer = line(deadline, false);
            } while (!trailer.isEmpty());
        } else if (length != null) {
            copy(Long.parseLong(length.trim()), kept, limit, deadline);
        } else {
            copy(Long.MAX_VALUE, kept, limit, deadline);
        }
        return kept.toByteArray();
    }

    private long chunkSize(long deadline) throws IOException {
        String line = line(deadline, false);
        int ext = line.indexOf(';');
        return Long.parseLong((ext < 0 ? line : line.substring(0, ext)).trim(), 16);
    }

    /** Reads {@code size} bytes (to the end of input for Long.MAX_VALUE), keeping the first {@code limit}. */
    private void copy(long size, ByteArrayOutputStream kept, int limit, long deadline) throws IOException {
        byte[] buffer = new byte[16 * 1024];
        long left = size;
        while (left > 0) {
            timeout(deadline);
            int n = in.read(buffer, 0, (int) Math.min(buffer.length, left));
            if (n < 0) {
                if (size == Long.MAX_VALUE) {
                    return;
                }
                throw new EOFException();
            }
            int keep = Math.min(n, limit - kept.size());
            if (keep > 0) {
                kept.write(buffer, 0, keep);
            }
            left -= n;
        }
    }

    /** One line without its CRLF; null at the end of input when {@code eofAllowed}. */
    private String line(long deadline, boolean eofAllowed) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream(128);
        while (true) {
            timeout(deadline);
            int b = in.read();
            if (b < 0) {
                if (eofAllowed && line.size() == 0) {
                    return null;
                }
                throw new EOFException();
            }
            if (b == '\n') {
                byte[] bytes = line.toByteArray();
                int end = bytes.length > 0 && bytes[bytes.length - 1] == '\r' ? bytes.length - 1 : bytes.length;
                return new String(bytes, 0, end, StandardCharsets.ISO_8859_1);
            }
            if (line.size() >= MAX_HEAD) {
                throw new IOException("an answer line longer than " + MAX_HEAD + " bytes");
            }
            line.write(b);
        }
    }

    private void timeout(long deadline) throws IOException {
        long left = (deadline - System.nanoTime()) / 1_000_000L;
        if (left <= 0) {
            throw new SocketTimeoutException();
        }
        socket.setSoTimeout((int) left);
    }

    @Override
    public void close() {
        if (socket != null) {
            closeQuietly(socket);
            socket = null;
            in = null;
        }
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            // nothing left to release
        }
    }
}
