/**
 * {@code compare RUN_A RUN_B …}: runs side by side with ratios to the first. The plan check comes first
 * ({@link io.loadbench.report.compare.PlanCheck}: runs that measured different things are not compared
 * unless the user insists; {@link io.loadbench.report.compare.WorkloadCheck} first says which scripts or command
 * templates two runs of a custom workload do not share), then the environment differences, then JMH scores (a difference is flagged
 * only when the 99.9% error intervals are disjoint), load rates, request throughput and latency at
 * p50/p90/p99/p99.9/max read from each run's added-up histogram.
 */
package io.loadbench.report.compare;
