package io.loadbench.loader.cli;

import picocli.CommandLine.Option;

/**
 * The shard contract's options of {@code load} and {@code plan} (picocli mixin); {@link LoaderConfig} resolves them
 * with the environment ({@code io.loadbench.results.shard.ShardContract}).
 */
public final class ShardOptions {

    @Option(names = "--shard", paramLabel = "I/N",
            description = "Load only shard I of N: the batches b with b mod N = I of every table (default: "
                    + "$JOB_COMPLETION_INDEX/$LB_SHARD_COUNT when both are set, else the whole load). Shards skip "
                    + "indexes and verification: run 'load ... --finish' once every shard is done.")
    String shard;

    @Option(names = "--run-id", paramLabel = "ID",
            description = "The run every shard of one load belongs to, recorded in each manifest (default: $LB_RUN_ID, "
                    + "else the load id, which every shard of the same command derives alike).")
    String runId;

    /** {@code load} only: completes a sharded load. */
    public static final class Finish {
        @Option(names = "--finish",
                description = "Complete a sharded load: check that every shard recorded its slice and checksum, then build "
                        + "the keys and indexes, verify once and write the load.json of the whole (default: off).")
        boolean finish;
    }
}
