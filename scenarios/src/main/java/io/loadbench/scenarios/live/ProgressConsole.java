package io.loadbench.scenarios.live;

import java.io.PrintStream;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * Shows each {@link LiveSample} on stderr: one {@link ProgressLine} per sample when stderr is not a terminal (a
 * log, CI), or, on a terminal, a progress bar of the plan (me.tongfei progressbar) with the progress line under it,
 * both redrawn in place. Thread-safe.
 */
abstract class ProgressConsole implements AutoCloseable {

    final String simulation;

    private ProgressConsole(String simulation) {
        this.simulation = simulation;
    }

    /** Plain lines: what a log or CI gets. */
    static ProgressConsole lines(PrintStream err, String simulation) {
        return new Lines(err, simulation);
    }

    /** The bar with the line under it, for a terminal ({@code System.console() != null}). */
    static ProgressConsole terminal(PrintStream err, String simulation) {
        return new BarAboveLine(err, simulation);
    }

    abstract void show(LiveSample sample);

    @Override
    public abstract void close();

    private static final class Lines extends ProgressConsole {
        private final PrintStream err;

        Lines(PrintStream err, String simulation) {
            super(simulation);
            this.err = err;
        }

        @Override
        synchronized void show(LiveSample sample) {
            err.println(ProgressLine.format(simulation, sample));
            err.flush();
        }

        @Override
        public void close() {
            // every line is complete
        }
    }

    /**
     * The library renders the bar (percent, elapsed, ETA) on its own thread into this consumer, which draws it with
     * the latest progress line under it; each redraw goes back up to the bar's line first.
     */
    private static final class BarAboveLine extends ProgressConsole {
        private static final String UP_ONE_LINE = "\u001b[1A";
        private static final String CLEAR_LINE = "\u001b[2K";

        private final PrintStream err;
        private final BarConsumer consumer;
        private ProgressBar bar;
        private boolean closed;

        BarAboveLine(PrintStream err, String simulation) {
            super(simulation);
            this.err = err;
            this.consumer = new BarConsumer(err);
        }

        @Override
        synchronized void show(LiveSample sample) {
            if (closed) {
                return;
            }
            if (bar == null && sample.started()) {
                // the plan's length is known once the load started; an unknown one gives an indefinite bar
                bar = new ProgressBarBuilder().setTaskName(simulation)
                        .setInitialMax(sample.plannedSec() > 0 ? Math.round(sample.plannedSec()) : -1)
                        .setUnit(" s", 1).setStyle(ProgressBarStyle.ASCII).setUpdateIntervalMillis(1000)
                        .setConsumer(consumer).build();
            }
            if (bar != null) {
                long elapsed = Math.round(sample.elapsedSec());
                bar.stepTo(sample.plannedSec() > 0 ? Math.min(elapsed, Math.round(sample.plannedSec())) : elapsed);
            }
            consumer.status(ProgressLine.format(simulation, sample));
        }

        @Override
        public synchronized void close() {
            if (!closed) {
                closed = true;
                if (bar != null) {
                    bar.close();
                } else {
                    consumer.close();
                }
            }
        }

        private static final class BarConsumer extends ConsoleProgressBarConsumer {
            private final PrintStream out;
            private String barLine = "";
            private String statusLine = "";
            private boolean drawn;
            private boolean closed;

            BarConsumer(PrintStream out) {
                super(out);
                this.out = out;
            }

            @Override
            public synchronized void accept(String rendered) {
                barLine = rendered;
                redraw();
            }

            synchronized void status(String line) {
                statusLine = line;
                redraw();
            }

            private void redraw() {
                if (closed) {
                    return;
                }
                int width = Math.max(20, getMaxRenderedLength());
                StringBuilder screen = new StringBuilder();
                if (drawn) {
                    screen.append('\r').append(UP_ONE_LINE);
                }
                screen.append(CLEAR_LINE).append(fit(barLine, width)).append('\n')
                        .append(CLEAR_LINE).append(fit(statusLine, width));
                out.print(screen);
                out.flush();
                drawn = true;
            }

            private static String fit(String text, int width) {
                return text.length() <= width ? text : text.substring(0, width - 1) + "…";
            }

            @Override
            public synchronized void close() {
                if (!closed) {
                    closed = true;
                    out.println();
                    out.flush();
                }
            }
        }
    }
}
