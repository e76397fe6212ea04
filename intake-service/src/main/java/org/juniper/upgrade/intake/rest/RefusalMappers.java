package org.juniper.upgrade.intake.rest;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.juniper.upgrade.bindings.objectstore.ObjectStoreException;
import org.juniper.upgrade.intake.service.Failure;
import org.juniper.upgrade.intake.service.RequestRefusedException;

/** Every answer that is not a success carries the refusal body, the framework's own answers included. */
class RefusalMappers {
    private static final Logger LOG = Logger.getLogger(RefusalMappers.class);
    private static final String OPENAPI = "a request as the OpenAPI document at /q/openapi describes it";

    @ServerExceptionMapper
    Response refused(RequestRefusedException e) {
        Response.ResponseBuilder answer = refusal(e.status(), e.failures());
        if (e.status() == 401) {
            answer.header(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
        }
        if (e.retryAfter() != null) {
            answer.header(HttpHeaders.RETRY_AFTER, Math.max(1, e.retryAfter().toSeconds()));
        }
        return answer.build();
    }

    @ServerExceptionMapper
    Response objectStoreDown(ObjectStoreException e) {
        LOG.warn("object store failure", e);
        return refusal(503, List.of(new Failure("STORAGE:UNAVAILABLE", "the backup store is not reachable right "
                + "now; nothing was lost", "retry in a minute"))).header(HttpHeaders.RETRY_AFTER, 60).build();
    }

    /** The framework's refusals: no route, wrong method, content type or parameter. */
    @ServerExceptionMapper
    Response framework(WebApplicationException e, HttpServerRequest request) {
        Response original = e.getResponse();
        int status = original.getStatus();
        Response.ResponseBuilder answer = refusal(status, List.of(frameworkFailure(status, original, request)));
        String allow = original.getHeaderString(HttpHeaders.ALLOW);
        if (allow != null) {
            answer.header(HttpHeaders.ALLOW, allow);
        }
        return answer.build();
    }

    /** A body that is not JSON, or not of the shape the route takes. */
    @ServerExceptionMapper(value = {JsonProcessingException.class, JsonParseException.class,
            MismatchedInputException.class}, priority = Priorities.USER - 100)
    Response malformedJson(JsonProcessingException e) {
        String detail = e.getOriginalMessage() == null ? "" : e.getOriginalMessage();
        return refusal(400, List.of(new Failure("REQUEST:MALFORMED", "the body is not the JSON this route takes: "
                + (detail.length() > 200 ? detail.substring(0, 200) + "..." : detail), OPENAPI))).build();
    }

    @ServerExceptionMapper
    Response unexpected(Throwable e) {
        LOG.error("unexpected failure", e);
        return refusal(500, List.of(new Failure("PLATFORM:ERROR", "the platform failed to answer; nothing "
                + "already accepted was lost", "retry later; the upgrade team has the details in the log"))).build();
    }

    private static Failure frameworkFailure(int status, Response original, HttpServerRequest request) {
        String call = request.method() + " " + Failure.shown(request.path());
        return switch (status) {
            case 404 -> new Failure("ROUTE:NOT_FOUND", "nothing answers " + call, OPENAPI
                    + "; request ids are UUIDs");
            case 405 -> new Failure("METHOD:NOT_ALLOWED", call + " is not a route", "one of "
                    + original.getHeaderString(HttpHeaders.ALLOW) + " on this path");
            case 406 -> new Failure("ACCEPT:UNSUPPORTED", call + " cannot answer in the type asked for", OPENAPI);
            case 415 -> new Failure("CONTENT_TYPE:UNSUPPORTED", call + " does not take a body of type '"
                    + Failure.shown(String.valueOf(request.getHeader(HttpHeaders.CONTENT_TYPE))) + "'",
                    "application/json for JSON bodies, application/zip or application/octet-stream for uploads");
            default -> new Failure("REQUEST:MALFORMED", call + " is not a request this route takes", OPENAPI);
        };
    }

    static Response.ResponseBuilder refusal(int status, List<Failure> failures) {
        return Response.status(status).type(MediaType.APPLICATION_JSON).entity(new RefusalView(failures));
    }
}
