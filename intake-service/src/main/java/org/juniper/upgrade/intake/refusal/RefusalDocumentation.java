package org.juniper.upgrade.intake.refusal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.security.SecurityScheme;

/**
 * The OpenAPI document says what each route answers: its successes as they are, every status it refuses with, each
 * with the refusal body, and that the API takes a bearer token in a header. The statuses every route may give are
 * added here; those of one route are in {@link #ROUTES}.
 */
public class RefusalDocumentation implements OASFilter {
    private static final String REFUSAL = "#/components/schemas/Refusal";
    private static final String BEARER = "bearer";
    /** Answered by the HTTP layer before any route is chosen: a status line and no body. */
    private static final Set<String> BARE = Set.of("414", "431");
    private static final String STORE_DOWN = "The backup store is not reachable (STORAGE:UNAVAILABLE); see "
            + "Retry-After";
    private static final String DIRECT = "Where the archive downloads from: a signed URL at the object store's public "
            + "address, for a few minutes, when the platform has one (Location); send the same Range there";
    private static final String UPLOAD_BUSY = "Too many uploads in flight (UPLOAD:BUSY), or the backup store is not "
            + "reachable (STORAGE:UNAVAILABLE); see Retry-After";

    private static final String TUS_VERSION = "Tus-Resumable is missing on a tus-only method or is not 1.0.0 "
            + "(UPLOAD:TUS_VERSION); Tus-Version names the version spoken";

