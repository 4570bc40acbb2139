package io.loadbench.report.read;

import io.loadbench.results.latency.LatencyLogReader;
import java.nio.file.Path;
import org.HdrHistogram.Histogram;

/**
 * Adds up the measured intervals of an interval log into one histogram, read by the results format's
 * {@link LatencyLogReader} (which leaves the warm-up intervals out).
 */
public final class IntervalLogReader {

    private IntervalLogReader() {
    }

    public static MeasuredHistogram read(Path file) {
        Histogram[] total = new Histogram[1];
        long[] windowMs = {Long.MAX_VALUE, Long.MIN_VALUE};
        int[] intervals = new int[1];
        int warmUp = LatencyLogReader.forEachMeasured(file, interval -> {
            if (total[0] == null) {
                total[0] = new Histogram(interval.getNumberOfSignificantValueDigits());
            }
            total[0].add(interval);
            windowMs[0] = Math.min(windowMs[0], interval.getStartTimeStamp());
            windowMs[1] = Math.max(windowMs[1], interval.getEndTimeStamp());
            intervals[0]++;
        });
        if (total[0] == null) {
            total[0] = new Histogram(3);
            windowMs[0] = 0;
            windowMs[1] = 0;
        }
        total[0].setStartTimeStamp(windowMs[0]);
        total[0].setEndTimeStamp(windowMs[1]);
        return new MeasuredHistogram(total[0], windowMs[0], windowMs[1], intervals[0], warmUp);
    }
}
