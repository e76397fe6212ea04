package org.juniper.upgrade.intake.http;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.regex.Pattern;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.juniper.upgrade.intake.config.IntakeConfig;
import org.juniper.upgrade.intake.refusal.Failure;
import org.juniper.upgrade.intake.refusal.RefusalMappers;

/**
 * A body is refused by its announced size before a byte of it is read: only the uploads take large bodies, the JSON
 * routes a few KiB, and a body of unannounced length none.
 */
class BodyLimits {
    /** The routes that take large bodies: the backup, whole or in pieces, and the scripts. */
    private static final Pattern UPLOAD = Pattern.compile("/api/v1/requests/[^/]+/(backup|scripts)");

    private final IntakeConfig config;

    BodyLimits(IntakeConfig config) {
        this.config = config;
    }

    @ServerRequestFilter(preMatching = true)
    Response refuseLargeBodies(ContainerRequestContext request) {
        String path = request.getUriInfo().getRequestUri().getRawPath();
        String method = request.getMethod();
        if (("PUT".equals(method) || "PATCH".equals(method)) && UPLOAD.matcher(path).matches()) {
            return null;
        }
        long cap = path.startsWith("/ops/") ? config.maxOpsJsonBytes() : config.maxJsonBytes();
        String length = request.getHeaderString(HttpHeaders.CONTENT_LENGTH);
        if (length == null && request.getHeaderString("Transfer-Encoding") != null) {
            return refusal(411, new Failure("REQUEST:LENGTH_REQUIRED", "a body without Content-Length is taken "
                    + "only by the uploads", "the body with its Content-Length, at most " + cap + " bytes"));
        }
        if (length != null && !within(length, cap)) {
            return refusal(413, new Failure("REQUEST:TOO_LARGE", "a body of " + Failure.shown(length)
                    + " bytes is more than this route takes", "a body of at most " + cap + " bytes"));
        }
        return null;
    }

    private static boolean within(String contentLength, long cap) {
        // digits only, and few enough of them for a long
        return !contentLength.isEmpty() && contentLength.length() <= 18
                && contentLength.chars().allMatch(Character::isDigit) && Long.parseLong(contentLength) <= cap;
    }

    private static Response refusal(int status, Failure failure) {
        return RefusalMappers.refusal(status, List.of(failure)).header("Connection", "close").build();
    }
}
