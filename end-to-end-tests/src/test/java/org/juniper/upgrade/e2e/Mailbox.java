package org.juniper.upgrade.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The local SMTP server's mailboxes, read through its REST API. */
final class Mailbox {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();
    private final String api = "http://127.0.0.1:" + ServiceProcesses.env("JUNIPER_MAIL_API_PORT");

    record Mail(String subject, String raw) {
        /** Every http(s) address in the mail, its quoted-printable line breaks undone. */
        List<String> addresses() {
            Matcher m = ADDRESS.matcher(raw.replaceAll("=\r?\n", ""));
            List<String> found = new ArrayList<>();
            while (m.find()) {
                found.add(m.group());
            }
            return found;
        }
    }

    private static final Pattern ADDRESS = Pattern.compile("https?://[A-Za-z0-9.:/_~%-]+");

    List<Mail> messages(String email) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(api + "/api/user/"
                + URLEncoder.encode(email, StandardCharsets.UTF_8) + "/messages/")).build(),
                HttpResponse.BodyHandlers.ofString());
        List<Mail> mails = new ArrayList<>();
        if (response.statusCode() != 200) {
            return mails;
        }
        for (JsonNode message : JSON.readTree(response.body())) {
            mails.add(new Mail(message.path("subject").asText(), message.path("mimeMessage").asText()));
        }
        return mails;
    }
}
