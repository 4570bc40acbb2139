package io.loadbench.loader.cli;

import io.loadbench.loader.encode.CopyEncoder;
import picocli.CommandLine.Option;

import java.nio.file.Path;

/**
 * Options every dataset command accepts (picocli mixin). Raw values only: {@link LoaderConfig} validates
 * them. Defaults live in {@link Defaults}.
 */
public final class SharedOptions {

    @Option(names = "--pg-url", paramLabel = "URL",
            description = "PostgreSQL JDBC URL, e.g. jdbc:postgresql://host:5432/db?user=me&password=secret "
                    + "(default: $LOADBENCH_PG_URL, else the embedded server).")
    String pgUrl;

    @Option(names = "--redis-url", paramLabel = "URL",
            description = "Redis URL, e.g. redis://:secret@host:6379/0 (default: $LOADBENCH_REDIS_URL, else the embedded server).")
    String redisUrl;

    @Option(names = "--target", paramLabel = "KIND",
            description = "embedded, external or containers (default: external when a URL is given, else embedded).")
    String target;

    @Option(names = "--seed", paramLabel = "N", description = "Root seed of every random choice (default: ${DEFAULT-VALUE}).")
    long seed = Defaults.SEED;

    @Option(names = "--rows", paramLabel = "N",
            description = "Rows to generate: 1000000, 1_000_000, 250K, 1M, 20M, 100M (default: the dataset's, see 'datasets').")
    String rows;

    @Option(names = "--batch-size", paramLabel = "N",
            description = "Rows per COPY batch, one transaction each (default: ${DEFAULT-VALUE}).")
    int batchSize = Defaults.BATCH_SIZE;

    @Option(names = "--workers", paramLabel = "N",
            description = "Parallel COPY workers, one connection each (default: ${DEFAULT-VALUE}).")
    int workers = Defaults.WORKERS;

    @Option(names = "--format", paramLabel = "FORMAT",
            description = "COPY format: binary or text (default: ${DEFAULT-VALUE}).")
    String format = Defaults.FORMAT.name().toLowerCase(java.util.Locale.ROOT);

    @Option(names = "--label", paramLabel = "NAME",
            description = "Machine label in the run folder name (default: the host name).")
    String label;

    @Option(names = "--results", paramLabel = "DIR",
            description = "Directory of run folders (default: ${DEFAULT-VALUE}).")
    Path results = Path.of(Defaults.RESULTS_DIR);

    @Option(names = "--resume",
            description = "Continue an interrupted load of the same plan (same seed, rows, batch size and dataset options), "
                    + "skipping committed batches (default: off; without it a load refuses a target that already holds the tables).")
    boolean resume;

    @Option(names = "--verbose", description = "Print stack traces with errors (default: off).")
    boolean verbose;

    /** Defaults of the shared options, in one place. */
    public static final class Defaults {
        public static final long SEED = 42L;
        public static final int BATCH_SIZE = 50_000;
        /** Fixed rather than "number of cores" so the same command is the same experiment on every machine. */
        public static final int WORKERS = 2;
        public static final CopyEncoder.Format FORMAT = CopyEncoder.Format.BINARY;
        public static final String RESULTS_DIR = "results";
        public static final int MAX_BATCH_SIZE = 10_000_000;
        public static final int MAX_WORKERS = 256;

        private Defaults() {
        }
    }
}
