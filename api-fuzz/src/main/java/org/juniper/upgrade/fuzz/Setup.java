package org.juniper.upgrade.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Reads the OpenAPI document and makes the fixtures through the API itself, as a requester and an operator would. */
final class Setup {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final URI base;
    private final String opsToken;

    Setup(URI base, String opsToken) {
        this.base = base;
        this.opsToken = opsToken;
    }

    ApiModel openApi() throws IOException {
        HttpResponse<byte[]> answer = send(HttpRequest.newBuilder(base.resolve("/q/openapi?format=json")).GET(),
                BodyHandlers.ofByteArray());
        if (answer.statusCode() != 200) {
            throw new IOException("GET /q/openapi?format=json answered " + answer.statusCode());
        }
        return ApiModel.parse(answer.body());
    }

    /**
     * A contract and project of the run's own, a branch credential, and four requests: new with a backup, new for
     * production without one, started with a backup (it runs and finishes during the fuzzing), and cancelled.
     */
    Fixtures fixtures(byte[] backup, String tag) throws IOException {
        String contract = "FUZZ-" + tag;
        String project = "fuzz-" + tag;
        expect(200, json("PUT", "/ops/v1/contracts/" + contract, Map.of("project", project), opsToken),
                "registering the contract with the ops token");
        HttpResponse<String> branch = json("POST", "/ops/v1/branches", Map.of("name", project, "project", project),
                opsToken);
        String credential = branch.statusCode() == 200 ? field(branch, "credential") : null;
        Fixtures draft = new Fixtures(authority(), opsToken, contract, project, credential, List.of(), backup, tag);
        List<Fixtures.Request> requests = new ArrayList<>();
        Fixtures.Request withBackup = create(draft, "fuzz_a", "test", "new, with a backup");
        upload(withBackup, backup);
        requests.add(withBackup);
        requests.add(create(draft, "fuzz_b", "production", "new production request, no backup"));
        Fixtures.Request started = create(draft, "fuzz_c", "test", "started");
        upload(started, backup);
        expect(200, send(HttpRequest.newBuilder(base.resolve("/api/v1/requests/" + started.id() + "/start"))
                .header("Authorization", "Bearer " + started.secret()).POST(BodyPublishers.noBody()),
                BodyHandlers.ofString()), "starting a request");
        requests.add(started);
        Fixtures.Request cancelled = create(draft, "fuzz_d", "test", "cancelled");
        expect(200, send(HttpRequest.newBuilder(base.resolve("/api/v1/requests/" + cancelled.id() + "/cancel"))
                .header("Authorization", "Bearer " + cancelled.secret()).POST(BodyPublishers.noBody()),
                BodyHandlers.ofString()), "cancelling a request");
        requests.add(cancelled);
        return new Fixtures(authority(), opsToken, contract, project, credential, List.copyOf(requests), backup, tag);
    }

    String authority() {
        return base.getHost() + ":" + base.getPort();
    }

    private Fixtures.Request create(Fixtures draft, String database, String purpose, String label)
            throws IOException {
        HttpResponse<String> created = expect(201, json("POST", "/api/v1/requests", Map.of("contract",
                draft.contract(), "email", draft.email(), "database", database, "targetVersion", "17.0", "purpose",
                purpose), null), "creating a request");
        return new Fixtures.Request(field(created, "id"), field(created, "secret"), label);
    }

    private void upload(Fixtures.Request request, byte[] backup) throws IOException {
        expect(200, send(HttpRequest.newBuilder(base.resolve("/api/v1/requests/" + request.id() + "/backup"))
                .header("Authorization", "Bearer " + request.secret()).header("Content-Type", "application/zip")
                .PUT(BodyPublishers.ofByteArray(backup)), BodyHandlers.ofString()), "uploading the sample backup");
    }

    private HttpResponse<String> json(String method, String path, Map<String, String> body, String token)
            throws IOException {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).header("Content-Type",
                "application/json").method(method, BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body)));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return send(request, BodyHandlers.ofString());
    }

    private <T> HttpResponse<T> send(HttpRequest.Builder request, HttpResponse.BodyHandler<T> body)
            throws IOException {
        try {
            return http.send(request.timeout(Duration.ofSeconds(60)).build(), body);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    private static HttpResponse<String> expect(int status, HttpResponse<String> answer, String what)
            throws IOException {
        if (answer.statusCode() != status) {
            throw new IOException(what + " failed: " + answer.request().method() + " " + answer.uri().getPath()
                    + " answered " + answer.statusCode() + " " + Generator.abbreviate(answer.body(), 300));
        }
        return answer;
    }

    private static String field(HttpResponse<String> answer, String name) throws IOException {
        JsonNode value = JSON.readTree(answer.body()).path(name);
        if (!value.isTextual()) {
            throw new IOException("no '" + name + "' in the answer to " + answer.uri().getPath());
        }
        return value.asText();
    }
}
