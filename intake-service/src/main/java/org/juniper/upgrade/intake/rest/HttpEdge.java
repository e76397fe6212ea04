package org.juniper.upgrade.intake.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;
import org.juniper.upgrade.intake.service.Failure;

/**
 * What every HTTP exchange carries, the framework's own routes included: every answer says nosniff and the API's
 * are never cached, and a path nothing answers gets the refusal body too.
 */
@ApplicationScoped
public class HttpEdge {
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
                if (path.startsWith("/api/") || path.startsWith("/ops/")) {
                    ctx.response().headers().set(HttpHeaders.CACHE_CONTROL, "no-store");
                }
            });
            ctx.next();
        }, PRIORITY);
    }

    void fallback(@Observes Router router) {
        router.route().order(Integer.MAX_VALUE).handler(this::notFound);
    }

    private void notFound(RoutingContext ctx) {
        String body;
        try {
            body = json.writeValueAsString(new RefusalView(List.of(new Failure("ROUTE:NOT_FOUND", "nothing answers "
                    + ctx.request().method() + " " + Failure.shown(ctx.request().path()),
                    "a request as the OpenAPI document at /q/openapi describes it"))));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a refusal that cannot be written as JSON", e);
        }
        ctx.response().setStatusCode(404).putHeader(HttpHeaders.CONTENT_TYPE, "application/json").end(body);
    }
}
