package io.loadbench.scenarios.protocol;

import io.loadbench.results.latency.LatencyRecorders;
import io.loadbench.results.latency.RequestLatencyRecorder;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * What the datastore protocol shares across every scenario of one simulation: the latency recorders and
 * request counters of the run, and the {@link DatastoreEngine} (pools + executor), started on first use with
 * the protocol's settings and closed by {@link #close()} (the simulation's {@code after} hook, and Gatling's
 * termination as a safety net).
 *
 * <p>Measurement wraps the client: {@link #record} is where every finished request lands, whatever the
 * DSL method that issued it.
 */
public final class DatastoreRuntime implements AutoCloseable {

    /** Failed requests are recorded as their own series, named {@code <request>.failed}. */
    public static final String FAILED_SUFFIX = ".failed";

    private final DatastoreConnector connector;
    private final LatencyRecorders recorders;
    private final RequestCounters counters = new RequestCounters();
    private final RequestCounters transactions = new RequestCounters();
    private final InjectorTimeline timeline = new InjectorTimeline();
    private final java.util.concurrent.atomic.LongAccumulator lastEndNanos =
            new java.util.concurrent.atomic.LongAccumulator(Math::max, Long.MIN_VALUE);
    private volatile boolean firstRequestSeen;
    private volatile Runnable firstRequestListener = () -> { };
    private volatile Consumer<String> startFailureListener = reason -> { };
    private DatastoreEngine engine;
    private DatastoreSettings startedWith;
    private boolean closed;

    public DatastoreRuntime(DatastoreConnector connector, LatencyRecorders recorders) {
        this.connector = connector;
        this.recorders = recorders;
    }

    /** The engine, started with {@code settings} on the first call; later calls must pass the same settings. */
    public synchronized DatastoreEngine engine(DatastoreSettings settings) {
        if (closed) {
            throw new IllegalStateException("the datastore protocol is closed");
        }
        if (engine == null) {
            engine = DatastoreEngine.start(connector, settings);
            startedWith = settings;
        } else if (!startedWith.equals(settings)) {
            throw new IllegalArgumentException("two datastore protocols with different settings in one simulation: "
                    + startedWith + " vs " + settings + "; use one protocol");
        }
        return engine;
    }

    /**
     * Opens {@code store} on the engine for a request being built; a target without it, or a server that refuses,
     * fails here with one line, which the {@link #onStartFailure} listener hears first (Gatling, failing to build
     * its scenarios, calls no {@code after} hook).
     */
    public void require(DatastoreEngine started, Store store) {
        try {
            synchronized (this) {
                started.open(store);
            }
        } catch (RuntimeException e) {
            startFailureListener.accept(DatastoreEngine.oneLine(e));
            throw e;
        }
    }

    /** Called with the one-line reason when a store cannot be opened for the simulation's requests. */
    public void onStartFailure(Consumer<String> listener) {
        this.startFailureListener = listener;
    }

    /** Whether some request of the simulation uses Redis (its pool is open). */
    public synchronized boolean usesRedis() {
        return engine != null && engine.isOpen(Store.REDIS);
    }

    /** The running engine, or null before the first request. */
    public synchronized DatastoreEngine engineIfStarted() {
        return engine;
    }

    public LatencyRecorders recorders() {
        return recorders;
    }

    public RequestCounters counters() {
        return counters;
    }

    /** Requests dropped because the executor queue was full. */
    public synchronized long droppedCount() {
        return engine == null ? 0 : engine.droppedCount();
    }

    /** Called once, on the thread of the first request a virtual user starts (the load has begun). */
    public void onFirstRequest(Runnable listener) {
        this.firstRequestListener = listener;
    }

    /**
     * Marks a request as starting: records its lag and, for a user's first request after its arrival, the arrival;
     * the first request notifies the {@link #onFirstRequest} listener.
     */
    public void requestStarting(long intendedNanos, long actualNanos, boolean arrival) {
        if (!firstRequestSeen) {
            synchronized (this) {
                if (!firstRequestSeen) {
                    firstRequestSeen = true;
                    firstRequestListener.run();
                }
            }
        }
        timeline.requestStarted(intendedNanos, actualNanos, arrival);
    }

    /** The schedule's origin, lag, arrivals and concurrency. */
    public InjectorTimeline timeline() {
        return timeline;
    }

    /** Counts a request that crashed before it had a latency (it could not be built or completed). */
    public void recordCrash(String requestName) {
        counters.recordCrash(requestName);
    }

    /**
     * Records one transaction (a named group of requests): from its intended start to the end of its last
     * request, into {@code <name>} or {@code <name>.failed}, and its counts.
     */
    public void recordTransaction(String name, long intendedStartNanos, long actualStartNanos, long endNanos, boolean ok) {
        recorders.forRequest(ok ? name : name + FAILED_SUFFIX).recordNanos(intendedStartNanos, actualStartNanos, endNanos);
        if (ok) {
            transactions.recordOk(name);
        } else {
            transactions.recordKo(name);
        }
    }

    /** The transactions' counts, by name. */
    public RequestCounters transactionCounters() {
        return transactions;
    }

    /** {@link System#nanoTime()} when the last request finished, or {@link Long#MIN_VALUE} before any. */
    public long lastEndNanos() {
        return lastEndNanos.get();
    }

    /**
     * Records one finished request: latency into {@code <request>} or {@code <request>.failed}, and the
     * counters (a lookup's hit or miss only when it succeeded).
     */
    public void record(String requestName, Outcome<?> outcome, boolean ok, Optional<Boolean> lookupHit) {
        RequestLatencyRecorder recorder = recorders.forRequest(ok ? requestName : requestName + FAILED_SUFFIX);
        recorder.recordNanos(outcome.intendedStartNanos(), outcome.serviceStartNanos(), outcome.endNanos());
        lastEndNanos.accumulate(outcome.endNanos());
        if (ok) {
            counters.recordOk(requestName);
        } else {
            counters.recordKo(requestName);
        }
        lookupHit.ifPresent(hit -> counters.recordLookup(requestName, hit));
    }

    @Override
    public synchronized void close() {
        closed = true;
        if (engine != null) {
            engine.close();
        }
    }
}
