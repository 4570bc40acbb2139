/**
 * The workloads loadbench ships, one Gatling simulation each, reproducing a seed workload: each declares its
 * {@link io.loadbench.scenarios.run.Workload} (short name, model, presets, options with descriptions), and
 * {@link io.loadbench.scenarios.simulations.Workloads} lists them for the {@code loadbench} command. They run
 * in-process from the command ({@code loadbench run cache}) or through the gatling-maven-plugin
 * ({@code mvn -pl scenarios gatling:test}), with the same option names.
 */
package io.loadbench.scenarios.simulations;
