package io.loadbench.loader.cli;

import io.loadbench.loader.sink.postgres.LoadListener;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

import java.io.PrintStream;
import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * Load progress on stderr, phase by phase: the tables' COPY (rows, rows/s, MB/s, ETA), then each output step (a
 * Redis fill in keys, a file in rows: units, units/s, ETA). On a terminal a live progress bar per phase (me.tongfei
 * progressbar); otherwise (a log file, CI) one line every {@value #LINE_INTERVAL_SECONDS} seconds and a last line
 * when the phase ends, so logs stay readable.
 */
final class ProgressDisplay implements LoadListener, AutoCloseable {

    static final int LINE_INTERVAL_SECONDS = 10;

    private final PrintStream err;
    private final boolean interactive;
    private final LongSupplier nanoClock;
    private final Phase tables;
    private Phase step;

    ProgressDisplay(String task, long totalRows, PrintStream err, boolean interactive, LongSupplier nanoClock) {
        this.err = err;
        this.interactive = interactive;
        this.nanoClock = nanoClock;
        this.tables = new Phase(task, totalRows, "rows", true);
    }

    @Override
    public void batchCommitted(String table, long batchNo, long batchRows, long batchBytes, int worker) {
        tables.add(batchRows, batchBytes);
    }

    @Override
    public void outputStepStarted(String name, long units, String unit) {
        // the tables are done: their last line (or bar) now, before the step's
        tables.close();
        Phase started = new Phase(name, units, unit, false);
        synchronized (this) {
            step = started;
        }
    }

    @Override
    public void outputStepProgress(String name, long unitsDone) {
        Phase running;
        synchronized (this) {
            running = step;
        }
        if (running != null) {
            running.advanceTo(unitsDone);
        }
    }

    @Override
    public void outputStepFinished(String name) {
        Phase finished;
        synchronized (this) {
            finished = step;
            step = null;
        }
        if (finished != null) {
            finished.close();
        }
    }

    @Override
    public void close() {
        tables.close();
        outputStepFinished(null);
    }

    /** One phase: its totals, and its bar (terminal) or the time of its last line. Thread-safe. */
    private final class Phase {
        private final String task;
        private final long total;
        private final String unit;
        private final boolean showsBytes;
        private final long startedNanos;
        private final ProgressBar bar;
        private long done;
        private long bytes;
        private long lastLineNanos;
        /** When the last unit was done: the final line's rates stop there (index builds after a COPY are not load speed). */
        private long lastProgressNanos;
        private boolean closed;

        Phase(String task, long total, String unit, boolean showsBytes) {
            this.task = task;
            this.total = total;
            this.unit = unit;
            this.showsBytes = showsBytes;
            this.startedNanos = nanoClock.getAsLong();
            this.lastLineNanos = startedNanos;
            this.lastProgressNanos = startedNanos;
            this.bar = interactive ? new ProgressBarBuilder()
                    .setTaskName(task)
                    .setInitialMax(Math.max(1, total))
                    .setStyle(ProgressBarStyle.ASCII)
                    .setUnit(" " + unit, 1)
                    .showSpeed()
                    .setUpdateIntervalMillis(500)
                    .setConsumer(new ConsoleProgressBarConsumer(err))
                    .build() : null;
        }

        synchronized void add(long units, long addedBytes) {
            update(done + units, bytes + addedBytes);
        }

        synchronized void advanceTo(long unitsDone) {
            update(Math.max(done, unitsDone), bytes);
        }

        private void update(long doneUnits, long doneBytes) {
            if (closed) {
                return;
            }
            done = doneUnits;
            bytes = doneBytes;
            lastProgressNanos = nanoClock.getAsLong();
            double seconds = Math.max(1e-9, (lastProgressNanos - startedNanos) / 1e9);
            if (bar != null) {
                bar.stepTo(done);
                if (showsBytes) {
                    bar.setExtraMessage(String.format(Locale.ROOT, " %.1f MB/s", bytes / 1e6 / seconds));
                }
                if (done >= total) {
                    // freeze the rates at the last unit: what follows (index builds) is not load speed
                    close();
                }
                return;
            }
            if (lastProgressNanos - lastLineNanos >= LINE_INTERVAL_SECONDS * 1_000_000_000L) {
                lastLineNanos = lastProgressNanos;
                err.println(line(done, bytes, seconds));
            }
        }

        String line(long doneUnits, long doneBytes, double seconds) {
            double perSecond = doneUnits / seconds;
            String eta = perSecond <= 0 ? "?" : Math.round((total - doneUnits) / perSecond) + " s";
            return String.format(Locale.ROOT, "%s: %,d/%,d %s (%.1f%%), %,.0f %s/s, %sETA %s",
                    task, doneUnits, total, unit, total == 0 ? 100.0 : 100.0 * doneUnits / total, perSecond, unit,
                    showsBytes ? String.format(Locale.ROOT, "%.1f MB/s, ", doneBytes / 1e6 / seconds) : "", eta);
        }

        synchronized void close() {
            if (closed) {
                return;
            }
            closed = true;
            if (bar != null) {
                bar.close();
            } else if (done > 0) {
                err.println(line(done, bytes, Math.max(1e-9, (lastProgressNanos - startedNanos) / 1e9)));
            }
        }
    }
}
