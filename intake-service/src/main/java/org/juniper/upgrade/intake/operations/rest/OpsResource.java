package org.juniper.upgrade.intake.operations.rest;

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
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.juniper.upgrade.intake.access.service.Access;
import org.juniper.upgrade.intake.lane.service.TestLanePause;
import org.juniper.upgrade.intake.operations.service.DeadLetters;
import org.juniper.upgrade.intake.operations.service.Operations;
import org.juniper.upgrade.intake.refusal.Failure;
import org.juniper.upgrade.intake.refusal.RequestRefusedException;
import org.juniper.upgrade.intake.request.rest.RequestView;
import org.juniper.upgrade.intake.request.service.TargetCatalog;
import org.juniper.upgrade.intake.retention.ArtifactPurge;

/**
 * The operations API, behind its own token: queue, pausing the test lane, target versions, contracts, branches,
 * retries and aborts, dead letters.
 */
@Path("/ops/v1")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "operations", description = "For the platform's operators")
@Blocking
public class OpsResource {
    /** How many requests one purge call archives at most. */
    static final int PURGE_PER_CALL = 10;

    private final Access access;
    private final Operations operations;
    private final TargetCatalog targets;
    private final ArtifactPurge purge;
    private final DeadLetters deadLetters;
    private final TestLanePause testLane;

    OpsResource(Access access, Operations operations, TargetCatalog targets, ArtifactPurge purge,
            DeadLetters deadLetters, TestLanePause testLane) {
        this.testLane = testLane;
        this.deadLetters = deadLetters;
        this.access = access;
        this.operations = operations;
        this.targets = targets;
        this.purge = purge;
    }

    /** A new contract and the hosting project its databases belong to. */
    public record ContractBody(String project) {
    }

    public record BranchBody(String name, String project) {
    }

    public record BranchCreated(String name, String project, String credential) {
    }

    @GET
    @Path("queue")
    @Operation(summary = "Requests per lane and state, events not yet published, and whether the test lane is "
            + "paused, by whom, since when and holding how many requests")
    public Operations.Queue queue(@HeaderParam(HttpHeaders.AUTHORIZATION) String auth) {
        access.requireOperator(bearer(auth));
        return operations.queue();
    }

    /** Who pauses the lane, for the other operators. */
    public record PauseBody(String by) {
    }

