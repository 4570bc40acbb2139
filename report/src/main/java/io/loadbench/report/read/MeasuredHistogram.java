package io.loadbench.report.read;

import org.HdrHistogram.Histogram;

/**
 * The sum of the measured intervals of one interval log (warm-up left out), in microseconds.
 *
 * @param startMs start of the first measured interval, epoch milliseconds
 * @param endMs end of the last measured interval, epoch milliseconds
 * @param intervals number of intervals added
 * @param warmUpIntervals number of intervals left out as warm-up
 */
public record MeasuredHistogram(Histogram histogram, long startMs, long endMs, int intervals, int warmUpIntervals) {

    /** Values recorded per second over the measured window, or NaN when the window is empty. */
    public double countPerSecond() {
        long windowMs = endMs - startMs;
        return windowMs <= 0 ? Double.NaN : histogram.getTotalCount() * 1000.0 / windowMs;
    }
}
