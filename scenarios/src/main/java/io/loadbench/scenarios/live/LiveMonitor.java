package io.loadbench.scenarios.live;

import io.loadbench.results.latency.LatencyInterval;
import io.loadbench.results.latency.LatencyIntervalListener;
import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.function.LongSupplier;
import org.HdrHistogram.Histogram;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A run's live view: hears every interval of its interval log ({@link LatencyIntervalListener}), turns it into a
 * {@link LiveSample} once a second, and shows it as the progress line on stderr and, with a metrics port, through
 * {@code /metrics} and the live page. Requests are never recorded a second time: the latencies are the interval
 * log's histograms, the counts the protocol's counters.
 *
 * <p>Lifecycle, driven by the run: {@link #open} when the run opens (the endpoint binds then, so a port in use fails
 * the run before its target and its load), {@link #measuring} when the measurement begins, {@link #verdict} when it
 * is decided, {@link #close} at the end. Thread-safe.
 *
 * <p>After the verdict, {@link #close} keeps the endpoint up only while a live page that has been polling has not yet
 * received the verdict, and for {@link #VERDICT_LINGER} at most (the page polls every second); a Prometheus scraper
 * gets no such grace: the run's final numbers are in its run folder.
 */
public final class LiveMonitor implements LatencyIntervalListener, AutoCloseable {

    /**
     * The longest {@link #close} waits for a polling page to fetch the verdict: the page polls every second, and a
     * busy machine can delay a poll by seconds.
     */
    public static final Duration VERDICT_LINGER = Duration.ofSeconds(5);

    /** Samples the live page can fetch: the last 15 minutes (a page opened later starts there). */
    static final int HISTORY = 900;

    private static final Logger LOG = LoggerFactory.getLogger(LiveMonitor.class);

    private final LivePlan plan;
    private final LongSupplier nanoClock;
    private final Optional<ProgressConsole> console;
    private final Optional<LiveMetrics> metrics;
    private final Optional<LiveServer> server;
    private final Deque<LiveSample> history = new ArrayDeque<>();
    private Optional<LiveSource> source = Optional.empty();
    private Optional<LiveSampler> sampler = Optional.empty();
    private Optional<LiveSample> latest = Optional.empty();
    private Optional<LiveVerdict> verdict = Optional.empty();
    private boolean pagePolled;
    private boolean verdictServed;
    private boolean failureLogged;
    private boolean closed;

    private LiveMonitor(LivePlan plan, LongSupplier nanoClock, Optional<ProgressConsole> console, LiveOptions options) {
        this.plan = plan;
        this.nanoClock = nanoClock;
        this.console = console;
        if (options.metricsOn()) {
            LiveMetrics made = new LiveMetrics(plan, new LiveMetrics.State() {
                @Override
                public Optional<LiveSource> source() {
                    return LiveMonitor.this.source();
                }

                @Override
                public Optional<LiveSample> latest() {
                    return LiveMonitor.this.latest();
                }

                @Override
                public Optional<LiveVerdict> verdict() {
                    return LiveMonitor.this.verdict();
                }
            });
            this.metrics = Optional.of(made);
            this.server = Optional.of(LiveServer.start(options, made.registry(), LivePage.html(), this::liveJson, this::replySent));
        } else {
            this.metrics = Optional.empty();
            this.server = Optional.empty();
        }
    }

    /**
     * Opens the live view of a run: the progress display on {@code err} (a bar above the line when {@code terminal})
     * when {@code options.progress()}, and the endpoint when {@code options.metricsOn()}.
     *
     * @throws LiveServerException when the endpoint cannot bind (one line naming the property)
     */
    public static LiveMonitor open(LiveOptions options, LivePlan plan, PrintStream err, boolean terminal) {
        return open(options, plan, err, terminal, System::nanoTime);
    }

    static LiveMonitor open(LiveOptions options, LivePlan plan, PrintStream err, boolean terminal, LongSupplier nanoClock) {
        Optional<ProgressConsole> console = options.progress()
                ? Optional.of(terminal ? ProgressConsole.terminal(err, plan.simulation()) : ProgressConsole.lines(err, plan.simulation()))
                : Optional.empty();
        LiveMonitor monitor = new LiveMonitor(plan, nanoClock, console, options);
        monitor.server.ifPresent(s -> {
            err.println(plan.simulation() + ": live page " + s.url() + ", Prometheus metrics " + s.url() + "metrics");
            err.flush();
        });
        return monitor;
    }

    /** Whether anything listens: the progress line or the endpoint. */
    public boolean active() {
        return console.isPresent() || server.isPresent();
    }

    /** The live page's address, when the endpoint is served. */
    public Optional<String> url() {
        return server.map(LiveServer::url);
    }

    /** The measurement begins: from now on every interval of the log is a sample of {@code run}. */
    public synchronized void measuring(LiveSource run) {
        source = Optional.of(run);
        sampler = Optional.of(new LiveSampler(run, nanoClock));
    }

    /**
     * One interval of the log: a sample, shown and served. A failure here (a bug of the live view) is logged once and
     * never fails the run's measurement, whose files the log already wrote.
     */
    @Override
    public void intervalLogged(LatencyInterval interval) {
        LiveSource run;
        LiveSampler sampling;
        synchronized (this) {
            if (source.isEmpty() || closed) {
                return;
            }
            run = source.get();
            sampling = sampler.get();
        }
        try {
            Histogram lag = run.lagInterval();
            metrics.ifPresent(m -> m.intervalLogged(interval, run.transactionCounts().keySet(), lag));
            Optional<LiveSample> sampled = sampling.sample(interval, lag);
            if (sampled.isEmpty()) {
                return;
            }
            LiveSample sample = sampled.get();
            synchronized (this) {
                history.addLast(sample);
                while (history.size() > HISTORY) {
                    history.removeFirst();
                }
                latest = Optional.of(sample);
            }
            console.ifPresent(c -> c.show(sample));
        } catch (RuntimeException e) {
            synchronized (this) {
                if (failureLogged) {
                    return;
                }
                failureLogged = true;
            }
            LOG.warn("{}: the live view failed, the run goes on: {}", plan.simulation(), e.toString());
        }
    }

    /** The run's verdict, for the page and {@code loadbench_run_verdict}. */
    public synchronized void verdict(LiveVerdict decided) {
        verdict = Optional.of(decided);
    }

    synchronized Optional<LiveSource> source() {
        return source;
    }

    synchronized Optional<LiveSample> latest() {
        return latest;
    }

    synchronized Optional<LiveVerdict> verdict() {
        return verdict;
    }

    /** The reply to {@code /live.json?after=seq}. */
    private LiveServer.Reply liveJson(long after) {
        List<LiveSample> newer = new ArrayList<>();
        Optional<LiveSource> run;
        Optional<LiveVerdict> decided;
        String state;
        long lastSeq;
        synchronized (this) {
            for (LiveSample sample : history) {
                if (sample.seq() > after) {
                    newer.add(sample);
                }
            }
            run = source;
            decided = verdict;
            state = decided.isPresent() ? "finished" : run.isPresent() ? "running" : "preparing";
            lastSeq = latest.map(LiveSample::seq).orElse(0L);
        }
        return new LiveServer.Reply(LiveJson.render(plan, state, run, newer, lastSeq, decided), decided.isPresent());
    }

    /** A reply was written to its page: the page is polling, and has the verdict if the reply carried it. */
    private synchronized void replySent(LiveServer.Reply reply) {
        pagePolled = true;
        if (reply.carriesVerdict()) {
            verdictServed = true;
            notifyAll();
        }
    }

    /**
     * Ends the live view: closes the progress display and, once a polling page has the verdict (or after
     * {@link #VERDICT_LINGER}), the endpoint. Idempotent.
     */
    @Override
    public void close() {
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
        }
        console.ifPresent(ProgressConsole::close);
        if (server.isPresent()) {
            awaitVerdictServed();
            server.get().close();
        }
    }

    private synchronized void awaitVerdictServed() {
        if (!pagePolled || verdict.isEmpty()) {
            return;
        }
        long deadline = System.nanoTime() + VERDICT_LINGER.toNanos();
        try {
            while (!verdictServed) {
                long leftMs = (deadline - System.nanoTime()) / 1_000_000;
                if (leftMs <= 0) {
                    return;
                }
                wait(leftMs);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
