package org.juniper.upgrade.cli;

import java.io.Console;
import java.io.PrintWriter;
import java.util.Locale;

/**
 * Where the CLI talks to the administrator: messages and results on standard output, progress and errors on standard
 * error, questions only when a person is at the terminal.
 */
public final class Ui {
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
        out.println(message);
        out.flush();
    }

    /** Text as it came, e.g. the platform's log. */
    public void print(String text) {
        out.print(text);
        out.flush();
    }

    public void warn(String message) {
        err.println("warning: " + message);
        err.flush();
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
}
