package org.juniper.upgrade.client;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;

/** Intake refused (4xx): every reason it gave, with its stable code. */
public final class IntakeRefusal extends IntakeException {
    /** One of intake's {@code {reason, message, expected}}. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Reason(String reason, String message, String expected) {
    }

    private final int status;
    private final List<Reason> reasons;

    public IntakeRefusal(int status, List<Reason> reasons, String message) {
        super(message);
        this.status = status;
        this.reasons = List.copyOf(reasons);
    }

    public int status() {
        return status;
    }

    public List<Reason> reasons() {
        return reasons;
    }

    public boolean has(String reason) {
        return reasons.stream().anyMatch(r -> reason.equals(r.reason()));
    }
}
