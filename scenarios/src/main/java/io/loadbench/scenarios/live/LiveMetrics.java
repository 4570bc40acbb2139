package io.loadbench.scenarios.live;

import io.loadbench.results.latency.LatencyInterval;
import io.loadbench.scenarios.protocol.RequestCounters;
import io.prometheus.metrics.core.metrics.CounterWithCallback;
import io.prometheus.metrics.core.metrics.GaugeWithCallback;
import io.prometheus.metrics.core.metrics.Info;
import io.prometheus.metrics.model.registry.MultiCollector;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.prometheus.metrics.model.snapshots.HistogramSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import io.prometheus.metrics.model.snapshots.Unit;
import java.lang.management.ManagementFactory;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.HdrHistogram.Histogram;

/**
 * The run's metrics in a Prometheus registry of its own (never the client's static default registry): counters and
 * gauges are the client's callback metrics, read from the run's counters at each scrape; the latency histograms are
 * classic histograms, cumulative since the run began, filled from the interval log's histograms once a second
 * ({@link ClassicBuckets}). Names and types are listed in {@code docs/live-metrics.md}. Warm-up is included
 * everywhere; {@code loadbench_run_warming_up} says when it is on. Thread-safe.
 *
 * <p>Histograms rather than summaries: buckets from many injectors (or shards) and many scrapes add up, and
 * {@code histogram_quantile} over them is a percentile of all requests; a summary's quantiles cannot be combined,
 * which is the averaging of percentiles this project refuses.
 */
final class LiveMetrics {

    /** Where the metrics read what is not theirs: the run's state, through the monitor. */
    interface State {
        Optional<LiveSource> source();

        Optional<LiveSample> latest();

        Optional<LiveVerdict> verdict();
    }

    private final PrometheusRegistry registry = new PrometheusRegistry();
    private final State state;
    private final Map<String, ClassicBuckets> intended = new TreeMap<>();
    private final Map<String, ClassicBuckets> service = new TreeMap<>();
    private final Map<String, ClassicBuckets> transactions = new TreeMap<>();
    private final ClassicBuckets lag = new ClassicBuckets();

    LiveMetrics(LivePlan plan, State state) {
        this.state = state;
        Info info = Info.builder().name("loadbench_run").help("The run: simulation, preset and run folder")
                .labelNames("simulation", "preset", "run").register(registry);
        info.setLabelValues(plan.simulation(), plan.preset(), plan.runFolder());
        counters();
        gauges();
        registry.register(new Histograms());
    }

    PrometheusRegistry registry() {
        return registry;
    }

    /** Adds one interval's histograms (microseconds) and its lag; {@code transactionNames} tells transactions apart. */
    synchronized void intervalLogged(LatencyInterval interval, Set<String> transactionNames, Histogram lagUs) {
        for (LatencyInterval.Request request : interval.requests()) {
            String name = request.requestName();
            if (transactionNames.contains(LiveSampler.baseName(name))) {
                transactions.computeIfAbsent(name, n -> new ClassicBuckets()).add(request.intended());
            } else {
                intended.computeIfAbsent(name, n -> new ClassicBuckets()).add(request.intended());
                service.computeIfAbsent(name, n -> new ClassicBuckets()).add(request.service());
            }
        }
        lag.add(lagUs);
    }

    private void counters() {
        CounterWithCallback.builder().name("loadbench_requests")
                .help("Requests completed, by request name and outcome (ok, ko = failed, crashed = no latency)")
                .labelNames("request", "outcome")
                .callback(callback -> state.source().ifPresent(source -> byOutcome(source.requestCounts(), callback)))
                .register(registry);
        CounterWithCallback.builder().name("loadbench_transactions")
                .help("Transactions (named groups of requests) completed, by name and outcome")
                .labelNames("transaction", "outcome")
                .callback(callback -> state.source().ifPresent(source -> byOutcome(source.transactionCounts(), callback)))
                .register(registry);
        CounterWithCallback.builder().name("loadbench_dropped_requests")
                .help("Requests dropped without running because an executor queue was full (the injector could not keep up)")
                .callback(callback -> state.source().ifPresent(source -> callback.call(source.dropped())))
                .register(registry);
        CounterWithCallback.builder().name("loadbench_arrivals")
                .help("Arrivals of the schedules that issued their first request")
                .callback(callback -> state.source().ifPresent(source -> callback.call(source.arrivals())))
                .register(registry);
        CounterWithCallback.builder().name("loadbench_injector_cpu_seconds").unit(Unit.SECONDS)
                .help("CPU time the injector's process (this JVM: Gatling, the protocol, the embedded target's client side) used")
                .callback(callback -> callback.call(processCpuSeconds()))
                .register(registry);
    }

