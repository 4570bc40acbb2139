/**
 * PostgreSQL bulk-load throughput: COPY (binary and text) per batch size, beside batched INSERT.
 *
 * <p>Every invocation loads a fixed number of rows, declared with {@code @OperationsPerInvocation}, in
 * transactions of one batch each, so the primary score is rows per second at every batch size and the
 * sweep compares directly. Rows come from the datasets' own generators, generated once before the measurement
 * ({@link io.loadbench.benchmarks.copy.RecordedRows}) and encoded inside every invocation, COPY by the loader's
 * encoder and INSERT by pgjdbc: both exclude generation (the generation benchmark's job), both include their own
 * encoding. Tables are created from the dataset's own DDL (a bare heap: indexes and keys come after a load) in a
 * schema private to the benchmark JVM, emptied before every invocation so every invocation loads into the same
 * empty table, and dropped at the end.
 */
package io.loadbench.benchmarks.copy;
