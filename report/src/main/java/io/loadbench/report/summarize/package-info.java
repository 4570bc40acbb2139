/**
 * {@code summarize RUN}: the key figures of one run (status, environment, plan, JMH scores with their
 * errors, load rates per table, per-request throughput and latency percentiles rebuilt from the interval
 * logs, hit ratios) as a {@link io.loadbench.report.text.Document}.
 */
package io.loadbench.report.summarize;
