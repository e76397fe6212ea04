package org.juniper.upgrade.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.juniper.upgrade.client.Token;

/** What operations do with intake's ops API in the suites, beyond registering the contract the requests use. */
final class Operations {
    /** The local platform's default ops token. */
    static final String TOKEN = "local-ops-token";
    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();
    private final String base = "http://127.0.0.1:" + ServiceProcesses.port("intake-service") + "/ops/v1";

    /** Operations start a rolling-release campaign over hosted databases whose backups are in the store. */
    JsonNode startCampaign(String target, List<Map<String, String>> databases) throws Exception {
        return send(ops("/campaigns").header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers
                .ofString(JSON.writeValueAsString(Map.of("targetVersion", target, "databases", databases)))), 201);
    }

    JsonNode campaign(String id) throws Exception {
        return send(ops("/campaigns/" + id).GET(), 200);
    }

    /** Operations abort a request that has not ended, with a reason. */
    JsonNode abort(Token r, String reason) throws Exception {
        return send(ops("/requests/" + r.id() + "/abort").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(Map.of("reason", reason)))), 200);
    }

    /** Operations queue a failed or cancelled request again, as a new attempt. */
    JsonNode retry(Token r) throws Exception {
        return send(ops("/requests/" + r.id() + "/retry").POST(HttpRequest.BodyPublishers.noBody()), 200);
    }

    private HttpRequest.Builder ops(String path) {
        return HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", "Bearer " + TOKEN);
    }

    private JsonNode send(HttpRequest.Builder request, int expected) throws Exception {
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != expected) {
            throw new IllegalStateException("expected " + expected + " but got " + response.statusCode() + ": "
                    + response.body());
        }
        return JSON.readTree(response.body());
    }
}
