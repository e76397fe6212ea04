package org.juniper.upgrade.intake.http;

import jakarta.ws.rs.container.ContainerRequestContext;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;
import org.juniper.upgrade.bindings.tracing.RequestTracing;

/**
 * A call about one request (a route under {@code requests/{id}}) names it on its span and in every log line it writes,
 * until its answer leaves: operations find the call from the request id, and its trace from there.
 */
class RequestLogFields {
    private static final String FIELDS = RequestLogFields.class.getName();

    private final RequestTracing tracing;

    RequestLogFields(RequestTracing tracing) {
        this.tracing = tracing;
    }

    @ServerRequestFilter
    void name(ContainerRequestContext call) {
        String id = call.getUriInfo().getPathParameters().getFirst("id");
        if (id != null && call.getUriInfo().getPath().contains("/requests/")) {
            call.setProperty(FIELDS, tracing.tagRequest(id));
        }
    }

    @ServerResponseFilter
    void forget(ContainerRequestContext call) {
        if (call.getProperty(FIELDS) instanceof RequestTracing.LogFields fields) {
            fields.close();
        }
    }
}
