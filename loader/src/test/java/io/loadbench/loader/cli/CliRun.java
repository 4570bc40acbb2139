package io.loadbench.loader.cli;

import io.loadbench.loader.spi.DatasetRegistry;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Map;

/** One in-process run of the real {@link LoaderCli} with stdout and stderr captured. */
record CliRun(int exitCode, String out, String err) {

    static CliRun of(Map<String, String> env, String label, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = new LoaderCli(DatasetRegistry.builtIn(), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), env, Clock.systemUTC(), false, () -> label)
                .run(args);
        return new CliRun(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    List<String> errLines() {
        return err.lines().toList();
    }
}
