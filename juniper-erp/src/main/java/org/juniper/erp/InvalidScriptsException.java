package org.juniper.erp;

import java.util.List;
import java.util.stream.Collectors;
import org.juniper.upgrade.events.FailureReason;

/** A request's scripts cannot be used as they are; {@link #problems()} says each thing wrong, path by path. */
public final class InvalidScriptsException extends Exception {
    private final transient List<CustomScripts.Problem> problems;

    InvalidScriptsException(List<CustomScripts.Problem> problems) {
        super(problems.stream().map(CustomScripts.Problem::message).collect(Collectors.joining("; ")));
        this.problems = List.copyOf(problems);
    }

    /** At least one. */
    public List<CustomScripts.Problem> problems() {
        return problems;
    }

    /** The reason of the first problem, e.g. {@code SCRIPTS:INVALID}. */
    public FailureReason reason() {
        return problems.get(0).reason();
    }
}
