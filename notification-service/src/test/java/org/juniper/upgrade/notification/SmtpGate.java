package org.juniper.upgrade.notification;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A TCP relay between the service and the shared GreenMail, which a test cannot stop: closing the gate refuses new
 * connections and cuts open ones, as a mail server that went away would; opening it again on the same port brings
 * the server back. The service's mailer is pointed at the gate.
 */
public class SmtpGate implements QuarkusTestResourceLifecycleManager {
    private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();
    static volatile SmtpGate current;

    private final int upstreamPort = Integer.parseInt(System.getenv().getOrDefault("JUNIPER_SMTP_PORT", "15425"));
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();
    private volatile ServerSocket server;
    private int port;

    @Override
    public Map<String, String> start() {
        current = this;
        open();
        return Map.of("quarkus.mailer.port", Integer.toString(port));
    }

    @Override
    public void stop() {
        close();
    }

    synchronized void open() {
        try {
            ServerSocket socket = new ServerSocket();
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(LOOPBACK, port));
            port = socket.getLocalPort();
            server = socket;
        } catch (IOException e) {
            throw new IllegalStateException("cannot open the SMTP gate on port " + port, e);
        }
        Thread acceptor = new Thread(() -> accept(server), "smtp-gate");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    synchronized void close() {
        closeQuietly(server);
        sockets.forEach(SmtpGate::closeQuietly);
        sockets.clear();
    }

    private void accept(ServerSocket listening) {
        while (!listening.isClosed()) {
            try {
                Socket client = listening.accept();
                Socket upstream = new Socket(LOOPBACK, upstreamPort);
                sockets.add(client);
                sockets.add(upstream);
                pump(client, upstream);
                pump(upstream, client);
            } catch (IOException e) {
                // closed: the gate is shut
            }
        }
    }

    private static void pump(Socket from, Socket to) {
        Thread pump = new Thread(() -> {
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                in.transferTo(out);
            } catch (IOException e) {
                // one side went away
            } finally {
                closeQuietly(from);
                closeQuietly(to);
            }
        }, "smtp-gate-pump");
        pump.setDaemon(true);
        pump.start();
    }

    private static void closeQuietly(AutoCloseable closeable) {
        try {
            if (closeable != null) {
                closeable.close();
            }
        } catch (Exception e) {
            // already closed
        }
    }
}
