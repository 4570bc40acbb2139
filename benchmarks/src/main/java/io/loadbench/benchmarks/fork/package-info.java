/**
 * How a benchmark JVM finds the datastores the suite runs against.
 *
 * <p>The launcher ({@link io.loadbench.benchmarks.BenchmarksMain}) resolves the target once for the whole
 * suite (embedded servers by default, or the user's servers) and hands its URLs to every JMH fork as
 * {@code -Dloadbench.pg.url} / {@code -Dloadbench.redis.url}. A fork never starts a server of its own: a
 * fork without a target fails at once with a message saying how to run the suite.
 */
package io.loadbench.benchmarks.fork;
