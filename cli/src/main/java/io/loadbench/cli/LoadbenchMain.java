package io.loadbench.cli;

import java.time.Clock;

/** {@code java -jar loadbench.jar ...} (what {@code ./loadbench} runs): the process entry point and its single exit. */
public final class LoadbenchMain {

    private LoadbenchMain() {
    }

    public static void main(String[] args) {
        int code = new Loadbench(System.out, System.err, System.getenv(), Clock.systemUTC(), System.console() != null)
                .run(args);
        System.exit(code);
    }
}
