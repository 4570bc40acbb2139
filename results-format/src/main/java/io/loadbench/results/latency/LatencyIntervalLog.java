package io.loadbench.results.latency;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
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
 * <p>A {@link LatencyIntervalListener} given to {@link #open(Path, LatencyRecorders, long, boolean, LatencyIntervalListener)}
 * hears every interval right after it was written, with the same histograms: live views read the log's numbers
 * instead of recording each request again.
 *
 * <p>Times are epoch milliseconds passed in by the caller (tests use fixed values); the logs' base time is
 * the start of the run, so their interval timestamps are seconds since the run began. All methods are
 * synchronized: a ticker thread and the thread ending the run may call them concurrently.
 *
 * <p>A write that fails (a full disk, a file that cannot be created) is never swallowed, although
 * HdrHistogram's writer prints through a {@link PrintStream}, which hides I/O errors: the first failure, with
 * its cause, is thrown by the call that met it and again by every later {@link #tick}, {@link #endWarmup} and
 * {@link #finish}, so a truncated {@code .hlog} always fails the run that wrote it.
 */
public final class LatencyIntervalLog {

    /** The tag suffix of intervals recorded during warm-up. */
    public static final String WARMUP_TAG_SUFFIX = ".warmup";

    /** Opens the stream a log file is written to: files in a run, a failing stream in tests. */
    @FunctionalInterface
    interface StreamOpener {
        OutputStream open(Path file) throws IOException;
    }

    private final Path hdrDir;
    private final StreamOpener opener;
    private final LatencyRecorders recorders;
    private final LatencyIntervalListener listener;
    private final long startMs;
    private final Map<String, Series> seriesByName = new TreeMap<>();
    private long lastTickMs;
    private boolean warmingUp;
    private boolean finished;
    private UncheckedIOException failure;

    private LatencyIntervalLog(Path hdrDir, StreamOpener opener, LatencyRecorders recorders, long startMs, boolean warmingUp,
                               LatencyIntervalListener listener) {
        this.hdrDir = hdrDir;
        this.opener = opener;
        this.recorders = recorders;
        this.listener = listener;
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
        return open(hdrDir, recorders, startMs, warmingUp, LatencyIntervalListener.NONE);
    }

    /**
     * As {@link #open(Path, LatencyRecorders, long, boolean)}, handing every interval written to {@code listener}
     * (after it was written, on the ticking thread).
     */
    public static LatencyIntervalLog open(Path hdrDir, LatencyRecorders recorders, long startMs, boolean warmingUp,
                                          LatencyIntervalListener listener) {
        return open(hdrDir, recorders, startMs, warmingUp, Files::newOutputStream, listener);
    }

    /** As {@link #open(Path, LatencyRecorders, long, boolean)}, writing each file through {@code opener}. */
    static LatencyIntervalLog openThrough(Path hdrDir, LatencyRecorders recorders, long startMs, boolean warmingUp, StreamOpener opener) {
        return open(hdrDir, recorders, startMs, warmingUp, opener, LatencyIntervalListener.NONE);
    }

    private static LatencyIntervalLog open(Path hdrDir, LatencyRecorders recorders, long startMs, boolean warmingUp,
                                           StreamOpener opener, LatencyIntervalListener listener) {
        try {
            Files.createDirectories(hdrDir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the latency directory " + hdrDir + ": " + e.getMessage(), e);
        }
        return new LatencyIntervalLog(hdrDir, opener, recorders, startMs, warmingUp, listener);
    }

    /** Closes the current interval at {@code nowMs} and appends it to every request's logs. */
    public synchronized void tick(long nowMs) {
        throwIfFailed();
        if (finished) {
            return;
        }
        if (nowMs < lastTickMs) {
            throw new IllegalArgumentException("interval end " + nowMs + " ms is before its start " + lastTickMs + " ms");
        }
        try {
            for (RequestLatencyRecorder recorder : recorders.all()) {
                seriesByName.computeIfAbsent(recorder.requestName(), name -> new Series(recorder)).logInterval(lastTickMs, nowMs);
            }
        } catch (UncheckedIOException e) {
            throw failed(e);
        }
        if (listener != LatencyIntervalListener.NONE) {
            List<LatencyInterval.Request> requests = new ArrayList<>(seriesByName.size());
            for (Series series : seriesByName.values()) {
                requests.add(new LatencyInterval.Request(series.recorder.requestName(), series.intended.recycle, series.service.recycle));
            }
            listener.intervalLogged(new LatencyInterval(lastTickMs, nowMs, warmingUp, requests));
        }
        lastTickMs = nowMs;
    }

    /** The first write that failed, if any: the logs are incomplete from there on. */
    public synchronized java.util.Optional<UncheckedIOException> failure() {
        return java.util.Optional.ofNullable(failure);
    }

    private UncheckedIOException failed(UncheckedIOException e) {
        if (failure == null) {
            failure = e;
        }
        return failure;
    }

    private void throwIfFailed() {
        if (failure != null) {
            throw failure;
        }
    }

    /**
     * Ends the warm-up at {@code nowMs}: the interval up to it is logged as warm-up, everything after it is
     * measured. Calling it when not warming up does nothing.
     */
    public synchronized void endWarmup(long nowMs) {
        throwIfFailed();
        if (!warmingUp || finished) {
            return;
        }
        // the ticker may have closed an interval since the caller read its clock: the warm-up ends with that tick
        nowMs = Math.max(nowMs, lastTickMs);
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
            try {
                if (failure == null) {
                    tick(nowMs);
                }
            } finally {
                finished = true;
                // every log is closed, also after a failure: the streams are released and the rest is kept
                for (Series series : seriesByName.values()) {
                    try {
                        series.close();
                    } catch (UncheckedIOException e) {
                        failed(e);
                    }
                }
            }
        }
        throwIfFailed();
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

    /** Keeps the first I/O error of the stream it wraps, which {@link PrintStream} would reduce to a flag. */
    private static final class FailureKeepingStream extends FilterOutputStream {
        IOException failure;

        FailureKeepingStream(OutputStream out) {
            super(out);
        }

        @Override
        public void write(int b) throws IOException {
            try {
                out.write(b);
            } catch (IOException e) {
                throw kept(e);
            }
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            try {
                out.write(bytes, offset, length);
            } catch (IOException e) {
                throw kept(e);
            }
        }

        @Override
        public void flush() throws IOException {
            try {
                out.flush();
            } catch (IOException e) {
                throw kept(e);
            }
        }

        @Override
        public void close() throws IOException {
            try {
                out.close();
            } catch (IOException e) {
                throw kept(e);
            }
        }

        private IOException kept(IOException e) {
            if (failure == null) {
                failure = e;
            }
            return e;
        }
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
            try {
                intended.comment(text);
                service.comment(text);
            } catch (UncheckedIOException e) {
                throw failed(e);
            }
        }

        void close() {
            try {
                intended.close();
            } finally {
                service.close();
            }
        }

        /** One kind (intended or service) of one request. */
        private final class KindLog {
            final LatencyKind kind;
            final Path file;
            final FailureKeepingStream stream;
            final PrintStream print;
            final HistogramLogWriter writer;
            final Histogram total = LatencyHistograms.newHistogram();
            Histogram recycle;
            long warmupCount;

            KindLog(LatencyKind kind) {
                this.kind = kind;
                this.file = hdrDir.resolve(kind.hlogFileName(recorder.requestName()));
                try {
                    this.stream = new FailureKeepingStream(opener.open(file));
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot write the interval log " + file + ": " + e.getMessage(), e);
                }
                this.print = new PrintStream(stream, false, StandardCharsets.UTF_8);
                this.writer = new HistogramLogWriter(print);
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
                check();
            }

            void comment(String text) {
                writer.outputComment(text);
                check();
            }

            /** Throws the write error the print stream swallowed, with the stream's own cause. */
            void check() {
                print.flush();
                if (stream.failure != null || print.checkError()) {
                    IOException cause = stream.failure != null ? stream.failure : new IOException("write failed");
                    throw new UncheckedIOException("cannot write the interval log " + file + ": " + cause.getMessage(), cause);
                }
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
                check();
            }

            void close() {
                try {
                    check();
                } finally {
                    writer.close();
                }
                if (stream.failure != null) {
                    throw new UncheckedIOException("cannot write the interval log " + file + ": " + stream.failure.getMessage(), stream.failure);
                }
                LatencyLogFiles.writeDistribution(hdrDir.resolve(kind.hgrmFileName(recorder.requestName())), total);
            }
        }
    }
}
