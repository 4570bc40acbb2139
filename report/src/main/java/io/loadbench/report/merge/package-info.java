/**
 * {@code merge RUN…}: the runs of one plan made at the same time by several injector machines, joined
 * into one run folder of kind {@code merge}. Latency histograms are added interval by interval (never
 * percentiles averaged), the sources' typed {@code load.json} and {@code scenario.json} records are added into
 * records of the same formats and written by the results format's writers, and every source's own files are kept
 * under {@code sources/<source folder>/}.
 */
package io.loadbench.report.merge;
