package io.loadbench.loader.cli;

import io.loadbench.loader.spi.DatasetRegistry;
import io.loadbench.results.Labels;

import java.time.Clock;

/** {@code java -jar loadbench-loader.jar ...}: the process entry point and its single exit. */
public final class LoaderMain {

    private LoaderMain() {
    }

    public static void main(String[] args) {
        int code = new LoaderCli(DatasetRegistry.builtIn(), System.out, System.err, System.getenv(), Clock.systemUTC(),
                System.console() != null, Labels::defaultLabel).run(args);
        System.exit(code);
    }
}
