package org.juniper.upgrade.cli;

import java.io.Console;
import java.io.PrintWriter;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Optional;

/**
 * Where the CLI talks to the administrator: messages and results on standard output, progress and errors on standard
 * error, questions only when a person is at the terminal. Its own lines start with the local time, as a run takes
 * hours and its output is often kept.
 */
public final class Ui {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss ");

    private final PrintWriter out;
    private final PrintWriter err;
    private final Console console;

    public Ui(PrintWriter out, PrintWriter err, Console console) {
        this.out = out;
        this.err = err;
        this.console = console;
    }

    /** A line for the administrator. */
    public void say(String message) {
        out.println(stamp() + message);
        out.flush();
    }

    /** Text as it came, e.g. the platform's log. */
    public void print(String text) {
        out.print(text);
        out.flush();
    }

    public void warn(String message) {
        err.println(stamp() + "warning: " + message);
        err.flush();
    }

    /** The local time a line of this run starts with. */
    static String stamp() {
        return TIME.format(LocalDateTime.now());
    }

    PrintWriter out() {
        return out;
    }

    PrintWriter err() {
        return err;
    }

    /** True when a person is at the terminal: questions are asked and progress redraws one line. */
    public boolean interactive() {
        return console != null;
    }

    /** Asks a yes/no question; without a terminal the answer is {@code whenNobodyAsks}. */
    public boolean confirm(String question, boolean whenNobodyAsks) {
        if (console == null) {
            say(question + " [Y/n] " + (whenNobodyAsks ? "y" : "n") + " (not interactive)");
            return whenNobodyAsks;
        }
        String answer = console.readLine("%s [Y/n] ", question);
        return answer == null || answer.isBlank() || answer.trim().toLowerCase(Locale.ROOT).startsWith("y");
    }

    /** Asks for a line of text; empty without a terminal or when the person answers nothing. */
    public Optional<String> ask(String question) {
        if (console == null) {
            return Optional.empty();
        }
        String answer = console.readLine("%s ", question);
        return answer == null || answer.isBlank() ? Optional.empty() : Optional.of(answer.strip());
    }
}
