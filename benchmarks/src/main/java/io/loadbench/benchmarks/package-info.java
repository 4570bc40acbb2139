/**
 * The JMH suite's launcher: {@link io.loadbench.benchmarks.BenchmarksMain} turns one JMH command line into
 * one self-describing run folder ({@code manifest.json} + {@code jmh.json}), with the datastore target
 * started once for all benchmark forks.
 *
 * <p>The benchmarks live in the sub-packages: {@code generation} (rows/s a dataset generator produces, per
 * wire format, beside a naive Datafaker baseline), {@code copy} (COPY per batch size beside batched INSERT),
 * {@code redis} (pipeline depth per data type beside plain round trips). {@code fork} hands the target to
 * the benchmark JVMs; {@code datasets} builds the loader's datasets the same way for every benchmark.
 */
package io.loadbench.benchmarks;
