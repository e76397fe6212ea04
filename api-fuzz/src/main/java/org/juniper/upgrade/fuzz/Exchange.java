package org.juniper.upgrade.fuzz;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * One HTTP/1.1 request as it goes on the wire: every header is explicit, Host and Content-Length included, so that
 * they can lie. {@code halfClose} ends the client's side after the body (a body shorter than its Content-Length
 * would otherwise leave the server waiting for the rest, and the wait would be ours). {@code raw}, when set, is sent
 * instead of what the other fields describe. {@code closeAfter}: the connection is not reused, since the server may
 * read what follows a lying request as another one. {@code kind} names the mutation for grouping, {@code detail}
 * says what it was. Targets and header values may hold {@link #FRESH_ID} and {@link #FRESH_SECRET}, filled in from the
 * answer to the case's first request.
 */
record Exchange(String method, String target, String route, List<Header> headers, byte[] body, boolean halfClose,
        byte[] raw, boolean closeAfter, String kind, String detail) {
    static final String FRESH_ID = "{fresh.id}";
    static final String FRESH_SECRET = "{fresh.secret}";

    record Header(String name, String value) {
    }

    /** The bytes to send, with the fresh request's id and secret put in. */
    byte[] wire(String freshId, String freshSecret) {
        if (raw != null) {
            return raw;
        }
        StringBuilder head = new StringBuilder(256).append(method).append(' ')
                .append(fill(target, freshId, freshSecret)).append(" HTTP/1.1\r\n");
        for (Header header : headers) {
            head.append(header.name()).append(": ").append(fill(header.value(), freshId, freshSecret)).append("\r\n");
        }
        byte[] start = head.append("\r\n").toString().getBytes(StandardCharsets.UTF_8);
        byte[] wire = new byte[start.length + body.length];
        System.arraycopy(start, 0, wire, 0, start.length);
        System.arraycopy(body, 0, wire, start.length, body.length);
        return wire;
    }

    String path(String freshId) {
        return fill(target, freshId, "");
    }

    private static String fill(String text, String id, String secret) {
        return text.indexOf('{') < 0 ? text : text.replace(FRESH_ID, id).replace(FRESH_SECRET, secret);
    }

    /** Builds an exchange whose Content-Length is computed unless a header already states one. */
    static final class Builder {
        private final String method;
        private final String target;
        private final String route;
        private final List<Header> headers = new ArrayList<>();
        private byte[] body = new byte[0];
        private boolean halfClose;
        private boolean framed;
        private String kind = "valid";
        private String detail = "well-formed";

        Builder(String method, String target, String route) {
            this.method = method;
            this.target = target;
            this.route = route;
        }

        Builder header(String name, String value) {
            headers.add(new Header(name, value));
            return this;
        }

        /** Drops every header of that name (case-insensitive). */
        Builder without(String name) {
            headers.removeIf(h -> h.name().equalsIgnoreCase(name));
            return this;
        }

        boolean has(String name) {
            return headers.stream().anyMatch(h -> h.name().equalsIgnoreCase(name));
        }

        Builder body(byte[] bytes) {
            body = bytes;
            return this;
        }

        byte[] body() {
            return body;
        }

        /** The headers state the framing themselves (a lie, chunked, or none at all). */
        Builder framed() {
            framed = true;
            return this;
        }

        Builder halfClose() {
            halfClose = true;
            return this;
        }

        Builder mutation(String kind, String detail) {
            this.kind = kind;
            this.detail = detail;
            return this;
        }

        Exchange build() {
            List<Header> all = new ArrayList<>(headers);
            if (!framed && (body.length > 0 || method.equals("POST") || method.equals("PUT")
                    || method.equals("PATCH"))) {
                all.add(new Header("Content-Length", Integer.toString(body.length)));
            }
            return new Exchange(method, target, route, List.copyOf(all), body, halfClose, null, framed || halfClose,
                    kind, detail);
        }
    }

    static Exchange raw(String method, String route, String target, byte[] raw, boolean halfClose, String kind,
            String detail) {
        return new Exchange(method, target, route, List.of(), new byte[0], halfClose, raw, true, kind, detail);
    }
}
