/**
 * A simulation run seen while it runs: a progress line on stderr every second (with a progress bar of the plan on
 * a terminal), and, with {@code -Dloadbench.metricsPort=N}, a Prometheus {@code /metrics} endpoint and a live page
 * with charts on the same port ({@code docs/live-metrics.md} lists the fields, the metrics and the page's data).
 *
 * <p>Nothing here measures: {@link io.loadbench.scenarios.live.LiveMonitor} listens to the run's interval log (the
 * histograms it writes each second, {@link io.loadbench.results.latency.LatencyIntervalListener}) and reads the
 * protocol's counters through a {@link io.loadbench.scenarios.live.LiveSource}, so the per-request path gains no
 * lock, no allocation and no second recording, and what is shown live is what the run folder keeps. Everything is
 * configured by system properties ({@link io.loadbench.scenarios.live.LiveOptions}); one instance belongs to one run,
 * with its own Prometheus registry.
 */
package io.loadbench.scenarios.live;
