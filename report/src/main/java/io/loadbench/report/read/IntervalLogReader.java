package io.loadbench.report.read;

import io.loadbench.report.ReportException;
import java.io.FileNotFoundException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.function.Consumer;
import org.HdrHistogram.EncodableHistogram;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramLogReader;

/**
 * Adds up the intervals of an HdrHistogram interval log ({@code HistogramLogWriter}'s format, log format
 * 1.3) into one histogram. Intervals are warm-up, and left out, when their tag is {@code <request>.warmup}
 * (what the results format's {@code LatencyIntervalLog} writes while a run warms up) or starts with {@code warmup}.
 */
public final class IntervalLogReader {

    /** The tag suffix the results format's {@code LatencyIntervalLog} gives warm-up intervals. */
    static final String WARMUP_TAG_SUFFIX = ".warmup";

    private IntervalLogReader() {
    }

    public static MeasuredHistogram read(Path file) {
        Histogram[] total = new Histogram[1];
        long[] windowMs = {Long.MAX_VALUE, Long.MIN_VALUE};
        int[] intervals = new int[1];
        int warmUp = forEachMeasured(file, interval -> {
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

    /**
     * Hands every measured interval, in log order, to {@code consumer}; its start and end timestamps are
     * absolute epoch milliseconds.
     *
     * @return the number of warm-up intervals left out
     */
    public static int forEachMeasured(Path file, Consumer<Histogram> consumer) {
        HistogramLogReader reader;
        try {
            reader = new HistogramLogReader(file.toFile());
        } catch (FileNotFoundException e) {
            throw new ReportException(file + ": no such file", e);
        }
        int warmUp = 0;
        try (reader) {
            EncodableHistogram next;
            while ((next = reader.nextIntervalHistogram()) != null) {
                if (!(next instanceof Histogram)) {
                    throw new ReportException(file + ": holds " + next.getClass().getSimpleName()
                            + " intervals; loadbench logs integer microsecond histograms");
                }
                Histogram interval = (Histogram) next;
                String tag = interval.getTag();
                if (isWarmUpTag(tag)) {
                    warmUp++;
                } else {
                    consumer.accept(interval);
                }
            }
        } catch (ReportException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new ReportException(file + ": not a readable HdrHistogram interval log (" + oneLine(e) + ")", e);
        }
        return warmUp;
    }

    static boolean isWarmUpTag(String tag) {
        if (tag == null) {
            return false;
        }
        String lower = tag.toLowerCase(Locale.ROOT);
        return lower.startsWith("warmup") || lower.endsWith(WARMUP_TAG_SUFFIX);
    }

    private static String oneLine(Throwable e) {
        String message = e.getMessage();
        return message == null ? e.getClass().getSimpleName() : message.lines().findFirst().orElse("");
    }
}
