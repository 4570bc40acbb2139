package io.loadbench.loader.spi;

/**
 * The part of a dataset that workloads change by design: live counters they increment, cache entries they write
 * on a miss and that expire. Everything else a dataset loads (its tables, the keys its checks count) must stay as
 * loaded, and {@link Dataset#checks()} judge only that part, so a dataset passes them after any number of workload
 * runs; this part is judged by its own {@link #check()}, right after a load or a {@link #restore}.
 *
 * <p>Obligations of an implementation:
 * <ul>
 *   <li>{@link #check()} states the data as a load leaves it (every counter equal to its loaded value, exactly the
 *   warmed cache entries): it passes right after a load and right after {@link #restore}, and is expected to fail
 *   after a workload ran.</li>
 *   <li>{@link #restore} puts the data back as a fresh load leaves it, so that every workload run starts from the
 *   same data (the same counter values, the same cold and warm cache entries). It deletes only what it can
 *   enumerate from the dataset's own layout (never a {@code SCAN} pattern, never {@code FLUSHDB}), and only under a
 *   marker the dataset's load left; it refuses with one line naming the object otherwise.</li>
 *   <li>It never touches the dataset's tables: a restore is cheap next to a load.</li>
 * </ul>
 */
public interface MutableData {

    /** Short name, e.g. {@code redis:analytics counters and cache entries}. */
    String name();

    /** The check of this data as a load leaves it. */
    Check check();

    /** Restores the data to its loaded state; returns what it wrote and deleted. */
    Restored restore(DatasetContext context) throws Exception;

    /**
     * What a {@link #restore} did, in the data's own unit (keys for Redis).
     *
     * @param deleted what it removed first (e.g. every cache entry present, warmed or not)
     * @param written what it then wrote at its loaded value (counters, warmed entries)
     */
    record Restored(long deleted, long written, String unit) {

        /** One line for logs and manifests, e.g. {@code 1,977 keys deleted, 4,275 keys written}. */
        public String describe() {
            return String.format(java.util.Locale.ROOT, "%,d %s deleted, %,d %s written", deleted, unit, written, unit);
        }
    }
}
