/**
 * PostgreSQL bulk-load throughput: COPY (binary and text) per batch size, beside batched INSERT.
 *
 * <p>Every invocation loads a fixed number of rows, declared with {@code @OperationsPerInvocation}, in
 * transactions of one batch each, so the primary score is rows per second at every batch size and the
 * sweep compares directly. Rows come from the datasets' own generators, encoded before the measurement
 * starts, so the score is the cost of moving rows into PostgreSQL, not of making them (that is the
 * generation benchmark's job). Tables are created from the dataset's own DDL (a bare heap: indexes and
 * keys come after a load) in a schema private to the benchmark JVM, emptied before every iteration so the
 * table never grows across iterations, and dropped at the end.
 */
package io.loadbench.benchmarks.copy;
