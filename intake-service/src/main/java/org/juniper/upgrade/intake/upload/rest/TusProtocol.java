package org.juniper.upgrade.intake.upload.rest;

import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.regex.Pattern;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;
import org.juniper.upgrade.intake.refusal.Failure;
import org.juniper.upgrade.intake.refusal.RefusalMappers;

/**
 * The backup upload speaks tus 1.0 (https://tus.io/protocols/resumable-upload) to a client that says
 * {@code Tus-Resumable: 1.0.0}: the version is checked before any route, and every answer to such a client, refusals
 * included, says the version back. Creation and termination are tus only, so they require the header; a client
 * without it gets the upload as before (the whole backup by PUT, or pieces whose last one answers with the request).
 * A POST with {@code X-HTTP-Method-Override: PATCH} (or {@code DELETE}) is taken as that method, as tus asks.
 */
class TusProtocol {
    static final String RESUMABLE = "Tus-Resumable";
    static final String VERSION = "1.0.0";
    static final String OFFSET_STREAM = "application/offset+octet-stream";
    private static final String METHOD_OVERRIDE = "X-HTTP-Method-Override";
    private static final Pattern BACKUP = Pattern.compile("/api/v1/requests/[^/]+/backup");

    /** Whether a Content-Type is a tus piece's, whatever parameters it carries. */
    static boolean offsetStream(String contentType) {
        return contentType != null && contentType.split(";", 2)[0].trim().equalsIgnoreCase(OFFSET_STREAM);
    }

    /** Before the body limits, which judge a piece by the method it overrides to. */
    @ServerRequestFilter(preMatching = true, priority = Priorities.AUTHENTICATION)
    Response requireVersion(ContainerRequestContext request) {
        if (!BACKUP.matcher(request.getUriInfo().getRequestUri().getRawPath()).matches()) {
            return null;
        }
        String override = request.getHeaderString(METHOD_OVERRIDE);
        // tus clients on HTTP stacks without PATCH (Java's HttpURLConnection) send POST with this header
        if ("POST".equals(request.getMethod()) && ("PATCH".equals(override) || "DELETE".equals(override))) {
            request.setMethod(override);
        }
        String method = request.getMethod();
        if ("OPTIONS".equals(method)) {
            return null;
        }
        String resumable = request.getHeaderString(RESUMABLE);
        boolean tusOnly = "POST".equals(method) || "DELETE".equals(method);
        if (VERSION.equals(resumable) || (resumable == null && !tusOnly)) {
            return null;
        }
        return RefusalMappers.refusal(412, List.of(new Failure("UPLOAD:TUS_VERSION", resumable == null
                ? method + " of the backup is the tus protocol's and needs Tus-Resumable"
                : "tus " + Failure.shown(resumable) + " is not spoken here", "Tus-Resumable: " + VERSION)))
                .header("Tus-Version", VERSION).build();
    }

    @ServerResponseFilter
    void sayVersion(ContainerRequestContext request, ContainerResponseContext response) {
        if (request.getHeaderString(RESUMABLE) != null && !"OPTIONS".equals(request.getMethod())
                && BACKUP.matcher(request.getUriInfo().getRequestUri().getRawPath()).matches()) {
            response.getHeaders().putSingle(RESUMABLE, VERSION);
        }
    }
}
