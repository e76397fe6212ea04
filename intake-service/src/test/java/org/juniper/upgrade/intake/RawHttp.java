package org.juniper.upgrade.intake;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * One HTTP/1.1 exchange written by hand, for what a well-behaved client cannot do: announce a body and hold it, send
 * part of it, or read the answer before the body is sent.
 */
public final class RawHttp implements AutoCloseable {
    private final Socket socket;
    private final OutputStream out;

    /** The answer: status, headers by lower-case name, body. */
    public record Answer(int status, Map<String, String> headers, String body) {
    }

    private RawHttp(Socket socket) throws IOException {
        this.socket = socket;
        this.out = socket.getOutputStream();
    }

    /** Sends the request line and headers; the body is the caller's to write. */
    public static RawHttp start(URL intake, String method, String path, Map<String, String> headers) throws IOException {
        RawHttp http = new RawHttp(new Socket(intake.getHost(), intake.getPort()));
        http.socket.setSoTimeout(30_000);
        StringBuilder head = new StringBuilder(method + " " + path + " HTTP/1.1\r\nHost: " + intake.getHost()
                + "\r\n");
        headers.forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
        http.out.write(head.append("\r\n").toString().getBytes(StandardCharsets.US_ASCII));
        http.out.flush();
        return http;
    }

    /** Sends {@code request} as it is, framing included, and reads the answer. */
    public static Answer exchange(URL intake, byte[] request) throws IOException {
        try (RawHttp http = new RawHttp(new Socket(intake.getHost(), intake.getPort()))) {
            http.socket.setSoTimeout(30_000);
            http.write(request, 0, request.length);
            return http.answer();
        }
    }

    public void write(byte[] bytes, int from, int to) throws IOException {
        out.write(bytes, from, to - from);
        out.flush();
    }

    /** Reads the answer, whatever of the body was sent. */
    public Answer answer() throws IOException {
        InputStream in = socket.getInputStream();
        String status = line(in);
        Map<String, String> headers = new LinkedHashMap<>();
        for (String header = line(in); !header.isEmpty(); header = line(in)) {
            int colon = header.indexOf(':');
            headers.put(header.substring(0, colon).trim().toLowerCase(Locale.ROOT), header.substring(colon + 1).trim());
        }
        int length = Integer.parseInt(headers.getOrDefault("content-length", "0"));
        String body = new String(in.readNBytes(length), StandardCharsets.UTF_8);
        return new Answer(Integer.parseInt(status.split(" ")[1]), headers, body);
    }

    private static String line(InputStream in) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (int b = in.read(); b != '\n'; b = in.read()) {
            if (b < 0) {
                throw new IOException("the connection ended inside the answer");
            }
            if (b != '\r') {
                bytes.write(b);
            }
        }
        return bytes.toString(StandardCharsets.US_ASCII);
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
