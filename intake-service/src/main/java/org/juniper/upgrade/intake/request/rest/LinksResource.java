package org.juniper.upgrade.intake.request.rest;

import io.smallrye.common.annotation.Blocking;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirements;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.juniper.upgrade.intake.request.repository.UpgradeRequest;
import org.juniper.upgrade.intake.request.service.RequestResults;

/**
 * What a mail's link or the page opens in a plain browser: the link itself is the capability, for one attempt's
 * archive and report, so no header and no long-lived secret is needed. An expired, revoked or forged link answers as
 * a request that does not exist.
 */
@Path("/links/{link}")
@Tag(name = "links", description = "Download links for browsers")
@SecurityRequirements
@Blocking
public class LinksResource {
    private final RequestResults results;
    private final ArtifactResponses artifacts;

    LinksResource(RequestResults results, ArtifactResponses artifacts) {
        this.results = results;
        this.artifacts = artifacts;
    }

    @GET
    @Produces({"application/zip", MediaType.APPLICATION_JSON})
    @Operation(summary = "Download the archive a link opens", description = "With 'Range: bytes=<from>-' to resume.")
    public Response download(@PathParam("link") String link, @HeaderParam("Range") String range) {
        UpgradeRequest request = results.opened(link);
        return artifacts.attachment(results.archive(request), "application/zip",
                RequestResource.archiveName(request), range);
    }

    @GET
    @Path("report")
    @Produces({MediaType.TEXT_HTML, MediaType.APPLICATION_JSON})
    @Operation(summary = "Open the report a link opens", description = "The HTML upgrade report of the attempt.")
    public Response report(@PathParam("link") String link) {
        return artifacts.inline(results.report(results.opened(link), false), MediaType.TEXT_HTML + ";charset=utf-8");
    }
}
