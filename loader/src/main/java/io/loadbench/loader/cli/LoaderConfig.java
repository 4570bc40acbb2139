package io.loadbench.loader.cli;

import io.loadbench.datastores.TargetKind;
import io.loadbench.datastores.TargetSpec;
import io.loadbench.loader.encode.CopyEncoder;
import io.loadbench.loader.cli.options.DatasetOptions;
import io.loadbench.loader.spi.DatasetDefinition;
import io.loadbench.loader.spi.DatasetParameters;
import io.loadbench.loader.spi.InvalidOptionException;
import io.loadbench.results.shard.ShardContract;
import io.loadbench.results.shard.ShardContractException;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The validated, immutable configuration of one dataset command. Built once from the raw options; every
 * invalid value is rejected with {@link InvalidOptionException} naming the option, never adjusted.
 */
public record LoaderConfig(String command, String dataset, long seed, long rows, int batchSize, int workers,
                           CopyEncoder.Format format, String label, Path results, boolean resume, boolean verbose,
                           TargetSpec target, SortedMap<String, Object> datasetOptions, ShardContract sharding,
                           boolean finish) {

    /**
     * @param shardOptions {@code --shard} and {@code --run-id}, or null for a command without them (then the
     *                     environment's shard contract is not read either)
     * @param finishOption {@code --finish}, or null for a command without it
     */
    public static LoaderConfig of(String command, DatasetDefinition<?> definition, SharedOptions o, ShardOptions shardOptions,
                                  ShardOptions.Finish finishOption, DatasetOptions<?> datasetOptions,
                                  Map<String, String> env, String defaultLabel, boolean needsTarget) {
        long rows = o.rows == null ? definition.defaultRows() : RowCounts.parse("--rows", o.rows);
        if (rows > DatasetParameters.MAX_ROWS) {
            throw new InvalidOptionException("--rows", "at most " + DatasetParameters.MAX_ROWS + " (10^12) rows, got '"
                    + o.rows + "'");
        }
        String sizeOption = datasetOptions.sizeOption();
        if (o.rows != null && sizeOption != null) {
            throw new InvalidOptionException("--rows", "conflicts with " + sizeOption + ", which sets the size of "
                    + definition.name() + " itself; give one of them");
        }
        if (o.batchSize < 1 || o.batchSize > SharedOptions.Defaults.MAX_BATCH_SIZE) {
            throw new InvalidOptionException("--batch-size", "must be between 1 and "
                    + SharedOptions.Defaults.MAX_BATCH_SIZE + ", got " + o.batchSize);
        }
        if (o.workers < 1 || o.workers > SharedOptions.Defaults.MAX_WORKERS) {
            throw new InvalidOptionException("--workers", "must be between 1 and "
                    + SharedOptions.Defaults.MAX_WORKERS + ", got " + o.workers);
        }
        if (batches(rows, o.batchSize) > Integer.MAX_VALUE) {
            throw new InvalidOptionException("--batch-size", "too small for " + rows + " rows (more than 2^31 batches)");
        }
        CopyEncoder.Format format;
        try {
            format = CopyEncoder.Format.valueOf(o.format.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidOptionException("--format", "expected binary or text, got '" + o.format + "'");
        }
        String label = o.label == null ? defaultLabel : o.label;
        if (label.isBlank()) {
            throw new InvalidOptionException("--label", "must not be blank");
        }
        boolean finish = finishOption != null && finishOption.finish;
        ShardContract sharding = sharding(shardOptions, finish, o.resume, env);
        TargetSpec target = null;
        if (needsTarget) {
            requireNotEmpty(o, env);
            target = TargetSpec.resolve(o.target, o.pgUrl, o.redisUrl, env);
            if ((finish || sharding.shard().isPresent()) && (target.kind() != TargetKind.EXTERNAL || target.postgres() == null)) {
                throw new InvalidOptionException(finish ? "--finish" : shardSource(shardOptions), "a sharded load needs a "
                        + "PostgreSQL server that every shard reaches: give --pg-url or " + TargetSpec.PG_URL_ENV
                        + " (an embedded server lives only as long as one command)");
            }
        }
        return new LoaderConfig(command, definition.name(), o.seed, rows, o.batchSize, o.workers, format, label,
                o.results, o.resume, o.verbose, target, new TreeMap<>(datasetOptions.values()), sharding, finish);
    }

    /**
     * The shard contract of a command: from its options and the environment ({@link ShardContract#resolve}). The finish
     * step loads no slice, so it refuses {@code --shard} and ignores the shard variables (a finish run as a pod of an
     * Indexed Job still has an index); {@code --resume} has no meaning for either, since a shard always continues its
     * own slice.
     */
    private static ShardContract sharding(ShardOptions shardOptions, boolean finish, boolean resume, Map<String, String> env) {
        if (shardOptions == null) {
            return ShardContract.none();
        }
        if (finish && shardOptions.shard != null) {
            throw new InvalidOptionException("--finish", "completes the load of every shard and loads no slice itself; "
                    + "leave out --shard " + shardOptions.shard);
        }
        Map<String, String> environment = new java.util.HashMap<>(env == null ? Map.of() : env);
        if (finish) {
            environment.remove(ShardContract.INDEX_ENV);
            environment.remove(ShardContract.COUNT_ENV);
        }
        ShardContract sharding;
        try {
            sharding = ShardContract.resolve(shardOptions.shard, shardOptions.runId, environment);
        } catch (ShardContractException e) {
            throw new InvalidOptionException(e.source(), e.problem());
        }
        if (resume && (finish || sharding.shard().isPresent())) {
            throw new InvalidOptionException("--resume", finish ? "has no meaning with --finish; leave it out"
                    : "a shard always continues its own slice; run the same command without --resume");
        }
        return sharding;
    }

    /** Where the shard came from: the option, or the variable of an Indexed Job. */
    private static String shardSource(ShardOptions shardOptions) {
        return shardOptions != null && shardOptions.shard != null ? ShardContract.SHARD_OPTION : ShardContract.INDEX_ENV;
    }

    /** Batches of {@code batchSize} rows covering {@code rows}, without the overflow of {@code rows + batchSize - 1}. */
    static long batches(long rows, int batchSize) {
        return rows / batchSize + (rows % batchSize == 0 ? 0 : 1);
    }

    /**
     * An empty URL is a mistake (an unset shell variable, a quoting slip), not a wish for the embedded server:
     * treating it as absent would load a throw-away server and report success.
     */
    private static void requireNotEmpty(SharedOptions o, Map<String, String> env) {
        if (o.pgUrl != null && o.pgUrl.isBlank()) {
            throw new InvalidOptionException("--pg-url", "is empty; name a server, or leave the option out for the embedded one");
        }
        if (o.redisUrl != null && o.redisUrl.isBlank()) {
            throw new InvalidOptionException("--redis-url", "is empty; name a server, or leave the option out for the embedded one");
        }
        boolean explicitlyLocal = o.target != null && !o.target.isBlank()
                && !o.target.strip().equalsIgnoreCase("external");
        if (o.target != null && o.target.isBlank()) {
            throw new InvalidOptionException("--target", "is empty; expected embedded, external or containers");
        }
        if (explicitlyLocal || env == null) {
            return; // --target embedded|containers ignores the environment
        }
        if (o.pgUrl == null && isSetButBlank(env, TargetSpec.PG_URL_ENV)) {
            throw new InvalidOptionException(TargetSpec.PG_URL_ENV, "is set but empty; unset it for the embedded server, or name a server");
        }
        if (o.redisUrl == null && isSetButBlank(env, TargetSpec.REDIS_URL_ENV)) {
            throw new InvalidOptionException(TargetSpec.REDIS_URL_ENV, "is set but empty; unset it for the embedded server, or name a server");
        }
    }

    private static boolean isSetButBlank(Map<String, String> env, String name) {
        String value = env.get(name);
        return value != null && value.isBlank();
    }

    /** Every effective parameter, for the console and the manifest (URLs without passwords). */
    public SortedMap<String, Object> describe() {
        SortedMap<String, Object> p = new TreeMap<>(datasetOptions);
        p.put("command", command);
        p.put("dataset", dataset);
        p.put("seed", seed);
        p.put("rows", rows);
        p.put("batchSize", batchSize);
        p.put("workers", workers);
        p.put("format", format.name().toLowerCase(Locale.ROOT));
        p.put("label", label);
        p.put("results", results.toString());
        p.put("resume", resume);
        if (command.equals("load")) {
            p.put("finish", finish);
        }
        if (target != null) {
            p.put("target", target.kind().name().toLowerCase(Locale.ROOT));
            // URLs without user info; the password never leaves the endpoint objects
            p.put("pgUrl", target.postgres() == null ? null : target.postgres().jdbcUrl());
            p.put("pgUser", target.postgres() == null ? null : target.postgres().user());
            p.put("redisUrl", target.redis() == null ? null : target.redis().url());
        }
        return p;
    }
}
