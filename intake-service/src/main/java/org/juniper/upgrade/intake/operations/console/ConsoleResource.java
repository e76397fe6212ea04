package org.juniper.upgrade.intake.operations.console;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.common.annotation.Blocking;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.juniper.upgrade.intake.access.service.Access;
import org.juniper.upgrade.intake.lane.service.TestLanePause;
import org.juniper.upgrade.intake.operations.service.DeadLetters;
import org.juniper.upgrade.intake.operations.service.Operations;
import org.juniper.upgrade.intake.refusal.Failure;
import org.juniper.upgrade.intake.refusal.RequestRefusedException;
import org.juniper.upgrade.intake.request.service.TargetCatalog;

/**
 * The operations console: one page for release season, behind the ops token given once in a sign-in form. Its
 * actions are forms that go through the same services as the operations API. Pages for people, so not in the
 * OpenAPI document.
 */
@Path("/ops/console")
@Produces(MediaType.TEXT_HTML)
@Blocking
public class ConsoleResource {
    static final String HOME = "/ops/console";
    static final String SIGN_IN = HOME + "/sign-in";
    /** What an action did, by the code its redirect carries: the page never repeats text from a URL. */
    private static final Map<String, String> NOTICES = Map.of(
            "retried", "The request is queued again as a new attempt.",
            "aborted", "The request is aborted: it ends cancelled and its run stops.",
            "opened", "The target version is open for new requests.",
            "closed", "The target version is closed to new requests; those accepted go on.",
            "replayed", "The dead letter is back on its topic.",
            "paused", "The test lane is paused: test requests started now are held, campaigns wait.",
            "resumed", "The test lane runs again: the requests it held are published.");

    @CheckedTemplate(basePath = "console")
    static class Templates {
        static native TemplateInstance page(ConsoleView view, String csrf, String notice, List<Failure> failures);

        static native TemplateInstance signIn(boolean refused);

        static native TemplateInstance refused();
    }

    private final ConsoleSessions sessions;
    private final ConsoleReadings readings;
    private final Access access;
    private final Operations operations;
    private final TargetCatalog targets;
    private final DeadLetters deadLetters;
    private final TestLanePause testLane;

    @Context
    UriInfo uri;

    ConsoleResource(ConsoleSessions sessions, ConsoleReadings readings, Access access, Operations operations,
            TargetCatalog targets, DeadLetters deadLetters, TestLanePause testLane) {
        this.testLane = testLane;
        this.sessions = sessions;
        this.readings = readings;
        this.access = access;
        this.operations = operations;
        this.targets = targets;
        this.deadLetters = deadLetters;
    }

    @GET
    @Operation(hidden = true)
    public Response page(@CookieParam(ConsoleSessions.COOKIE) String cookie, @QueryParam("done") String done) {
        return sessions.read(cookie, Instant.now())
                .map(session -> html(200, page(session, done == null ? null : NOTICES.get(done), List.of())))
                .orElseGet(() -> seeOther(SIGN_IN));
    }

    @GET
    @Operation(hidden = true)
    @Path("sign-in")
    public Response signInForm() {
        return html(200, Templates.signIn(false));
    }

    @POST
    @Operation(hidden = true)
    @Path("sign-in")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response signIn(@FormParam("token") String token) {
        try {
            access.requireOperator(token);
        } catch (RequestRefusedException e) {
            return html(401, Templates.signIn(true));
        }
        NewCookie cookie = cookie(sessions.open(Instant.now()), (int) sessions.maxAgeSeconds());
        return Response.seeOther(URI.create(HOME)).cookie(cookie).header("Cache-Control", "no-store").build();
    }

    @POST
    @Operation(hidden = true)
    @Path("sign-out")
    public Response signOut() {
        return Response.seeOther(URI.create(SIGN_IN)).cookie(cookie("", 0)).build();
    }

    @POST
    @Operation(hidden = true)
    @Path("requests/{id}/retry")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response retry(@PathParam("id") UUID id, @FormParam("csrf") String csrf,
            @CookieParam(ConsoleSessions.COOKIE) String cookie) {
        return act(cookie, csrf, () -> {
            operations.retry(id);
            return "retried";
        });
    }

    @POST
    @Operation(hidden = true)
    @Path("requests/{id}/abort")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response abort(@PathParam("id") UUID id, @FormParam("reason") String reason,
            @FormParam("csrf") String csrf, @CookieParam(ConsoleSessions.COOKIE) String cookie) {
        return act(cookie, csrf, () -> {
            operations.abort(id, reason);
            return "aborted";
        });
    }

    @POST
    @Operation(hidden = true)
    @Path("lanes/test/pause")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response pause(@FormParam("by") String by, @FormParam("csrf") String csrf,
            @CookieParam(ConsoleSessions.COOKIE) String cookie) {
        return act(cookie, csrf, () -> {
            testLane.pause(by);
            return "paused";
        });
    }

    @POST
    @Operation(hidden = true)
    @Path("lanes/test/resume")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response resume(@FormParam("csrf") String csrf, @CookieParam(ConsoleSessions.COOKIE) String cookie) {
        return act(cookie, csrf, () -> {
            testLane.resume();
            return "resumed";
        });
    }

    @POST
    @Operation(hidden = true)
    @Path("targets/{version}/open")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response open(@PathParam("version") String version, @FormParam("csrf") String csrf,
            @CookieParam(ConsoleSessions.COOKIE) String cookie) {
        return act(cookie, csrf, () -> {
            targets.open(version);
            return "opened";
        });
    }

    @POST
    @Operation(hidden = true)
    @Path("targets/{version}/close")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response close(@PathParam("version") String version, @FormParam("csrf") String csrf,
            @CookieParam(ConsoleSessions.COOKIE) String cookie) {
        return act(cookie, csrf, () -> {
            targets.close(version);
            return "closed";
        });
    }

    @POST
    @Operation(hidden = true)
    @Path("dead-letters/{id}/replay")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response replay(@PathParam("id") long id, @FormParam("csrf") String csrf,
            @CookieParam(ConsoleSessions.COOKIE) String cookie) {
        return act(cookie, csrf, () -> {
            deadLetters.replay(id);
            return "replayed";
        });
    }

    /**
     * Runs an action for a signed-in operator whose form carries the session's CSRF token, then shows the page again
     * (post, redirect, get); a refusal shows the page with what was wrong, under the service's status.
     */
    private Response act(String cookie, String csrf, Supplier<String> action) {
        ConsoleSessions.Session session = sessions.read(cookie, Instant.now()).orElse(null);
        if (session == null || !sessions.csrfMatches(session, csrf)) {
            return html(403, Templates.refused());
        }
        try {
            return seeOther(HOME + "?done=" + action.get());
        } catch (RequestRefusedException e) {
            return html(e.status(), page(session, null, e.failures()));
        }
    }

    private TemplateInstance page(ConsoleSessions.Session session, String notice, List<Failure> failures) {
        return Templates.page(readings.read(Instant.now()), sessions.csrf(session), notice, failures);
    }

    private NewCookie cookie(String value, int maxAge) {
        return new NewCookie.Builder(ConsoleSessions.COOKIE).value(value).path(HOME).maxAge(maxAge).httpOnly(true)
                .secure("https".equals(uri.getBaseUri().getScheme())).sameSite(NewCookie.SameSite.STRICT).build();
    }

    private static Response html(int status, TemplateInstance page) {
        return Response.status(status).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .header("Cache-Control", "no-store").entity(page.render()).build();
    }

    private static Response seeOther(String path) {
        return Response.seeOther(URI.create(path)).header("Cache-Control", "no-store").build();
    }
}
