package org.juniper.upgrade.intake.refusal;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.CharConversionException;
import java.util.List;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.juniper.upgrade.bindings.objectstore.ObjectStoreException;

/** Every answer that is not a success carries the refusal body, the framework's own answers included. */
public class RefusalMappers {
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
        String allow = original.getHeaderString(HttpHeaders.ALLOW);
        Response.ResponseBuilder answer = refusal(status, List.of(frameworkFailure(status, request.method().name(),
                request.path(), allow, request.getHeader(HttpHeaders.CONTENT_TYPE))));
        if (allow != null) {
            answer.header(HttpHeaders.ALLOW, allow);
        }
        return answer.build();
    }

    /** A body that is not JSON, or not of the shape the route takes. */
    @ServerExceptionMapper(value = {JsonProcessingException.class, JsonParseException.class,
            MismatchedInputException.class}, priority = Priorities.USER - 100)
    Response malformedJson(JsonProcessingException e) {
        return malformedBody(e.getOriginalMessage());
    }

    /** Bytes that are no text in the encoding the body's first bytes announce (UTF-16 or UTF-32, say). */
    @ServerExceptionMapper
    Response undecodableJson(CharConversionException e) {
        return malformedBody(e.getMessage());
    }

    private static Response malformedBody(String detail) {
        String shown = detail == null ? "" : detail;
        return refusal(400, List.of(new Failure("REQUEST:MALFORMED", "the body is not the JSON this route takes: "
                + (shown.length() > 200 ? shown.substring(0, 200) + "..." : shown), OPENAPI))).build();
    }

    @ServerExceptionMapper
    Response unexpected(Throwable e) {
        LOG.error("unexpected failure", e);
        return refusal(500, List.of(PLATFORM_ERROR)).build();
    }

    public static final Failure PLATFORM_ERROR = new Failure("PLATFORM:ERROR", "the platform failed to answer; nothing "
            + "already accepted was lost", "retry later; the upgrade team has the details in the log");

    /**
     * The framework's refusal of a call by its status, whether the REST layer or the HTTP router gives it.
     *
     * @param allow the methods the path takes, for a 405
     */
    public static Failure frameworkFailure(int status, String method, String path, String allow, String contentType) {
        String call = method + " " + Failure.shown(path);
        return switch (status) {
            case 404 -> new Failure("ROUTE:NOT_FOUND", "nothing answers " + call, OPENAPI
                    + "; request ids are UUIDs");
            case 405 -> new Failure("METHOD:NOT_ALLOWED", call + " is not a route", "one of " + allow
                    + " on this path");
            case 406 -> new Failure("ACCEPT:UNSUPPORTED", call + " cannot answer in the type asked for", OPENAPI);
            case 413 -> new Failure("REQUEST:TOO_LARGE", call + " carries a larger body than this route takes",
                    OPENAPI);
            case 415 -> new Failure("CONTENT_TYPE:UNSUPPORTED", call + " does not take a body of type '"
                    + Failure.shown(String.valueOf(contentType)) + "'",
                    "application/json for JSON bodies, application/zip or application/octet-stream for uploads");
            default -> new Failure("REQUEST:MALFORMED", call + " is not a well-formed request: its path, query or "
                    + "headers cannot be read", OPENAPI + ", with percent-escapes of two hex digits and a valid "
                    + "Host header");
        };
    }

    public static Response.ResponseBuilder refusal(int status, List<Failure> failures) {
        return Response.status(status).type(MediaType.APPLICATION_JSON).entity(new RefusalView(failures));
    }
}
