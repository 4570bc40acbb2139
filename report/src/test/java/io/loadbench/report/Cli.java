package io.loadbench.report;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

/** Runs the command line in-process and captures what it prints. */
record Cli(int exitCode, String out, String err) {

    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-22T07:00:00Z"), ZoneOffset.UTC);

    static Cli run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true), CLOCK);
        return new Cli(exit, out.toString(), err.toString());
    }
}
