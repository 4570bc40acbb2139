package io.loadbench.loader.spi;

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

    /** A rough total size in bytes, for plan; -1 when unknown. */
    default long estimatedBytes() {
        return -1;
    }

    /** Produces the output; reports progress through {@link DatasetContext#progress}. Returns bytes written. */
    long run(DatasetContext context) throws Exception;

    /** Removes the output ({@code drop} command). */
    void drop(DatasetContext context) throws Exception;
}
