/**
 * The Maven goal {@code jmh:run}: launches the benchmarks module's JMH suite in a JVM of its own.
 *
 * <p>The plugin deliberately knows almost nothing about benchmarking. It resolves the project's test
 * classpath, turns {@code -Djmh.args="..."} into a list of arguments without interpreting them, and starts
 * the project's launcher class (by default {@code io.loadbench.benchmarks.BenchmarksMain}) with
 * {@code java}. The launcher owns everything else: the run folder, the datastore target, JMH's options
 * and the manifest. Keeping the logic out of the plugin means the suite runs the same way from an IDE or a
 * plain {@code java} command line, and the benchmark JVMs are never Maven's own.
 */
package io.loadbench.jmhplugin;
