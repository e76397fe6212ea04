package org.juniper.upgrade.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/** What the upgrade website's backend does with intake's API. */
final class IntakeClient {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private final String base = "http://127.0.0.1:" + ServiceProcesses.port("intake-service") + "/api/v1/requests";

    record Request(String id, String secret) {
    }

    /** Operations register the contract once; the local platform's ops token is the default one. */
    void registerContract(String contract, String project) throws Exception {
        send(HttpRequest.newBuilder(URI.create(base.replace("/api/v1/requests", "/ops/v1/contracts/") + contract))
                .header("Authorization", "Bearer local-ops-token").header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(Map.of("project", project)))), 200);
    }

    /** Operations start a rolling-release campaign over hosted databases whose backups are in the store. */
    JsonNode startCampaign(String target, List<Map<String, String>> databases) throws Exception {
        return json(send(ops("").header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers
                .ofString(JSON.writeValueAsString(Map.of("targetVersion", target, "databases", databases)))), 201));
    }

    JsonNode campaign(String id) throws Exception {
        return json(send(ops("/" + id).GET(), 200));
    }

    private HttpRequest.Builder ops(String path) {
        return opsApi("/campaigns" + path);
    }

    /** Operations abort a request that has not ended, with a reason. */
    JsonNode abort(Request r, String reason) throws Exception {
        return json(send(opsApi("/requests/" + r.id() + "/abort").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(Map.of("reason", reason)))), 200));
    }

    /** Operations queue a failed or cancelled request again, as a new attempt. */
    JsonNode retry(Request r) throws Exception {
        return json(send(opsApi("/requests/" + r.id() + "/retry").POST(HttpRequest.BodyPublishers.noBody()), 200));
    }

    private HttpRequest.Builder opsApi(String path) {
        return HttpRequest.newBuilder(URI.create(base.replace("/api/v1/requests", "/ops/v1") + path))
                .header("Authorization", "Bearer local-ops-token");
    }

    Request create(String email, String database, String target, String purpose) throws Exception {
        String body = JSON.writeValueAsString(Map.of("contract", "M2026-0042", "email", email, "database", database,
                "targetVersion", target, "purpose", purpose));
        JsonNode created = json(send(HttpRequest.newBuilder(URI.create(base)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)), 201));
        return new Request(created.get("id").asText(), created.get("secret").asText());
    }

    void upload(Request r, byte[] backup) throws Exception {
        send(authorized(r, "/backup").header("Content-Type", "application/zip")
                .PUT(HttpRequest.BodyPublishers.ofByteArray(backup)), 200);
    }

    /** Where the request's resumable upload goes, for a tus client. */
    String uploadUrl(Request r) {
        return base + "/" + r.id() + "/backup";
    }

    /** How much of the request's resumable upload is stored, as HEAD tells. */
    long uploadOffset(Request r) throws Exception {
        return Long.parseLong(send(authorized(r, "/backup").method("HEAD", HttpRequest.BodyPublishers.noBody()), 204)
                .headers().firstValue("Upload-Offset").orElseThrow());
    }

    /** The upgrade scripts of the request's own, as a zip laid out as the platform's scripts. */
    void uploadScripts(Request r, byte[] scripts) throws Exception {
        send(authorized(r, "/scripts").header("Content-Type", "application/zip")
                .PUT(HttpRequest.BodyPublishers.ofByteArray(scripts)), 200);
    }

    void start(Request r) throws Exception {
        send(authorized(r, "/start").POST(HttpRequest.BodyPublishers.noBody()), 200);
    }

    JsonNode status(Request r) throws Exception {
        return json(send(authorized(r, "").GET(), 200));
    }

    String log(Request r) throws Exception {
        return send(authorized(r, "/log").GET(), 200).body();
    }

    /** The archive, streamed by intake. */
    byte[] download(Request r) throws Exception {
        return fetched(r, "/download");
    }

    /** The report, {@code html} or {@code json}. */
    String report(Request r, String format) throws Exception {
        return new String(fetched(r, "/report?format=" + format), StandardCharsets.UTF_8);
    }

    /** Links that open the result in a browser, as the page asks for them. */
    JsonNode links(Request r) throws Exception {
        return JSON.readTree(send(authorized(r, "/links").POST(HttpRequest.BodyPublishers.noBody()), 201).body());
    }

    /** Every link issued so far for the request stops working. */
    void revokeLinks(Request r) throws Exception {
        send(authorized(r, "/links").DELETE(), 204);
    }

    /** Follows a redirect to the object store without the secret, as the CLI does. */
    private byte[] fetched(Request r, String path) throws Exception {
        HttpResponse<byte[]> content = http.send(authorized(r, path).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
        if (content.statusCode() == 307) {
            content = http.send(HttpRequest.newBuilder(URI.create(content.headers().firstValue("Location")
                    .orElseThrow())).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        }
        if (content.statusCode() != 200) {
            throw new IllegalStateException(path + " answered " + content.statusCode());
        }
        return content.body();
    }

    private HttpRequest.Builder authorized(Request r, String path) {
        return HttpRequest.newBuilder(URI.create(base + "/" + r.id() + path)).header("Authorization",
                "Bearer " + r.secret());
    }

    private HttpResponse<String> send(HttpRequest.Builder request, int expected) throws Exception {
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != expected) {
            throw new IllegalStateException("expected " + expected + " but got " + response.statusCode() + ": "
                    + response.body());
        }
        return response;
    }

    private static JsonNode json(HttpResponse<String> response) throws Exception {
        return JSON.readTree(response.body());
    }
}
