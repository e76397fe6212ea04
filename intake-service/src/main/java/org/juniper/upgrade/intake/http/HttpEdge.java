package org.juniper.upgrade.intake.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;
import org.jboss.logging.Logger;
import org.juniper.upgrade.intake.refusal.Failure;
import org.juniper.upgrade.intake.refusal.RefusalMappers;
import org.juniper.upgrade.intake.refusal.RefusalView;

/**
 * What every HTTP exchange carries, the framework's own routes included: every answer says nosniff and the API's
 * are never cached, and what the router refuses (a path nothing answers, a Host it cannot read) gets the refusal
 * body too. Requests the HTTP codec cannot parse (a request line or header it rejects, one longer than it reads) are
 * answered by Vert.x before any route, with a status line only: Quarkus does not expose the server's
 * invalid-request handler.
 */
@ApplicationScoped
public class HttpEdge {
    private static final Logger LOG = Logger.getLogger(HttpEdge.class);
    /** Before the API's routes, after the framework's own filters. */
    private static final int PRIORITY = 10;

    private final ObjectMapper json;

    HttpEdge(ObjectMapper json) {
        this.json = json;
    }

    void headers(@Observes Filters filters) {
        filters.register(ctx -> {
            String path = ctx.request().path();
            ctx.addHeadersEndHandler(ignored -> {
                ctx.response().headers().set("X-Content-Type-Options", "nosniff");
                if (path != null && (path.startsWith("/api/") || path.startsWith("/ops/"))) {
                    ctx.response().headers().set(HttpHeaders.CACHE_CONTROL, "no-store");
                }
            });
            // an HTTP/1.0 request may leave Host out, but the routes need the absolute URI it makes
            if (ctx.request().authority() == null) {
                refuse(ctx, 400, hostRefusal(ctx.request()));
                return;
            }
            ctx.next();
        }, PRIORITY);
    }

    void fallback(@Observes Router router) {
        // ahead of the framework's own failure handler, which answers without the refusal body
        router.route().order(Integer.MIN_VALUE).failureHandler(this::failed);
        router.route().order(Integer.MAX_VALUE).handler(ctx -> refuse(ctx, 404, framework(ctx, 404)));
    }

    private void failed(RoutingContext ctx) {
        if (ctx.response().headWritten() || ctx.response().closed()) {
            ctx.next();
            return;
        }
        int status = ctx.statusCode();
        if (status >= 400 && status < 500) {
            refuse(ctx, status, framework(ctx, status));
            return;
        }
        LOG.error("unexpected failure", ctx.failure());
        refuse(ctx, status < 500 ? 500 : status, RefusalMappers.PLATFORM_ERROR);
    }

    private static Failure framework(RoutingContext ctx, int status) {
        HttpServerRequest request = ctx.request();
        if (status == 400 && request.authority() == null) {
            return hostRefusal(request);
        }
        return RefusalMappers.frameworkFailure(status, request.method().name(), request.path(),
                ctx.response().headers().get(HttpHeaders.ALLOW), request.getHeader(HttpHeaders.CONTENT_TYPE));
    }

    private static Failure hostRefusal(HttpServerRequest request) {
        String host = request.getHeader(HttpHeaders.HOST);
        return new Failure("REQUEST:HOST_INVALID", host == null ? "the request has no Host header"
                : "the Host header '" + Failure.shown(host) + "' is not a host with an optional port",
                "a Host header naming this server, e.g. Host: upgrade.example.com");
    }

    private void refuse(RoutingContext ctx, int status, Failure failure) {
        String body;
        try {
            body = json.writeValueAsString(new RefusalView(List.of(failure)));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a refusal that cannot be written as JSON", e);
        }
        // set here too: a refusal before the filters ran has not had them
        ctx.response().setStatusCode(status).putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
                .putHeader("X-Content-Type-Options", "nosniff").putHeader(HttpHeaders.CACHE_CONTROL, "no-store")
                .end(body);
    }
}