    private static void byOutcome(Map<String, RequestCounters.Counts> counts, CounterWithCallback.Callback callback) {
        counts.forEach((name, count) -> {
            callback.call(count.ok(), name, "ok");
            callback.call(count.ko(), name, "ko");
            callback.call(count.crashed(), name, "crashed");
        });
    }

    private void gauges() {
        GaugeWithCallback.builder().name("loadbench_active_users").help("The closed model's users active now")
                .callback(callback -> state.source().ifPresent(source -> callback.call(source.activeUsers())))
                .register(registry);
        GaugeWithCallback.builder().name("loadbench_target_users").help("The closed model's target users")
                .callback(callback -> state.source().filter(source -> source.targetUsers() > 0)
                        .ifPresent(source -> callback.call(source.targetUsers())))
                .register(registry);
        GaugeWithCallback.builder().name("loadbench_requests_in_flight").help("Requests queued or running now")
                .callback(callback -> state.source().ifPresent(source -> callback.call(source.inFlight())))
                .register(registry);
        GaugeWithCallback.builder().name("loadbench_target_arrivals_per_second")
                .help("Arrivals per second the open model's schedules made due in the last second")
                .callback(callback -> state.latest().flatMap(sample -> sample.targetArrivalsPerSec().isPresent()
                        ? Optional.of(sample.targetArrivalsPerSec().getAsDouble()) : Optional.<Double>empty())
                        .ifPresent(callback::call))
                .register(registry);
        GaugeWithCallback.builder().name("loadbench_run_elapsed_seconds").unit(Unit.SECONDS)
                .help("Seconds since the load's first arrival was due")
                .callback(callback -> state.latest().ifPresent(sample -> callback.call(sample.elapsedSec())))
                .register(registry);
        GaugeWithCallback.builder().name("loadbench_run_planned_seconds").unit(Unit.SECONDS)
                .help("How long the plan's load lasts")
                .callback(callback -> state.source().ifPresent(source -> callback.call(source.plannedLoad().toMillis() / 1000.0)))
                .register(registry);
        GaugeWithCallback.builder().name("loadbench_run_warming_up").help("1 while the run warms up (not measured), else 0")
                .callback(callback -> state.latest().ifPresent(sample -> callback.call(sample.warmup() ? 1 : 0)))
                .register(registry);
        GaugeWithCallback.builder().name("loadbench_run_verdict")
                .help("1 for the run's verdict once it is decided (status OK, NOISY or FAILED)")
                .labelNames("status")
                .callback(callback -> state.verdict().ifPresent(verdict -> callback.call(1, verdict.status())))
                .register(registry);
    }

    private static double processCpuSeconds() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return Math.max(0, os.getProcessCpuTime()) / 1e9;
        }
        return 0;
    }

    /** The classic histograms, snapshotted under the lock {@link #intervalLogged} holds. */
    private final class Histograms implements MultiCollector {
        @Override
        public MetricSnapshots collect() {
            synchronized (LiveMetrics.this) {
                return MetricSnapshots.of(
                        family("loadbench_intended_latency_seconds", "Latency from the intended start (the schedule's), "
                                + "so queueing and injector lag count; by request name and outcome", "request", intended),
                        family("loadbench_service_latency_seconds", "Service time, from the moment a connection was held;"
                                + " by request name and outcome", "request", service),
                        family("loadbench_transaction_latency_seconds", "Transactions from the intended start of their first"
                                + " request to the end of their last; by name and outcome", "transaction", transactions),
                        HistogramSnapshot.builder().name("loadbench_injector_lag_seconds").unit(Unit.SECONDS)
                                .help("How late requests started after their intended start (the injector's lag)")
                                .dataPoint(lag.snapshot(Labels.EMPTY)).build());
            }
        }

        private HistogramSnapshot family(String name, String help, String nameLabel, Map<String, ClassicBuckets> series) {
            HistogramSnapshot.Builder family = HistogramSnapshot.builder().name(name).unit(Unit.SECONDS).help(help);
            series.forEach((seriesName, buckets) -> family.dataPoint(buckets.snapshot(Labels.of(nameLabel,
                    LiveSampler.baseName(seriesName), "outcome", seriesName.equals(LiveSampler.baseName(seriesName)) ? "ok" : "ko"))));
            return family.build();
        }
    }
}
