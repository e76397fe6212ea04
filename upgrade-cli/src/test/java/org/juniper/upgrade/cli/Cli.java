package org.juniper.upgrade.cli;

import java.io.PrintWriter;
import java.io.StringWriter;

/** The CLI run in this JVM, as without a terminal, with what it printed. */
record Cli(int exitCode, String out, String err) {

    static Cli run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = UpgradeCli.execute(args, new PrintWriter(out, true), new PrintWriter(err, true), null);
        return new Cli(code, out.toString(), err.toString());
    }

    @Override
    public String toString() {
        return "exit " + exitCode + "\n--- out:\n" + out + "--- err:\n" + err;
    }
}