    /** Answers of one route besides those of every route: status to description; a 2xx or 3xx replaces the 200. */
    private static final Map<String, Map<String, String>> ROUTES = Map.ofEntries(
            route("POST /api/v1/requests", "201", "Created: the request's id and secret, the secret shown only this "
                    + "once", "401", "The secret given matches no request (REQUEST:UNAUTHORIZED)", "429", "Too many "
                    + "requests created from this address (REQUEST:RATE_LIMITED); see Retry-After"),
            route("GET /api/v1/requests", "401", "No secret, or one that matches no request (REQUEST:UNAUTHORIZED)"),
            route("PUT /api/v1/requests/{id}/backup", "409", "The request is not new, or another upload of it is in "
                    + "flight", "413", "Larger than a backup may be (BACKUP:TOO_LARGE)", "422", "The backup is "
                    + "refused; a request that held an accepted one keeps it", "503", UPLOAD_BUSY),
            route("OPTIONS /api/v1/requests/{id}/backup", "204", "Tus-Resumable, Tus-Version, Tus-Extension "
                    + "(creation,termination,checksum), Tus-Checksum-Algorithm and Tus-Max-Size, the largest backup "
                    + "taken"),
            route("POST /api/v1/requests/{id}/backup", "201", "Created: Location is the upload's URL", "409", "The "
                    + "request is not new, or a piece of it is in flight (UPLOAD:IN_PROGRESS)", "412", TUS_VERSION,
                    "413", "Larger than a backup may be (BACKUP:TOO_LARGE)"),
            route("HEAD /api/v1/requests/{id}/backup", "204", "Upload-Offset and Upload-Length of the upload", "409",
                    "The request is not new (REQUEST:NOT_NEW)", "412", TUS_VERSION),
            route("PATCH /api/v1/requests/{id}/backup", "204", "The piece is stored; Upload-Offset says where the "
                    + "next starts (to a tus client, the last piece too, once the backup is checked)", "200", "The "
                    + "last piece of a client that does not speak tus: the backup is stored and checked", "409",
                    "Not where the upload continues, a changed Upload-Length, another piece in flight, or the "
                    + "request is not new", "412", TUS_VERSION, "413", "Larger than a backup may be "
                    + "(BACKUP:TOO_LARGE)", "460", "The piece is not what its Upload-Checksum says "
                    + "(UPLOAD:CHECKSUM_MISMATCH); nothing of it is kept", "422", "The backup is refused; a request "
                    + "that held an accepted one keeps it", "503", UPLOAD_BUSY),
            route("DELETE /api/v1/requests/{id}/backup", "204", "The unfinished upload and its parts are dropped",
                    "409", "The request is not new, or a piece of it is in flight (UPLOAD:IN_PROGRESS)", "412",
                    TUS_VERSION),
            route("PUT /api/v1/requests/{id}/scripts", "413", "Larger than the scripts may be (SCRIPTS:TOO_LARGE)",
                    "503", UPLOAD_BUSY),
            route("POST /api/v1/requests/{id}/start", "409", "No backup yet, an upload in flight, another test of "
                    + "the database queued or running, or the request has started"),
            route("POST /api/v1/requests/{id}/cancel", "409", "The request has ended, or is a production upgrade "
                    + "that is running (REQUEST:NOT_CANCELLABLE)"),
            route("GET /api/v1/requests/{id}/log", "200", "The whole log", "206", "The log from the offset asked "
                    + "for", "416", "No such offset in the log, or a Range other than bytes=<offset>- (LOG:RANGE)"),
            route("GET /api/v1/requests/{id}/download", "200", "The archive", "206", "The part of the archive "
                    + "asked for with Range", "307", DIRECT, "409", "The request is not done (REQUEST:NOT_DONE)", "416", "The Range "
                    + "lies outside the archive (DOWNLOAD:RANGE)", "503", STORE_DOWN),
            route("GET /api/v1/requests/{id}/report", "200", "The report", "400", "A format other than html or json "
                    + "(REPORT:FORMAT)", "409", "The request has no report yet (REQUEST:NOT_DONE)", "503", STORE_DOWN),
            route("POST /api/v1/requests/{id}/links", "201", "The links and when they expire", "409", "The request "
                    + "has not ended done or failed (REQUEST:NOT_DONE)"),
            route("DELETE /api/v1/requests/{id}/links", "204", "Every link issued so far is revoked"),
            route("GET /links/{link}", "200", "The archive", "206", "The part of the archive asked for with Range",
                    "307", DIRECT, "404", "No such link: expired, revoked, of an earlier attempt, or never issued "
                    + "(REQUEST:NOT_FOUND)", "409", "The request is not done (REQUEST:NOT_DONE)", "416", "The Range "
                    + "lies outside the archive (DOWNLOAD:RANGE)", "503", STORE_DOWN),
            route("GET /links/{link}/report", "200", "The HTML report", "404", "No such link: expired, revoked, of "
                    + "an earlier attempt, or never issued (REQUEST:NOT_FOUND)", "409", "The request has no report "
                    + "yet (REQUEST:NOT_DONE)", "503", STORE_DOWN),
            route("PUT /ops/v1/contracts/{code}", "409", "The contract belongs to another project "
                    + "(CONTRACT:OTHER_PROJECT); move=true moves it"),
            route("POST /ops/v1/branches", "409", "The branch belongs to another project (BRANCH:OTHER_PROJECT); "
                    + "move=true moves it"),
            route("POST /ops/v1/requests/{id}/retry", "409", "The request is neither failed nor cancelled, or its "
                    + "backup is gone (REQUEST:NOT_RETRYABLE)"),
            route("POST /ops/v1/dead-letters/{id}/replay", "409", "The event cannot be read back "
                    + "(DEAD_LETTER:UNREADABLE)"),
            route("POST /ops/v1/campaigns", "409", "A database of the campaign has a test queued or running",
                    "503", STORE_DOWN),
            route("POST /ops/v1/purge", "503", STORE_DOWN),
            route("POST /ops/v1/lanes/test/pause", "200", "The lane is paused, now or already (then by whom it was "
                    + "first), with the requests it holds"),
            route("POST /ops/v1/lanes/test/resume", "200", "The lane runs; the requests it held are published, "
                    + "in the order they were queued"));

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getComponents() == null) {
            openAPI.setComponents(OASFactory.createComponents());
        }
        Schema failure = OASFactory.createSchema().type(List.of(Schema.SchemaType.OBJECT))
                .addProperty("reason", text("a stable code for programs, e.g. TARGET:DOWNGRADE"))
                .addProperty("message", text("what is wrong, for people"))
                .addProperty("expected", text("what would be accepted"));
        openAPI.getComponents().addSchema("Refusal", OASFactory.createSchema().type(List.of(Schema.SchemaType.OBJECT))
                .description("Everything that is wrong with the request, each with what would do")
                .addProperty("failures", OASFactory.createSchema().type(List.of(Schema.SchemaType.ARRAY))
                        .items(failure)));
        openAPI.getComponents().addSecurityScheme(BEARER, OASFactory.createSecurityScheme()
                .type(SecurityScheme.Type.HTTP).scheme(BEARER).description("A request's secret, a hosting branch's "
                        + "credential or the operations token, as 'Authorization: Bearer <secret>'; never in a URL"));
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        openAPI.getPaths().getPathItems().forEach((path, item) -> item.getOperations().forEach((method, operation) ->
                document(path, method, operation)));
    }

    private static void document(String path, PathItem.HttpMethod method, Operation operation) {
        if (operation.getResponses() == null) {
            operation.setResponses(OASFactory.createAPIResponses());
        }
        refusal(operation, "400", "The request cannot be read or a field is refused: malformed JSON "
                + "(REQUEST:MALFORMED), a Host that is missing or unreadable (REQUEST:HOST_INVALID), or the reason "
                + "of each field");
        refusal(operation, "404", "Nothing answers this path (ROUTE:NOT_FOUND)" + notFound(path));
        refusal(operation, "405", "The path does not take this method (METHOD:NOT_ALLOWED); Allow lists those it "
                + "takes");
        refusal(operation, "406", "The route cannot answer in the type Accept asks for (ACCEPT:UNSUPPORTED)");
        refusal(operation, "500", "The platform failed to answer (PLATFORM:ERROR); nothing accepted was lost");
        refusal(operation, "4XX", "Refused: what is wrong and what would do");
        refusal(operation, "5XX", "The platform cannot answer now; nothing accepted was lost");
        bare(operation, "414", "The request line is longer than the server reads; no body");
        bare(operation, "431", "The headers are larger than the server reads; no body");
        boolean upload = (method == PathItem.HttpMethod.PUT || method == PathItem.HttpMethod.PATCH)
                && (path.endsWith("/backup") || path.endsWith("/scripts"));
        if (operation.getRequestBody() != null || upload) {
            refusal(operation, "415", "The body is not of a type this route takes (CONTENT_TYPE:UNSUPPORTED)");
        }
        if (operation.getRequestBody() != null && !upload) {
            refusal(operation, "411", "A body without Content-Length (REQUEST:LENGTH_REQUIRED)");
            refusal(operation, "413", "A body larger than the route takes (REQUEST:TOO_LARGE)");
        }
        if (path.startsWith("/ops/")) {
            refusal(operation, "401", "The operations token is missing or wrong (OPS:UNAUTHORIZED)");
        }
        Map<String, String> answers = ROUTES.getOrDefault(method.name() + " " + path, Map.of());
        answers.forEach((status, description) -> {
            if (status.charAt(0) == '2' || status.charAt(0) == '3') {
                // the scanner says 200 for every route
                if (!answers.containsKey("200")) {
                    operation.getResponses().removeAPIResponse("200");
                }
                operation.getResponses().addAPIResponse(status, OASFactory.createAPIResponse()
                        .description(description));
            } else {
                refusal(operation, status, description);
            }
        });
        // the refusals a resource documents itself carry the refusal body too
        List.copyOf(operation.getResponses().getAPIResponses().keySet()).stream()
                .filter(status -> (status.charAt(0) == '4' || status.charAt(0) == '5') && !BARE.contains(status))
                .forEach(status -> refusal(operation, status, operation.getResponses().getAPIResponse(status)
                        .getDescription()));
        if (path.startsWith("/upgrade") || path.startsWith("/links/")) {
            // the launcher is public; a link is its own credential
            return;
        }
        operation.addSecurityRequirement(OASFactory.createSecurityRequirement().addScheme(BEARER));
        if (method == PathItem.HttpMethod.OPTIONS) {
            // tus discovery needs no secret
            operation.setSecurity(List.of(OASFactory.createSecurityRequirement()));
        }
        if (path.equals("/api/v1/requests") && method == PathItem.HttpMethod.POST) {
            // the secret of an earlier request is optional: the new one shares it
            operation.addSecurityRequirement(OASFactory.createSecurityRequirement());
        }
    }

    /** The refusal body under {@code status}; a response the resource wrote itself keeps its words and examples. */
    private static void refusal(Operation operation, String status, String description) {
        APIResponse existing = operation.getResponses().getAPIResponse(status);
        MediaType json = existing == null || existing.getContent() == null
                || existing.getContent().getMediaType("application/json") == null ? OASFactory.createMediaType()
                : existing.getContent().getMediaType("application/json");
        boolean written = existing != null && existing.getContent() != null && existing.getDescription() != null;
        operation.getResponses().addAPIResponse(status, OASFactory.createAPIResponse()
                .description(written ? existing.getDescription() : description)
                .content(OASFactory.createContent().addMediaType("application/json", json
                        .schema(OASFactory.createSchema().ref(REFUSAL)))));
    }

    private static String notFound(String path) {
        if (path.startsWith("/upgrade")) {
            return ", or the client is not installed on this platform (CLI:NOT_INSTALLED)";
        }
        if (path.startsWith("/ops/v1/campaigns/")) {
            return ", or no such campaign (CAMPAIGN:NOT_FOUND)";
        }
        if (path.startsWith("/ops/v1/dead-letters/")) {
            return ", or no such dead letter (DEAD_LETTER:NOT_FOUND)";
        }
        if (path.endsWith("/backup")) {
            return ", no such request for this secret (REQUEST:NOT_FOUND), or no unfinished upload to continue "
                    + "or end (UPLOAD:NOT_FOUND)";
        }
        return path.contains("{id}") ? ", or no such request for this secret (REQUEST:NOT_FOUND)" : "";
    }

    private static void bare(Operation operation, String status, String description) {
        operation.getResponses().addAPIResponse(status, OASFactory.createAPIResponse().description(description));
    }

    private static Map.Entry<String, Map<String, String>> route(String route, String... answers) {
        Map<String, String> byStatus = new LinkedHashMap<>();
        for (int i = 0; i < answers.length; i += 2) {
            byStatus.put(answers[i], answers[i + 1]);
        }
        return Map.entry(route, byStatus);
    }

    private static Schema text(String description) {
        return OASFactory.createSchema().type(List.of(Schema.SchemaType.STRING)).description(description);
    }
}
