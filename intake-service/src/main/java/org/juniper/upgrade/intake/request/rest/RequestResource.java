package org.juniper.upgrade.intake.request.rest;

import static org.juniper.upgrade.intake.http.Authorization.bearer;

import io.smallrye.common.annotation.Blocking;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.InputStream;
import java.net.URI;
import java.util.UUID;
import io.smallrye.mutiny.Multi;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.juniper.upgrade.events.Purpose;
import org.juniper.upgrade.intake.config.IntakeConfig;
import org.juniper.upgrade.intake.refusal.Failure;
import org.juniper.upgrade.intake.refusal.RefusalMappers;
import org.juniper.upgrade.intake.refusal.RequestRefusedException;
import org.juniper.upgrade.intake.request.repository.RequestState;
import org.juniper.upgrade.intake.request.repository.UpgradeRequest;
import org.juniper.upgrade.intake.request.service.CreationRate;
import org.juniper.upgrade.intake.request.service.NewRequest;
import org.juniper.upgrade.intake.request.service.RequestProgress;
import org.juniper.upgrade.intake.request.service.RequestResults;
import org.juniper.upgrade.intake.request.service.RequestScripts;
import org.juniper.upgrade.intake.request.service.RequestService;

/**
 * The requester's API. Everything but creation needs the secret returned at creation, as
 * {@code Authorization: Bearer <secret>}; a wrong secret gets the same answer as an unknown request.
 */
@Path("/api/v1/requests")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "requests", description = "Upgrade requests")
@Blocking
public class RequestResource {
    private final RequestService service;
    private final RequestScripts scripts;
    private final RequestProgress progress;
    private final CreationRate creations;
    private final RequestResults results;
    private final ArtifactResponses artifacts;
    private final IntakeConfig config;

