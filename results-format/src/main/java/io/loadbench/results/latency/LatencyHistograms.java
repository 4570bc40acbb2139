package io.loadbench.results.latency;

import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * The one place the histogram shape is defined, so every recorder, total and reader agree and histograms
 * from different runs can be added.
 */
public final class LatencyHistograms {

    /** Values are microseconds; 1 µs is the smallest distinguishable value. */
    public static final long LOWEST_DISCERNIBLE_US = 1;

    /**
     * One hour: a request slower than that is not a latency any more but an outage, and the bound keeps a
     * histogram at a few tens of kilobytes.
     */
    public static final long HIGHEST_TRACKABLE_US = TimeUnit.HOURS.toMicros(1);

    /** Three significant digits: a value is known within 0.1%, the usual HdrHistogram trade-off. */
    public static final int SIGNIFICANT_DIGITS = 3;

    /** Scaling used for the human-readable outputs: microseconds shown as milliseconds. */
    public static final double MICROS_PER_MILLI = 1000.0;

    private LatencyHistograms() {
    }

    static Recorder newRecorder() {
        return new Recorder(LOWEST_DISCERNIBLE_US, HIGHEST_TRACKABLE_US, SIGNIFICANT_DIGITS);
    }

    /** A new empty histogram of the shared shape (not thread-safe). */
    public static Histogram newHistogram() {
        return new Histogram(LOWEST_DISCERNIBLE_US, HIGHEST_TRACKABLE_US, SIGNIFICANT_DIGITS);
    }
}
