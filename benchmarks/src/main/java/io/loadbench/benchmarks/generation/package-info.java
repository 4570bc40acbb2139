/**
 * Row generation throughput: how fast each dataset's generator produces rows encoded as they would be
 * sent, on one thread and on every core, beside a naive generator that calls Datafaker for every field.
 *
 * <p>Every invocation produces {@value io.loadbench.benchmarks.generation.GenerationBenchmark#ROWS_PER_INVOCATION}
 * rows (declared with {@code @OperationsPerInvocation}), so the primary score is rows per second; an
 * auxiliary counter reports the encoded megabytes per second. Nothing is sent anywhere: this is the
 * ceiling a load can reach before the network and the server get a say.
 */
package io.loadbench.benchmarks.generation;
