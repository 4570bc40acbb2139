/**
 * Versioned readers for everything a run folder holds: {@code manifest.json} (schema 1), JMH's own
 * {@code jmh.json}, the loader's {@code load.json} (schema 1), the simulation's {@code scenario.json}
 * (schema 1) and the HdrHistogram interval logs under {@code hdr/}. Each reader accepts only the schema
 * versions it knows and rejects any other with one line naming the file and the version; optional files
 * that are absent are simply absent from the {@link io.loadbench.report.read.SavedRun}.
 *
 * <p>Latency is always rebuilt from the interval logs by adding histograms, never from printed
 * percentiles, and intervals of the warm-up are left out.
 */
package io.loadbench.report.read;
