/**
 * The {@code loadbench} command: one front door to the loader ({@code datasets}, {@code plan}, {@code load},
 * {@code verify}, {@code drop}), the workloads ({@code workloads}, {@code run}), the JMH suite ({@code bench})
 * and the report ({@code report}). {@link io.loadbench.cli.Loadbench} dispatches; each family keeps its own
 * command line (the loader's and the report's picocli commands, JMH's options), named as the user typed them.
 * {@link io.loadbench.cli.RunCommand} turns a workload's options into the system properties its simulation
 * reads and runs it in this JVM through Gatling's own launcher, the way {@code mvn gatling:test} runs it in a
 * fork, so both routes take the same option names and write the same run folder.
 */
package io.loadbench.cli;
