package io.loadbench.results.latency;

import java.io.File;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramLogWriter;

/**
 * The single reader of a run's {@link LatencyRecorders}: turns them into interval logs, totals and
 * percentile distributions in one {@code hdr/} directory.
 *
 * <p>Each {@link #tick(long)} takes every recorder's interval histograms and appends them to
 * {@code <request>.intended.hlog} and {@code <request>.service.hlog}; an interval is tagged with the request
 * name, or {@code <request>.warmup} while the run is warming up. {@link #endWarmup(long)} closes the last
 * warm-up interval exactly at the boundary, so no interval straddles it; only intervals after it are added to
 * the totals. {@link #finish(long)} closes the last interval and writes the {@code .hgrm} files.
 *
 * <p>Times are epoch milliseconds passed in by the caller (tests use fixed values); the logs' base time is
 * the start of the run, so their interval timestamps are seconds since the run began. All methods are
 * synchronized: a ticker thread and the thread ending the run may call them concurrently.
 */
public final class LatencyIntervalLog {

    /** The tag suffix of intervals recorded during warm-up. */
    public static final String WARMUP_TAG_SUFFIX = ".warmup";

    private final Path hdrDir;
    private final LatencyRecorders recorders;
    private final long startMs;
    private final Map<String, Series> seriesByName = new TreeMap<>();
    private long lastTickMs;
    private boolean warmingUp;
    private boolean finished;

    private LatencyIntervalLog(Path hdrDir, LatencyRecorders recorders, long startMs, boolean warmingUp) {
        this.hdrDir = hdrDir;
        this.recorders = recorders;
        this.startMs = startMs;
        this.lastTickMs = startMs;
        this.warmingUp = warmingUp;
    }

