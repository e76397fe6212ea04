package org.juniper.upgrade.intake.request.rest;

import java.util.UUID;
import org.juniper.upgrade.intake.request.repository.RequestState;

/** The answer to a new request: the only time the secret is shown. */
public record CreatedView(UUID id, String secret, RequestState state, String uploadPath, String startPath,
        String statusPath) {
}
