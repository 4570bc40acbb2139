package io.loadbench.loader.cli;

import io.loadbench.loader.sink.postgres.LoadListener;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

import java.io.PrintStream;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * Load progress on stderr: rows, rows/s, MB/s and ETA. On a terminal a live progress bar (me.tongfei
 * progressbar); otherwise (a log file, CI) one line every {@value #LINE_INTERVAL_SECONDS} seconds and a last
 * line at the end, so logs stay readable.
 */
final class ProgressDisplay implements LoadListener, AutoCloseable {

    static final int LINE_INTERVAL_SECONDS = 10;

    private final String task;
    private final long totalRows;
    private final PrintStream err;
    private final LongSupplier nanoClock;
    private final long startedNanos;
    private final AtomicLong rows = new AtomicLong();
    private final AtomicLong bytes = new AtomicLong();
    private final ProgressBar bar;
    private boolean barClosed;
    private long lastLineNanos;
    /** When the last batch committed: the final line's rates stop there, before index builds. */
    private volatile long lastBatchNanos;

    ProgressDisplay(String task, long totalRows, PrintStream err, boolean interactive, LongSupplier nanoClock) {
        this.task = task;
        this.totalRows = totalRows;
        this.err = err;
        this.nanoClock = nanoClock;
        this.startedNanos = nanoClock.getAsLong();
        this.lastLineNanos = startedNanos;
        this.bar = interactive ? new ProgressBarBuilder()
                .setTaskName(task)
                .setInitialMax(Math.max(1, totalRows))
                .setStyle(ProgressBarStyle.ASCII)
                .setUnit(" rows", 1)
                .showSpeed()
                .setUpdateIntervalMillis(500)
                .setConsumer(new ConsoleProgressBarConsumer(err))
                .build() : null;
    }

    @Override
    public void batchCommitted(String table, long batchNo, long batchRows, long batchBytes, int worker) {
        long doneRows = rows.addAndGet(batchRows);
        long doneBytes = bytes.addAndGet(batchBytes);
        lastBatchNanos = nanoClock.getAsLong();
        double seconds = Math.max(1e-9, (lastBatchNanos - startedNanos) / 1e9);
        if (bar != null) {
            synchronized (bar) {
                if (!barClosed) {
                    bar.stepTo(doneRows);
                    bar.setExtraMessage(String.format(Locale.ROOT, " %.1f MB/s", doneBytes / 1e6 / seconds));
                    if (doneRows >= totalRows) {
                        // freeze the rates at the last row: index builds that follow are not load speed
                        bar.close();
                        barClosed = true;
                    }
                }
            }
            return;
        }
        synchronized (this) {
            long now = nanoClock.getAsLong();
            if (now - lastLineNanos >= LINE_INTERVAL_SECONDS * 1_000_000_000L) {
                lastLineNanos = now;
                err.println(line(doneRows, doneBytes, seconds));
            }
        }
    }

    String line(long doneRows, long doneBytes, double seconds) {
        double rowsPerSecond = doneRows / seconds;
        String eta = rowsPerSecond <= 0 ? "?" : Math.round((totalRows - doneRows) / rowsPerSecond) + " s";
        return String.format(Locale.ROOT, "%s: %,d/%,d rows (%.1f%%), %,.0f rows/s, %.1f MB/s, ETA %s",
                task, doneRows, totalRows, totalRows == 0 ? 100.0 : 100.0 * doneRows / totalRows, rowsPerSecond,
                doneBytes / 1e6 / seconds, eta);
    }

    @Override
    public void close() {
        if (bar != null) {
            synchronized (bar) {
                if (!barClosed) {
                    bar.close();
                    barClosed = true;
                }
            }
        } else if (rows.get() > 0) {
            double seconds = Math.max(1e-9, (lastBatchNanos - startedNanos) / 1e9);
            err.println(line(rows.get(), bytes.get(), seconds));
        }
    }
}