    /**
     * Starts logging into {@code hdrDir} (created if missing).
     *
     * @param startMs   the run's start, epoch milliseconds: the logs' base time and the first interval's start
     * @param warmingUp whether the run starts with a warm-up phase, ended by {@link #endWarmup(long)}
     */
    public static LatencyIntervalLog open(Path hdrDir, LatencyRecorders recorders, long startMs, boolean warmingUp) {
        try {
            Files.createDirectories(hdrDir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the latency directory " + hdrDir + ": " + e.getMessage(), e);
        }
        return new LatencyIntervalLog(hdrDir, recorders, startMs, warmingUp);
    }

    /** Closes the current interval at {@code nowMs} and appends it to every request's logs. */
    public synchronized void tick(long nowMs) {
        if (finished) {
            return;
        }
        if (nowMs < lastTickMs) {
            throw new IllegalArgumentException("interval end " + nowMs + " ms is before its start " + lastTickMs + " ms");
        }
        for (RequestLatencyRecorder recorder : recorders.all()) {
            seriesByName.computeIfAbsent(recorder.requestName(), name -> new Series(recorder)).logInterval(lastTickMs, nowMs);
        }
        lastTickMs = nowMs;
    }

    /**
     * Ends the warm-up at {@code nowMs}: the interval up to it is logged as warm-up, everything after it is
     * measured. Calling it when not warming up does nothing.
     */
    public synchronized void endWarmup(long nowMs) {
        if (!warmingUp || finished) {
            return;
        }
        tick(nowMs);
        warmingUp = false;
        for (Series series : seriesByName.values()) {
            series.comment("warm-up ended at " + Instant.ofEpochMilli(nowMs) + " (" + secondsSinceStart(nowMs)
                    + " s after start); intervals tagged " + series.tag + WARMUP_TAG_SUFFIX + " are excluded from the totals");
        }
    }

    public synchronized boolean warmingUp() {
        return warmingUp;
    }

    /**
     * Closes the last interval, writes the {@code .hgrm} percentile distributions and closes the logs.
     * Idempotent: later calls return the same totals.
     */
    public synchronized Map<String, RequestLatencyTotals> finish(long nowMs) {
        if (!finished) {
            tick(nowMs);
            finished = true;
            for (Series series : seriesByName.values()) {
                series.close();
            }
        }
        return totals();
    }

    /** Copies of the measured (post-warm-up) totals so far, by request name. */
    public synchronized Map<String, RequestLatencyTotals> totals() {
        Map<String, RequestLatencyTotals> totals = new LinkedHashMap<>();
        for (Series series : seriesByName.values()) {
            totals.put(series.recorder.requestName(), new RequestLatencyTotals(series.recorder.requestName(),
                    series.intended.total.copy(), series.service.total.copy(), series.intended.warmupCount,
                    series.recorder.saturatedCount()));
        }
        return totals;
    }

    /** Every file written so far, relative to the {@code hdr/} directory, sorted. */
    public synchronized List<String> fileNames() {
        List<String> names = new ArrayList<>();
        for (Series series : seriesByName.values()) {
            String name = series.recorder.requestName();
            for (LatencyKind kind : LatencyKind.values()) {
                names.add(kind.hlogFileName(name));
                if (finished) {
                    names.add(kind.hgrmFileName(name));
                }
            }
        }
        names.sort(null);
        return names;
    }

    private String secondsSinceStart(long ms) {
        return String.format(Locale.ROOT, "%.3f", (ms - startMs) / 1000.0);
    }

    /** One request name: its two logs and totals. */
    private final class Series {
        final RequestLatencyRecorder recorder;
        final String tag;
        final KindLog intended;
        final KindLog service;

        Series(RequestLatencyRecorder recorder) {
            this.recorder = recorder;
            this.tag = LatencyRecorders.fileName(recorder.requestName());
            this.intended = new KindLog(LatencyKind.INTENDED);
            this.service = new KindLog(LatencyKind.SERVICE);
        }

        void logInterval(long fromMs, long toMs) {
            intended.recycle = recorder.intervalIntended(intended.recycle);
            intended.log(fromMs, toMs);
            service.recycle = recorder.intervalService(service.recycle);
            service.log(fromMs, toMs);
        }

        void comment(String text) {
            intended.writer.outputComment(text);
            service.writer.outputComment(text);
        }

        void close() {
            intended.close();
            service.close();
        }

        /** One kind (intended or service) of one request. */
        private final class KindLog {
            final LatencyKind kind;
            final HistogramLogWriter writer;
            final Histogram total = LatencyHistograms.newHistogram();
            Histogram recycle;
            long warmupCount;

            KindLog(LatencyKind kind) {
                this.kind = kind;
                File file = hdrDir.resolve(kind.hlogFileName(recorder.requestName())).toFile();
                try {
                    this.writer = new HistogramLogWriter(file);
                } catch (FileNotFoundException e) {
                    throw new UncheckedIOException("cannot write the interval log " + file + ": " + e.getMessage(), e);
                }
                writer.outputLogFormatVersion();
                writer.outputComment("request " + recorder.requestName() + ", latency "
                        + (kind == LatencyKind.INTENDED ? "from the intended start" : "as service time")
                        + "; values in microseconds, Interval_Max in milliseconds; tag " + tag
                        + " = measured, " + tag + WARMUP_TAG_SUFFIX + " = warm-up");
                // HistogramLogWriter.outputStartTime prints Date.toString() (zone-dependent): write the same
                // line with an ISO-8601 UTC instant instead; readers only parse the seconds.
                writer.outputComment(String.format(Locale.ROOT, "[StartTime: %.3f (seconds since epoch), %s]",
                        startMs / 1000.0, Instant.ofEpochMilli(startMs)));
                writer.setBaseTime(startMs);
                writer.outputBaseTime(startMs);
                writer.outputLegend();
            }

            void log(long fromMs, long toMs) {
                recycle.setStartTimeStamp(fromMs);
                recycle.setEndTimeStamp(toMs);
                recycle.setTag(warmingUp ? tag + WARMUP_TAG_SUFFIX : tag);
                writer.outputIntervalHistogram((fromMs - startMs) / 1000.0, (toMs - startMs) / 1000.0, recycle,
                        LatencyHistograms.MICROS_PER_MILLI);
                if (warmingUp) {
                    warmupCount += recycle.getTotalCount();
                } else {
                    total.add(recycle);
                }
            }

            void close() {
                writer.close();
                LatencyLogFiles.writeDistribution(hdrDir.resolve(kind.hgrmFileName(recorder.requestName())), total);
            }
        }
    }
}
