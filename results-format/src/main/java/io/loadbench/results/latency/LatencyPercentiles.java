package io.loadbench.results.latency;

import org.HdrHistogram.Histogram;

/**
 * The figures a summary quotes, read straight from one HdrHistogram (never averaged across histograms).
 * All values are microseconds; an empty histogram gives count 0 and zeros.
 */
public record LatencyPercentiles(long count, long p50Us, long p90Us, long p99Us, long p999Us, long maxUs) {

    public static LatencyPercentiles of(Histogram histogram) {
        return new LatencyPercentiles(
                histogram.getTotalCount(),
                histogram.getValueAtPercentile(50.0),
                histogram.getValueAtPercentile(90.0),
                histogram.getValueAtPercentile(99.0),
                histogram.getValueAtPercentile(99.9),
                histogram.getMaxValue());
    }

    /** The value at any percentile, for SLOs that name one this record does not carry. */
    public static long valueAtPercentileUs(Histogram histogram, double percentile) {
        return histogram.getValueAtPercentile(percentile);
    }
}
