package org.juniper.upgrade.intake.refusal;

import java.time.Duration;
import java.util.List;

/** The request cannot be done as asked; nothing already accepted was lost. */
public class RequestRefusedException extends RuntimeException {
    private final int status;
    private final List<Failure> failures;
    private final Duration retryAfter;

    public RequestRefusedException(int status, List<Failure> failures) {
        this(status, failures, null);
    }

    public RequestRefusedException(int status, Failure failure) {
        this(status, List.of(failure), null);
    }

    /** A refusal that passes: the same request is taken after {@code retryAfter}. */
    public RequestRefusedException(int status, Failure failure, Duration retryAfter) {
        this(status, List.of(failure), retryAfter);
    }

    private RequestRefusedException(int status, List<Failure> failures, Duration retryAfter) {
        super(failures.get(0).message());
        this.status = status;
        this.failures = List.copyOf(failures);
        this.retryAfter = retryAfter;
    }

    /** The one answer for "no such request" and "not yours", so that ids cannot be probed. */
    public static RequestRefusedException notFound() {
        return new RequestRefusedException(404, new Failure("REQUEST:NOT_FOUND",
                "no such request, or the secret does not match it",
                "the id and secret returned when the request was created"));
    }

    public int status() {
        return status;
    }

    public List<Failure> failures() {
        return failures;
    }

    /** When to try again, or null when the same request will never be taken. */
    public Duration retryAfter() {
        return retryAfter;
    }
}
