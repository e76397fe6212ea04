package org.juniper.upgrade.cli;

import java.util.List;

/** The platform answered with a refusal: every reason it gave, with its stable code. */
final class PlatformRefusal extends CliFailure {
    record Reason(String reason, String message, String expected) {
    }

    private final int status;
    private final List<Reason> reasons;

    PlatformRefusal(int status, List<Reason> reasons, String message) {
        super(Exit.REFUSED, message);
        this.status = status;
        this.reasons = reasons;
    }

    int status() {
        return status;
    }

    boolean has(String reason) {
        return reasons.stream().anyMatch(r -> reason.equals(r.reason()));
    }
}
