package io.loadbench.results.latency;

import org.HdrHistogram.Histogram;

/**
 * The measured (post-warm-up) histograms of one request name, in microseconds, plus how many requests the
 * warm-up saw and how many values exceeded the trackable range. The histograms are private copies.
 */
public record RequestLatencyTotals(String requestName, Histogram intended, Histogram service,
                                   long warmupCount, long saturatedCount) {

    public LatencyPercentiles intendedPercentiles() {
        return LatencyPercentiles.of(intended);
    }

    public LatencyPercentiles servicePercentiles() {
        return LatencyPercentiles.of(service);
    }
}
