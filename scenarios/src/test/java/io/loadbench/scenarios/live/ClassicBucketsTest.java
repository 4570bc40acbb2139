package io.loadbench.scenarios.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.withinPercentage;

import io.loadbench.results.latency.LatencyHistograms;
import io.prometheus.metrics.model.snapshots.ClassicHistogramBucket;
import io.prometheus.metrics.model.snapshots.HistogramSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;
import java.util.LinkedHashMap;
import java.util.Map;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

/** The Prometheus histogram of the interval log's HdrHistograms: every value in the bucket that holds it, seconds. */
class ClassicBucketsTest {

    @Test
    void intervalsAddUpIntoCumulativeBucketsInSecondsWithABoundItselfInItsOwnBucket() {
        ClassicBuckets buckets = new ClassicBuckets();
        Histogram first = LatencyHistograms.newHistogram();
        first.recordValueWithCount(50, 3);      // 50 µs
        first.recordValueWithCount(100, 2);     // exactly the first bound: le="0.0001"
        first.recordValue(101);                 // just above it
        Histogram second = LatencyHistograms.newHistogram();
        second.recordValueWithCount(1_000, 4);  // 1 ms
        second.recordValue(45_000_000);         // 45 s: le="60"
        second.recordValue(LatencyHistograms.HIGHEST_TRACKABLE_US); // an hour (saturated): only +Inf

        buckets.add(first);
        buckets.add(second);
        buckets.add(LatencyHistograms.newHistogram());
        HistogramSnapshot.HistogramDataPointSnapshot point = buckets.snapshot(Labels.of("request", "get"));

        Map<Double, Long> nonEmpty = new LinkedHashMap<>();
        long previous = 0;
        for (ClassicHistogramBucket bucket : point.getClassicBuckets()) {
            if (bucket.getCount() > 0) {
                nonEmpty.put(bucket.getUpperBound(), bucket.getCount());
            }
            previous += bucket.getCount();
        }
        assertThat(nonEmpty).containsExactly(Map.entry(0.0001, 5L), Map.entry(0.00025, 1L), Map.entry(0.001, 4L),
                Map.entry(60.0, 1L), Map.entry(Double.POSITIVE_INFINITY, 1L));
        assertThat(previous).isEqualTo(12);
        assertThat(point.getCount()).isEqualTo(12);
        // each value as the middle of its HdrHistogram bucket: within HdrHistogram's 0.1%
        assertThat(point.getSum()).isCloseTo(3 * 50e-6 + 2 * 100e-6 + 101e-6 + 4e-3 + 45 + 3600, withinPercentage(0.1));
        assertThat(buckets.count()).isEqualTo(12);
    }
}