    RequestResource(RequestService service, RequestScripts scripts, RequestProgress progress,
            CreationRate creations, RequestResults results, ArtifactResponses artifacts, IntakeConfig config) {
        this.service = service;
        this.creations = creations;
        this.scripts = scripts;
        this.progress = progress;
        this.results = results;
        this.artifacts = artifacts;
        this.config = config;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Create a request", description = "Returns the request id and the requester's secret, "
            + "shown only this once. With 'Authorization: Bearer <secret>' of one of the requester's requests, the "
            + "new one shares that secret and is listed with it. Each client address creates a bounded number of "
            + "requests per minute (429 with Retry-After beyond).")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "test upgrade", value = """
            {"contract": "M2026-0042", "email": "it@acme.example", "database": "acme",
             "targetVersion": "17.0", "purpose": "test"}""")))
    public Response create(NewRequest body, @HeaderParam(HttpHeaders.AUTHORIZATION) String auth,
            @Context HttpServerRequest client) {
        creations.take(client.remoteAddress().hostAddress());
        if (body == null) {
            throw new RequestRefusedException(400, new Failure("REQUEST:EMPTY", "no request body",
                    "a JSON object with contract, email, database, targetVersion and purpose"));
        }
        RequestService.Created created = service.create(body, bearer(auth));
        UUID id = created.request().id;
        String base = "/api/v1/requests/" + id;
        return Response.created(URI.create(base)).entity(new CreatedView(id, created.secret(), created.request().state,
                base + "/backup", base + "/start", base)).build();
    }

    @PUT
    @Path("{id}/scripts")
    @Consumes({"application/zip", MediaType.APPLICATION_OCTET_STREAM})
    @Operation(summary = "Upload the upgrade scripts of your custom modules", description = "A database with "
            + "modules the platform does not know stops with MODULE:CUSTOM unless the request brings their upgrade "
            + "scripts: a zip laid out as the platform's own, <version>/<module>/{pre,post,end}-NN-name.sql, with "
            + "0.0.0 as the version of scripts that run on every hop. Each hop runs them in its transaction, after "
            + "the platform's scripts of the same phase, as the same unprivileged role. Taken only while the request "
            + "is new; a second upload replaces the first. A bad zip is refused with every problem, each naming its "
            + "path (SCRIPTS:INVALID, SCRIPTS:OUTSIDE_HOPS, SCRIPTS:TOO_LARGE), and nothing is stored.")
    @RequestBody(content = @Content(mediaType = "application/zip", examples = @ExampleObject(
            name = "scripts of a custom module", summary = "the files of the zip", value = """
                    16.0/customer_loyalty/post-10-rename-card-number.sql
                    0.0.0/customer_loyalty/end-10-record-hop.sql""")))
    @APIResponse(responseCode = "200", description = "The request, with scripts: {sha256, size, count, modules}")
    @APIResponse(responseCode = "422", description = "Refused; nothing stored", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "misplaced script", value = """
                    {"failures": [{"reason": "SCRIPTS:INVALID",
                      "message": "'customer_loyalty/post-10-rename.sql' is not where a script goes",
                      "expected": "<version>/<module>/{pre,post,end}-NN-name.sql (...), e.g. \
                    16.0/customer_loyalty/post-10-rename-card-number.sql; 0.0.0 as the version for scripts that \
                    run on every hop"}]}""")))
    @APIResponse(responseCode = "409", description = "The request has started (REQUEST:NOT_NEW); nothing changed")
    public RequestView uploadScripts(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.AUTHORIZATION) String auth,
            InputStream body) {
        return RequestView.of(scripts.receive(id, bearer(auth), body));
    }

    @POST
    @Path("{id}/start")
    @Operation(summary = "Start processing", description = "Queues the request once its backup is stored.")
    public RequestView start(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.AUTHORIZATION) String auth) {
        return RequestView.of(service.start(id, bearer(auth)));
    }

    @GET
    @Operation(summary = "The requester's own requests", description = "The requests created with the secret "
            + "given, newest first.")
    public List<RequestView> list(@HeaderParam(HttpHeaders.AUTHORIZATION) String auth) {
        return service.listOwn(bearer(auth)).stream().map(RequestView::of).toList();
    }

    @GET
    @Path("{id}")
    @Operation(summary = "Status of a request", description = "With its place in the queue while pending and an "
            + "estimate of the run time from past runs between the same versions.")
    public RequestView status(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.AUTHORIZATION) String auth) {
        UpgradeRequest request = service.find(id, bearer(auth));
        RequestProgress.Outlook outlook = progress.outlook(request);
        return RequestView.of(request, outlook.queuePosition(), outlook.estimatedSeconds());
    }

    @POST
    @Path("{id}/cancel")
    @Operation(summary = "Cancel a request that is new or pending")
    public RequestView cancel(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.AUTHORIZATION) String auth) {
        return RequestView.of(service.cancel(id, bearer(auth)));
    }

    @GET
    @Path("{id}/log")
    @Produces(MediaType.TEXT_PLAIN)
    @Operation(summary = "The live log of a request", description = "Supports 'Range: bytes=<offset>-' to read only "
            + "what was added since the last read, as the upgrade client does.")
    public Response log(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.AUTHORIZATION) String auth,
            @HeaderParam("Range") String range) {
        service.find(id, bearer(auth));
        byte[] text = progress.logText(id).getBytes(StandardCharsets.UTF_8);
        long from = LogRange.start(range);
        if (from < 0) {
            return Response.ok(text).build();
        }
        if (from >= text.length) {
            return RefusalMappers.refusal(416, List.of(new Failure("LOG:RANGE", "the log has " + text.length
                    + " bytes; nothing starts at byte " + from, "an offset below " + text.length
                    + ", or wait for more of the log"))).header("Content-Range", "bytes */" + text.length).build();
        }
        return Response.status(206).header("Content-Range", "bytes " + from + "-" + (text.length - 1) + "/"
                + text.length).entity(Arrays.copyOfRange(text, (int) from, text.length)).build();
    }

    @GET
    @Path("{id}/log/stream")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @Operation(summary = "The live log as Server-Sent Events", description = "One event per log line; the stream "
            + "ends when the request has ended.")
    public Multi<String> logStream(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.AUTHORIZATION) String auth) {
        service.find(id, bearer(auth));
        return progress.follow(id);
    }

    @GET
    @Path("{id}/download")
    @Produces({"application/zip", MediaType.APPLICATION_JSON})
    @Operation(summary = "Download the final archive", description = "The archive itself, from this address: a test "
            + "archive is only ever the neutralized one. 'Range: bytes=<from>-' resumes a cut download (206); the ETag "
            + "is the archive's sha256.")
    public Response download(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.AUTHORIZATION) String auth,
            @HeaderParam("Range") String range) {
        UpgradeRequest request = service.find(id, bearer(auth));
        return artifacts.attachment(results.archive(request), "application/zip", archiveName(request), range);
    }

    @GET
    @Path("{id}/report")
    @Produces({MediaType.TEXT_HTML, MediaType.APPLICATION_JSON})
    @Operation(summary = "The upgrade report", description = "The HTML report, or its JSON form with format=json. A "
            + "failed request has a report too: what failed, where, and the end of the log.")
    public Response report(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.AUTHORIZATION) String auth,
            @QueryParam("format") String format) {
        UpgradeRequest request = service.find(id, bearer(auth));
        boolean json = "json".equals(format);
        if (format != null && !json && !"html".equals(format)) {
            throw new RequestRefusedException(400, new Failure("REPORT:FORMAT", "the report comes as html or json, "
                    + "not '" + Failure.shown(format) + "'", "leave format out for HTML, or ask for format=json"));
        }
        return artifacts.inline(results.report(request, json), json ? MediaType.APPLICATION_JSON
                : MediaType.TEXT_HTML + ";charset=utf-8");
    }

    @POST
    @Path("{id}/links")
    @Operation(summary = "Links that open the result in a browser", description = "For a request that is done or "
            + "failed: a link to the archive (when done) and one to the report, which a browser opens without any "
            + "header until they expire. Mails carry such links too. Anyone holding one can use it: revoke them with "
            + "DELETE.")
    @APIResponse(responseCode = "201", description = "The links",
            content = @Content(mediaType = MediaType.APPLICATION_JSON))
    public Response links(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.AUTHORIZATION) String auth) {
        RequestResults.Issued issued = results.issue(id, bearer(auth));
        String base = publicBase() + "/links/" + issued.capability().token();
        boolean done = issued.request().state == RequestState.DONE;
        return Response.status(201).header(HttpHeaders.CACHE_CONTROL, "no-store")
                .entity(new LinksView(done ? base : null, base + "/report", issued.capability().expiresAt())).build();
    }

    @DELETE
    @Path("{id}/links")
    @Operation(summary = "Revoke the request's links", description = "Every link issued so far, mailed or not, "
            + "answers as for an unknown request from now on; links issued later work.")
    @APIResponse(responseCode = "204", description = "Revoked")
    public Response revokeLinks(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.AUTHORIZATION) String auth) {
        results.revoke(id, bearer(auth));
        return Response.noContent().build();
    }

    /** Links leave the platform at its public address when one is configured, else relative to this one. */
    private String publicBase() {
        return config.publicUrl().map(url -> url.toString().replaceAll("/+$", "")).orElse("");
    }

    /** What a browser saves the archive as: the database, its new version, and whether it is the test copy. */
    static String archiveName(UpgradeRequest request) {
        return request.databaseName.replaceAll("[^A-Za-z0-9._-]", "_") + "-" + request.targetVersion
                + (request.purpose == Purpose.TEST ? "-test" : "") + ".zip";
    }
}
