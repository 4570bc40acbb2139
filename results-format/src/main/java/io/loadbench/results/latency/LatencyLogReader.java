package io.loadbench.results.latency;

import io.loadbench.results.ResultFormatException;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import org.HdrHistogram.EncodableHistogram;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramLogReader;

/**
 * Reads the interval logs {@link LatencyIntervalLog} writes (HdrHistogram's {@code HistogramLogWriter} format, log
 * format 1.3), the one reader of them: the simulations' own checks read intervals with their times, the report and
 * the merge add up the measured ones.
 */
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

    /**
     * Hands every measured interval, in log order, to {@code consumer}, its start and end timestamps absolute epoch
     * milliseconds. Intervals are warm-up, and left out, when their tag is {@code <request>.warmup} (what
     * {@link LatencyIntervalLog} writes while a run warms up) or starts with {@code warmup}.
     *
     * @return the number of warm-up intervals left out
     * @throws ResultFormatException naming the file when it is missing or not a readable interval log
     */
    public static int forEachMeasured(Path hlog, Consumer<Histogram> consumer) {
        HistogramLogReader reader;
        try {
            reader = new HistogramLogReader(hlog.toFile());
        } catch (FileNotFoundException e) {
            throw new ResultFormatException(hlog + ": no such file", e);
        }
        int warmUp = 0;
        try (reader) {
            EncodableHistogram next;
            while ((next = reader.nextIntervalHistogram()) != null) {
                if (!(next instanceof Histogram interval)) {
                    throw new ResultFormatException(hlog + ": holds " + next.getClass().getSimpleName()
                            + " intervals; loadbench logs integer microsecond histograms");
                }
                if (isWarmUpTag(interval.getTag())) {
                    warmUp++;
                } else {
                    consumer.accept(interval);
                }
            }
        } catch (ResultFormatException e) {
            throw e;
        } catch (RuntimeException e) {
            String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().lines().findFirst().orElse("");
            throw new ResultFormatException(hlog + ": not a readable HdrHistogram interval log (" + message + ")", e);
        }
        return warmUp;
    }

    /** Whether an interval with this tag belongs to the warm-up (see {@link #forEachMeasured}). */
    public static boolean isWarmUpTag(String tag) {
        if (tag == null) {
            return false;
        }
        String lower = tag.toLowerCase(Locale.ROOT);
        return lower.startsWith("warmup") || lower.endsWith(LatencyIntervalLog.WARMUP_TAG_SUFFIX);
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