    @POST
    @Path("lanes/test/pause")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Pause the test lane", description = "Idempotent. Test requests started or retried "
            + "meanwhile are accepted and held in intake (pending, 'held': true), campaigns are not released; "
            + "production requests and runs the workers already have go on. A paused lane stays paused by whom "
            + "paused it first.")
    public TestLanePause.State pause(PauseBody body, @HeaderParam(HttpHeaders.AUTHORIZATION) String auth) {
        access.requireOperator(bearer(auth));
        return testLane.pause(body == null ? null : body.by());
    }

    @POST
    @Path("lanes/test/resume")
    @Operation(summary = "Resume the test lane", description = "Idempotent. Publishes the requests the pause held, "
            + "once each and in the order they were queued, in one transaction with the lane's change.")
    public TestLanePause.State resume(@HeaderParam(HttpHeaders.AUTHORIZATION) String auth) {
        access.requireOperator(bearer(auth));
        return testLane.resume();
    }

    @GET
    @Path("targets")
    @Operation(summary = "Target versions open for upgrades")
    public List<String> openTargets(@HeaderParam(HttpHeaders.AUTHORIZATION) String auth) {
        access.requireOperator(bearer(auth));
        return targets.openTargets();
    }

    @PUT
    @Path("targets/{version}")
    @Operation(summary = "Open a target version")
    public List<String> open(@PathParam("version") String version,
            @HeaderParam(HttpHeaders.AUTHORIZATION) String auth) {
        access.requireOperator(bearer(auth));
        targets.open(version);
        return targets.openTargets();
    }

    @DELETE
    @Path("targets/{version}")
    @Operation(summary = "Close a target version", description = "Requests already accepted go on.")
    public List<String> close(@PathParam("version") String version,
            @HeaderParam(HttpHeaders.AUTHORIZATION) String auth) {
        access.requireOperator(bearer(auth));
        targets.close(version);
        return targets.openTargets();
    }

    @PUT
    @Path("contracts/{code}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Register a contract", description = "Idempotent; the project scopes branch credentials. "
            + "A contract of another project is refused (409 CONTRACT:OTHER_PROJECT) unless move=true.")
    public Map<String, String> contract(@PathParam("code") String code, ContractBody body,
            @QueryParam("move") boolean move, @HeaderParam(HttpHeaders.AUTHORIZATION) String auth) {
        access.requireOperator(bearer(auth));
        operations.registerContract(code, body == null ? null : body.project(), move);
        return Map.of("code", code, "project", body.project());
    }

    @POST
    @Path("branches")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Issue a hosting branch credential", description = "Shown once; send it as "
            + "'Authorization: Bearer <credential>' to read and download the project's requests. Issuing it again "
            + "replaces it; a branch of another project is refused (409 BRANCH:OTHER_PROJECT) unless move=true.")
    public BranchCreated branch(BranchBody body, @QueryParam("move") boolean move,
            @HeaderParam(HttpHeaders.AUTHORIZATION) String auth) {
        access.requireOperator(bearer(auth));
        BranchBody asked = body == null ? new BranchBody(null, null) : body;
        return new BranchCreated(asked.name(), asked.project(), operations.issueBranch(asked.name(), asked.project(),
                move));
    }

    @POST
    @Path("purge")
    @Operation(summary = "Purge expired artifacts now", description = "Deletes the objects of the oldest requests "
            + "finished before 'olderThan' (an ISO-8601 duration, default: the configured retention), at most "
            + PURGE_PER_CALL + " per call, and archives them; 'more' says whether to call again. The same runs every "
            + "hour by itself, for all of them.")
    public Map<String, Object> purge(@QueryParam("olderThan") String olderThan,
            @HeaderParam(HttpHeaders.AUTHORIZATION) String auth) {
        access.requireOperator(bearer(auth));
        Instant before;
        try {
            Duration age = olderThan == null ? purge.retention() : Duration.parse(olderThan);
            // a negative age would reach into the future and archive what has just finished
            if (age.isNegative()) {
                throw new DateTimeException("negative");
            }
            before = Instant.now().minus(age);
        } catch (DateTimeException | ArithmeticException e) {
            throw new RequestRefusedException(400, new Failure("PURGE:INVALID", "'" + Failure.shown(olderThan)
                    + "' is not a duration back from now", "an ISO-8601 duration such as P30D or PT1H, not "
                    + "negative and within the calendar"));
        }
        // bounded, so that one call costs the platform no more than a second or so, however much has expired
        int archived = purge.purgeFinishedBefore(before, PURGE_PER_CALL);
        return Map.of("archived", archived, "more", purge.anyFinishedBefore(before));
    }

    @POST
    @Path("requests/{id}/retry")
    @Operation(summary = "Retry a failed or cancelled request", description = "Queues it again with its stored "
            + "backup, as a new attempt: whatever earlier attempts still announce is ignored.")
    public RequestView retry(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.AUTHORIZATION) String auth) {
        access.requireOperator(bearer(auth));
        return RequestView.of(operations.retry(id));
    }

    public record AbortBody(String reason) {
    }

    @POST
    @Path("requests/{id}/abort")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Abort a request that has not ended", description = "Whatever its state: it ends cancelled, "
            + "its run stops within seconds, no success mail goes out and what the run stored is deleted. The "
            + "reason is kept with the request.")
    public RequestView abort(@PathParam("id") UUID id, AbortBody body,
            @HeaderParam(HttpHeaders.AUTHORIZATION) String auth) {
        access.requireOperator(bearer(auth));
        return RequestView.of(operations.abort(id, body == null ? null : body.reason()));
    }

    @GET
    @Path("dead-letters")
    @Operation(summary = "Events a consumer gave up on", description = "Newest first, with their request and the "
            + "consumer's reason; 'all=true' includes those already replayed.")
    public List<DeadLetterView> deadLetters(@QueryParam("all") boolean all,
            @HeaderParam(HttpHeaders.AUTHORIZATION) String auth) {
        access.requireOperator(bearer(auth));
        return deadLetters.latest(all, 200).stream().map(DeadLetterView::of).toList();
    }

    @POST
    @Path("dead-letters/{id}/replay")
    @Operation(summary = "Replay a dead letter", description = "Puts the event back on its topic with its own id: "
            + "consumers that had applied it skip it.")
    public DeadLetterView replay(@PathParam("id") long id, @HeaderParam(HttpHeaders.AUTHORIZATION) String auth) {
        access.requireOperator(bearer(auth));
        return DeadLetterView.of(deadLetters.replay(id));
    }
}
