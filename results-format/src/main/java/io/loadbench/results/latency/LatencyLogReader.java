package io.loadbench.results.latency;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.HdrHistogram.EncodableHistogram;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramLogReader;

/** Reads the interval logs {@link LatencyIntervalLog} writes. */
public final class LatencyLogReader {

    private LatencyLogReader() {
    }

    /** One interval as read back: seconds since the run's start, its tag and its histogram (microseconds). */
    public record Interval(double startSec, double endSec, String tag, Histogram histogram) {
    }

    /** Every interval of a log, in file order. */
    public static List<Interval> intervals(Path hlog) {
        List<Interval> intervals = new ArrayList<>();
        try (InputStream in = Files.newInputStream(hlog)) {
            HistogramLogReader reader = new HistogramLogReader(in);
            EncodableHistogram next;
            while ((next = reader.nextIntervalHistogram()) != null) {
                Histogram histogram = (Histogram) next;
                // the reader makes timestamps absolute (epoch ms); the log's start time is the run's start
                double runStartSec = reader.getStartTimeSec();
                intervals.add(new Interval(histogram.getStartTimeStamp() / 1000.0 - runStartSec,
                        histogram.getEndTimeStamp() / 1000.0 - runStartSec, histogram.getTag(), histogram));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the interval log " + hlog + ": " + e.getMessage(), e);
        }
        return intervals;
    }

    /** The sum of the intervals carrying exactly {@code tag}: the request's measured total for its own name. */
    public static Histogram sum(Path hlog, String tag) {
        Histogram sum = LatencyHistograms.newHistogram();
        for (Interval interval : intervals(hlog)) {
            if (tag.equals(interval.tag())) {
                sum.add(interval.histogram());
            }
        }
        return sum;
    }
}
