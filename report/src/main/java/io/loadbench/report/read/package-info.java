/**
 * A whole run folder as one {@link io.loadbench.report.read.SavedRun}, read through the results format's typed
 * readers ({@code ManifestReader}, {@code LoadResultReader}, {@code ScenarioResultReader}, {@code MergeInfoReader},
 * {@code LatencyLogReader}), which own those formats and reject a version or field they do not know with one line
 * naming the file. Only JMH's own {@code jmh.json} is read here ({@link io.loadbench.report.read.JmhResultReader}).
 * Optional files that are absent are simply absent from the {@code SavedRun}.
 *
 * <p>Latency is always rebuilt from the interval logs by adding histograms, never from printed
 * percentiles, and intervals of the warm-up are left out.
 */
package io.loadbench.report.read;
