package io.loadbench.results.latency;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramLogWriter;

/**
 * Writes whole latency files at once: an interval log of intervals already recorded (a merge of several runs'
 * logs) and the {@code .hgrm} percentile distribution of a total. Both in the format {@link LatencyIntervalLog}
 * writes during a run: values in microseconds, {@code Interval_Max} and the distribution in milliseconds.
 */
public final class LatencyLogFiles {

    /** Percentile rows per halving of 1-p in the {@code .hgrm}. */
    static final int HGRM_TICKS_PER_HALF_DISTANCE = 5;

    private LatencyLogFiles() {
    }

    /**
     * Writes {@code intervals} (timestamps absolute epoch milliseconds, as {@link LatencyLogReader} reads them) in
     * start order, with the first interval's start as the log's start time.
     */
    public static void writeIntervals(Path hlog, String comment, List<Histogram> intervals) {
        if (intervals.isEmpty()) {
            throw new IllegalArgumentException(hlog + ": an interval log needs at least one interval");
        }
        List<Histogram> sorted = new ArrayList<>(intervals);
        sorted.sort(Comparator.comparingLong(Histogram::getStartTimeStamp));
        long baseMs = sorted.get(0).getStartTimeStamp();
        try (OutputStream stream = Files.newOutputStream(hlog);
             PrintStream print = new PrintStream(stream, false, StandardCharsets.UTF_8)) {
            HistogramLogWriter writer = new HistogramLogWriter(print);
            writer.outputComment(comment);
            writer.outputLogFormatVersion();
            // written here rather than by outputStartTime, whose human-readable date follows the machine's time zone
            print.printf(Locale.ROOT, "#[StartTime: %.3f (seconds since epoch), %s]%n", baseMs / 1000.0, Instant.ofEpochMilli(baseMs));
            writer.setBaseTime(baseMs);
            writer.outputBaseTime(baseMs);
            writer.outputLegend();
            for (Histogram interval : sorted) {
                writer.outputIntervalHistogram((interval.getStartTimeStamp() - baseMs) / 1000.0,
                        (interval.getEndTimeStamp() - baseMs) / 1000.0, interval, LatencyHistograms.MICROS_PER_MILLI);
            }
            print.flush();
            if (print.checkError()) {
                throw new IOException("write failed");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the interval log " + hlog + ": " + e.getMessage(), e);
        }
    }

    /** Writes the percentile distribution of {@code total}, in milliseconds. */
    public static void writeDistribution(Path hgrm, Histogram total) {
        try (PrintStream out = new PrintStream(Files.newOutputStream(hgrm), false, StandardCharsets.UTF_8)) {
            total.outputPercentileDistribution(out, HGRM_TICKS_PER_HALF_DISTANCE, LatencyHistograms.MICROS_PER_MILLI);
            if (out.checkError()) {
                throw new IOException("write failed");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the percentile distribution " + hgrm + ": " + e.getMessage(), e);
        }
    }
}
