package io.loadbench.scenarios.live;

import io.prometheus.metrics.model.snapshots.ClassicHistogramBuckets;
import io.prometheus.metrics.model.snapshots.HistogramSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramIterationValue;

/**
 * One Prometheus classic histogram (cumulative since the run began, buckets in seconds) filled from the interval
 * log's HdrHistograms (microseconds): each interval's recorded values are counted into the bucket whose upper bound
 * they do not exceed, the way HdrHistogram counts a value range (by the lowest value its bucket stands for, so
 * within HdrHistogram's 0.1%). No request is recorded a second time. Not thread-safe: {@link LiveMetrics} guards it.
 */
final class ClassicBuckets {

    /**
     * Upper bounds in seconds: 100 µs (a Redis GET on loopback) to a minute (a query timeout), about three per
     * decade, so {@code histogram_quantile} interpolates within a factor of 2.5 anywhere a datastore's latency lies.
     */
    static final double[] UPPER_BOUNDS_SEC = {0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25,
            0.5, 1, 2.5, 5, 10, 30, 60, Double.POSITIVE_INFINITY};

    private static final long[] UPPER_BOUNDS_US = new long[UPPER_BOUNDS_SEC.length];

    static {
        for (int i = 0; i < UPPER_BOUNDS_SEC.length; i++) {
            UPPER_BOUNDS_US[i] = Double.isInfinite(UPPER_BOUNDS_SEC[i]) ? Long.MAX_VALUE : Math.round(UPPER_BOUNDS_SEC[i] * 1e6);
        }
    }

    private final long[] counts = new long[UPPER_BOUNDS_SEC.length];
    private double sumSec;

    /** Adds one interval's histogram, in microseconds. */
    void add(Histogram intervalUs) {
        if (intervalUs.getTotalCount() == 0) {
            return;
        }
        for (HistogramIterationValue value : intervalUs.recordedValues()) {
            long lowestUs = intervalUs.lowestEquivalentValue(value.getValueIteratedTo());
            long count = value.getCountAtValueIteratedTo();
            int bucket = 0;
            while (lowestUs > UPPER_BOUNDS_US[bucket]) {
                bucket++;
            }
            counts[bucket] += count;
            sumSec += count * intervalUs.medianEquivalentValue(value.getValueIteratedTo()) / 1e6;
        }
    }

    HistogramSnapshot.HistogramDataPointSnapshot snapshot(Labels labels) {
        return HistogramSnapshot.HistogramDataPointSnapshot.builder()
                .classicHistogramBuckets(ClassicHistogramBuckets.of(UPPER_BOUNDS_SEC, counts.clone()))
                .sum(sumSec)
                .labels(labels)
                .build();
    }

    /** How many values were added. */
    long count() {
        long total = 0;
        for (long count : counts) {
            total += count;
        }
        return total;
    }
}
