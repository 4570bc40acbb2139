package io.loadbench.loader.spi;

import io.loadbench.results.shard.Shard;

/**
 * A non-table output of a dataset (a Redis fill, an NDJSON file), run by the loader after the dataset's
 * tables, in order.
 *
 * <p>Obligations of an implementation: generate from the seed like a {@link RowGenerator} (unit <i>i</i> is a
 * pure function of seed and <i>i</i>); throw on any failure (never report partial success); be safe to run
 * again after an interrupted load (overwrite keys/files rather than append); {@link #drop} removes exactly
 * what {@link #run} wrote (namespaced keys, never FLUSHDB).
 */
public interface OutputStep {

    /** Short name for progress and load.json, e.g. {@code redis:counters} or {@code file:events.ndjson}. */
    String name();

    /** How many units {@link #run} produces (keys, documents), for progress and plan. */
    long units();

    /** What a unit is, for the progress display: {@code keys}, {@code rows}. */
    default String unit() {
        return "units";
    }

    /** A rough total size in bytes, for plan; -1 when unknown. */
    default long estimatedBytes() {
        return -1;
    }

    /** Produces the output; reports progress through {@link DatasetContext#progress}. Returns bytes written. */
    long run(DatasetContext context) throws Exception;

    /**
     * Whether the step can write its output in disjoint parts, one per shard of a sharded load ({@link #runShard}),
     * completed once by {@link #finishShards}. Default false: such a step runs whole, in the finish step of a sharded
     * load (a file has one writer).
     */
    default boolean shardable() {
        return false;
    }

    /** How many units the part of {@code shard} writes ({@link #shardable} steps only). */
    default long units(Shard shard) {
        throw new UnsupportedOperationException(name() + " does not write in shards");
    }

    /**
     * Writes the part of {@code shard}: for a step whose units are numbered, unit <i>u</i> when {@code shard.owns(u)}
     * ({@link Shard}). The parts of shards {@code 0 .. N-1} followed by {@link #finishShards} write exactly what
     * {@link #run} writes; a part may be written again (a retried shard) and touches nothing of the other parts.
     * Returns bytes written.
     */
    default long runShard(DatasetContext context, Shard shard) throws Exception {
        throw new UnsupportedOperationException(name() + " does not write in shards");
    }

    /**
     * Completes the output after every shard wrote its part (the finish step): what {@link #run} writes once for the
     * whole, such as a key saying the fill is complete. Returns bytes written; default nothing.
     */
    default long finishShards(DatasetContext context) throws Exception {
        return 0;
    }

    /**
     * Checks, before the loader touches PostgreSQL, that what {@link #run} needs is there: a server that
     * answers, a module, a writable directory. Throws {@link InvalidOptionException} naming the option
     * (e.g. {@code --redis-url}, {@code --out}) with one line. Default: nothing to check.
     */
    default void checkReady(DatasetContext context) throws Exception {
    }

    /**
     * Removes the output ({@code drop} command): only what {@link #run} wrote, and only when the marker it
     * left says so; otherwise throws {@link DropRefusedException} naming the object, before deleting anything.
     */
    void drop(DatasetContext context) throws Exception;

    /**
     * Refuses, naming {@code option}, a directory that cannot receive files: an existing non-directory, or a
     * directory (or, when it does not exist yet, its nearest existing parent) that this process cannot write.
     */
    static void requireWritableDirectory(String option, java.nio.file.Path directory) {
        java.nio.file.Path dir = directory.toAbsolutePath();
        if (java.nio.file.Files.exists(dir) && !java.nio.file.Files.isDirectory(dir)) {
            throw new InvalidOptionException(option, dir + " exists and is not a directory");
        }
        java.nio.file.Path existing = dir;
        while (existing != null && !java.nio.file.Files.exists(existing)) {
            existing = existing.getParent();
        }
        if (existing == null || !java.nio.file.Files.isDirectory(existing) || !java.nio.file.Files.isWritable(existing)) {
            throw new InvalidOptionException(option, (existing == null ? dir : existing) + " is not a writable directory");
        }
    }
}
