package org.juniper.upgrade.intake.request.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;

/**
 * Links that open a request's result in a browser without its secret.
 *
 * @param download the archive; only once the request is done
 * @param report the HTML report
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record LinksView(String download, String report, Instant expiresAt) {
}
