package org.juniper.upgrade.intake.campaign.rest;

import static org.juniper.upgrade.intake.http.Authorization.bearer;

import io.smallrye.common.annotation.Blocking;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.juniper.upgrade.intake.access.service.Access;
import org.juniper.upgrade.intake.campaign.service.Campaigns;
import org.juniper.upgrade.intake.campaign.service.NewCampaign;

/** Rolling-release campaigns, part of the operations API and behind its token. */
@Path("/ops/v1/campaigns")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "operations", description = "For the platform's operators")
@Blocking
public class CampaignResource {
    private final Access access;
    private final Campaigns campaigns;

    CampaignResource(Access access, Campaigns campaigns) {
        this.access = access;
        this.campaigns = campaigns;
    }

    /** The answer to a new campaign: the only time the requests' secrets are shown. */
    public record StartedView(UUID id, String targetVersion, Instant createdAt, String progressPath,
            List<Campaigns.Started.Member> databases) {
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Start a rolling-release campaign", description = "Each database's latest backup, already "
            + "in the object store, gets an automatic test upgrade at low priority; its requester is invited to "
            + "upgrade when it passes, and the database is flagged when it fails. Returns each request's secret, "
            + "shown only this once, for the hosting platform to give its customer.")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "campaign", value = """
            {"targetVersion": "17.0", "databases": [{"contract": "M2026-0042", "email": "it@acme.example",
             "database": "acme", "backupKey": "hosting/acme/latest.zip"}]}""")))
    public Response start(NewCampaign body, @HeaderParam(HttpHeaders.AUTHORIZATION) String auth) {
        access.requireOperator(bearer(auth));
        Campaigns.Started started = campaigns.start(body);
        String path = "/ops/v1/campaigns/" + started.campaign().id;
        return Response.created(URI.create(path)).entity(new StartedView(started.campaign().id,
                started.campaign().targetVersion, started.campaign().createdAt, path, started.databases())).build();
    }

    @GET
    @Path("{id}")
    @Operation(summary = "A campaign's progress", description = "Databases per state (pending, running, invited, "
            + "flagged, cancelled) and each database with its request and, when flagged, why.")
    public Campaigns.Progress progress(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.AUTHORIZATION) String auth) {
        access.requireOperator(bearer(auth));
        return campaigns.progress(id);
    }

    @GET
    @Operation(summary = "Campaigns, newest first, with their counts")
    public List<Campaigns.Summary> list(@HeaderParam(HttpHeaders.AUTHORIZATION) String auth) {
        access.requireOperator(bearer(auth));
        return campaigns.list();
    }
}
