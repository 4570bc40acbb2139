/**
 * Redis write throughput per pipeline depth and per data type.
 *
 * <p>Every invocation sends the same number of commands, so the primary score is commands per second at
 * every depth and the depths compare directly. Depth 1 still goes through a pipeline object; the
 * round-trip baseline sends plain commands and waits for each reply, as a client without pipelining would.
 */
package io.loadbench.benchmarks.redis;
