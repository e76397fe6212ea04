package org.juniper.upgrade.intake.page;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.common.annotation.Blocking;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.juniper.upgrade.intake.request.service.TargetCatalog;

/**
 * The upgrade page for a person: a form to request an upgrade and a page to follow one. Both are shells the page's
 * script fills through the requester API: the server never sees the requester's secret here, which the browser
 * keeps and sends as a header. Pages for people, so not in the OpenAPI document.
 */
@Path("/")
@Produces(MediaType.TEXT_HTML)
@Blocking
public class PageResource {

    @CheckedTemplate(basePath = "page")
    static class Templates {
        static native TemplateInstance request(List<String> targets);

        static native TemplateInstance follow(UUID id);
    }

    private final TargetCatalog targets;

    PageResource(TargetCatalog targets) {
        this.targets = targets;
    }

    @GET
    @Operation(hidden = true)
    public Response request() {
        return html(Templates.request(targets.openTargets()));
    }

    @GET
    @Operation(hidden = true)
    @Path("requests/{id}")
    public Response follow(@PathParam("id") UUID id) {
        return html(Templates.follow(id));
    }

    /** The page's own files only: a script injected into it could read the keys the browser keeps. */
    private static Response html(TemplateInstance page) {
        return Response.ok(page.render()).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .header("Content-Security-Policy", "default-src 'self'; frame-ancestors 'none'; form-action 'self'")
                .build();
    }
}
