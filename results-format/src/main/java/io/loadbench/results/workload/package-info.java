/**
 * What a user-defined workload ran, recorded in its manifest so that two runs are only compared when they ran the
 * same thing: {@link io.loadbench.results.workload.WorkloadDefinition} holds the sources (pgbench-style SQL scripts
 * with their weights and setup, or Redis command templates with their ratio), writes their text and hashes into
 * {@code parameters.workload} and the set's SHA-256 into {@code plan.workload}, and reads the latter back as a
 * {@link io.loadbench.results.workload.WorkloadDefinition.Fingerprint} for {@code loadbench-report compare}.
 *
 * <p>The built-in simulations need none of this: their workload is their code, named by the plan's
 * {@code simulation}. A custom workload's code is its scripts, which the plan alone cannot name.
 */
package io.loadbench.results.workload;
