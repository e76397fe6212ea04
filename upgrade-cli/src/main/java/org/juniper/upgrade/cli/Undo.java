package org.juniper.upgrade.cli;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * What to take back if a restore does not finish: each step that changed something registers how to reverse it.
 * Unless {@link #commit()} is reached, closing reverses the steps, newest first, and so does a shutdown of the JVM
 * (Ctrl-C, kill): the administrator is never left with half a restore or a production database under another name.
 */
final class Undo implements AutoCloseable {
    interface Step {
        void reverse() throws Exception;
    }

    private record Entry(String what, Step step) {
    }

    private final Ui ui;
    private final Deque<Entry> steps = new ArrayDeque<>();
    private final Thread onShutdown = new Thread(this::reverseAll, "undo-on-shutdown");
    private boolean settled;

    Undo(Ui ui) {
        this.ui = ui;
        Runtime.getRuntime().addShutdownHook(onShutdown);
    }

    /** Registers how to reverse a step that has just succeeded; {@code what} names the reversal for people. */
    synchronized void push(String what, Step step) {
        steps.push(new Entry(what, step));
    }

    /** Everything succeeded: nothing is reversed. */
    synchronized void commit() {
        steps.clear();
        settled = true;
    }

    @Override
    public void close() {
        reverseAll();
        try {
            Runtime.getRuntime().removeShutdownHook(onShutdown);
        } catch (IllegalStateException e) {
            // the JVM is shutting down and runs the hook itself
        }
    }

    private synchronized void reverseAll() {
        if (settled) {
            return;
        }
        settled = true;
        while (!steps.isEmpty()) {
            Entry entry = steps.pop();
            try {
                entry.step().reverse();
                ui.say("Reverted: " + entry.what());
            } catch (Exception e) {
                ui.warn("could not " + entry.what() + " (" + e.getMessage() + "): please do it by hand");
            }
        }
    }
}
