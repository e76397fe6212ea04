package org.juniper.upgrade.intake.rest;

import java.util.UUID;
import org.juniper.upgrade.intake.domain.RequestState;

/** The answer to a new request: the only time the secret is shown. */
public record CreatedView(UUID id, String secret, RequestState state, String uploadPath, String startPath,
        String statusPath) {
}
