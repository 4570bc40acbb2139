package io.loadbench.loader.spi;

import java.util.List;
import java.util.Set;
import java.util.SortedMap;

/**
 * A dataset built for one plan (seed, rows, dataset options): everything the loader needs to load, verify
 * and drop it.
 *
 * <p>Obligations of an implementation:
 * <ul>
 *   <li>{@link #tables()} lists PostgreSQL tables in load order: parents before children, so that a child
 *   table's foreign keys (created in its {@link TableSpec#afterLoadDdl()}) find every parent row. The loader
 *   loads one table completely (all batches committed, after-load DDL run) before starting the next.</li>
 *   <li>Child rows reference parents by key values that are themselves pure functions of (seed, index):
 *   e.g. {@code team_id = 1 + (pick(seed, i) mod teamRows)}, never by reading the database.</li>
 *   <li>Shared pools (Datafaker values, alias tables) are built once, from the seed, when the dataset is
 *   created, and are read-only afterwards: generators on several workers share them.</li>
 *   <li>{@link #outputSteps()} (Redis fills, files) run after all tables, in order; each must be
 *   resumable or cheap to redo. In a sharded load, a {@linkplain OutputStep#shardable() shardable} step writes one
 *   part per shard; the others run whole in the finish step.</li>
 *   <li>{@link #checks()} measure the seed's distributions and integrity rules in SQL/Redis and compare them
 *   with their targets; the loader adds row-count checks for every table by itself. They judge only data that
 *   workloads leave alone: what workloads change by design (counters, cache entries) is declared in
 *   {@link #mutableData()}, with its own check and a way to restore it.</li>
 * </ul>
 */
public interface Dataset {

    /** The dataset's registry name, e.g. {@code events}. */
    String name();

    /** PostgreSQL tables in load order (parents first). */
    List<TableSpec> tables();

    /** Non-table outputs run after the tables (Redis, files); default none. */
    default List<OutputStep> outputSteps() {
        return List.of();
    }

    /** Verification checks beyond per-table row counts; default none. */
    default List<Check> checks() {
        return List.of();
    }

    /**
     * The data of this dataset that workloads change by design (live counters, cache entries), each with the check
     * of its loaded state and a restore; default none (a dataset workloads only read).
     */
    default List<MutableData> mutableData() {
        return List.of();
    }

    /**
     * The {@link #parameters()} that tell apart loads of this dataset on one target (an e-mail domain, a Redis
     * key prefix): {@code drop} removes only what a recorded load with the same values created, and refuses
     * when no recorded load has them. Default none: the dataset's name alone selects its loads.
     */
    default Set<String> dropSelector() {
        return Set.of();
    }

    /**
     * The dataset's effective parameters (seed, rows and its own options, defaults applied), keys sorted.
     * They go into the manifest and into the load id, so two plans that differ here never share resume state.
     */
    SortedMap<String, Object> parameters();
}
