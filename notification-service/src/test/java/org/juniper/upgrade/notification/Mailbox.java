package org.juniper.upgrade.notification;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The mails GreenMail holds for one address, read through its REST API and split into their MIME parts. */
final class Mailbox {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final int apiPort;

    Mailbox(int apiPort) {
        this.apiPort = apiPort;
    }

    /** One leaf of a mail: a text part or an attachment, decoded. */
    record Part(String contentType, String filename, byte[] content) {
        String text() {
            return new String(content, StandardCharsets.UTF_8);
        }
    }

    record Message(String subject, String to, String raw, List<Part> parts) {
        Part part(String contentType) {
            return parts.stream().filter(p -> p.filename() == null && p.contentType().startsWith(contentType))
                    .findFirst().orElseThrow(() -> new AssertionError("no " + contentType + " part in " + raw));
        }

        Part attachment(String filename) {
            return parts.stream().filter(p -> filename.equals(p.filename())).findFirst()
                    .orElseThrow(() -> new AssertionError("no attachment " + filename + " in " + raw));
        }
    }

    List<Message> messages(String email) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                "http://127.0.0.1:" + apiPort + "/api/user/" + URLEncoder.encode(email, StandardCharsets.UTF_8)
                        + "/messages/")).build(), HttpResponse.BodyHandlers.ofString());
        List<Message> messages = new ArrayList<>();
        if (response.statusCode() != 200) {
            return messages;
        }
        for (JsonNode m : JSON.readTree(response.body())) {
            String raw = m.path("mimeMessage").asText();
            messages.add(new Message(m.path("subject").asText(), headers(raw).get("to"), raw, parts(raw)));
        }
        return messages;
    }

    static List<Part> parts(String entity) {
        int split = entity.indexOf("\r\n\r\n");
        String body = split < 0 ? "" : entity.substring(split + 4);
        Map<String, String> headers = headers(entity);
        String type = headers.getOrDefault("content-type", "text/plain");
        List<Part> parts = new ArrayList<>();
        if (type.toLowerCase(Locale.ROOT).startsWith("multipart/")) {
            String boundary = "--" + parameter(type, "boundary");
            String[] sections = body.split(Pattern.quote(boundary));
            for (int i = 1; i < sections.length && !sections[i].startsWith("--"); i++) {
                parts.addAll(parts(sections[i].replaceFirst("^\r\n", "")));
            }
            return parts;
        }
        String filename = parameter(headers.getOrDefault("content-disposition", ""), "filename");
        String encoding = headers.getOrDefault("content-transfer-encoding", "7bit").toLowerCase(Locale.ROOT);
        byte[] content = switch (encoding) {
            case "base64" -> Base64.getMimeDecoder().decode(body.strip());
            case "quoted-printable" -> quotedPrintable(body);
            default -> body.getBytes(StandardCharsets.UTF_8);
        };
        parts.add(new Part(type, filename, content));
        return parts;
    }

    private static Map<String, String> headers(String entity) {
        int end = entity.indexOf("\r\n\r\n");
        Map<String, String> headers = new HashMap<>();
        for (String line : entity.substring(0, end < 0 ? entity.length() : end).replaceAll("\r\n[ \t]+", " ")
                .split("\r\n")) {
            int colon = line.indexOf(':');
            if (colon > 0) {
                headers.put(line.substring(0, colon).strip().toLowerCase(Locale.ROOT), line.substring(colon + 1)
                        .strip());
            }
        }
        return headers;
    }

    private static String parameter(String header, String name) {
        Matcher m = Pattern.compile(name + "=\"?([^\";]+)\"?", Pattern.CASE_INSENSITIVE).matcher(header);
        return m.find() ? m.group(1) : null;
    }

    private static byte[] quotedPrintable(String body) {
        String joined = body.replace("=\r\n", "");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (int i = 0; i < joined.length(); i++) {
            char c = joined.charAt(i);
            if (c == '=' && i + 2 < joined.length()) {
                bytes.write(Integer.parseInt(joined.substring(i + 1, i + 3), 16));
                i += 2;
            } else {
                bytes.write(c);
            }
        }
        return bytes.toByteArray();
    }
}
