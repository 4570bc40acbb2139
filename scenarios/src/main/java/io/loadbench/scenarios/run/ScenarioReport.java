package io.loadbench.scenarios.run;

import io.loadbench.results.latency.LatencyPercentiles;
import io.loadbench.results.latency.RequestLatencyTotals;
import io.loadbench.results.scenario.ScenarioResult;
import io.loadbench.scenarios.verdict.ExtraCheck;
import io.loadbench.scenarios.verdict.Measurement;
import io.loadbench.scenarios.verdict.SloCheck;
import io.loadbench.scenarios.verdict.VerdictCheck;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.TreeMap;

/**
 * Turns a judged run into its {@link ScenarioResult} ({@code scenario.json}): the measurement's figures, rates
 * and ratios rounded to four decimals, what the run targeted, the SLO results and the simulation's own sections.
 */
final class ScenarioReport {

    private ScenarioReport() {
    }

    /** The injector limits the run was judged by, reported beside the figures. */
    record Limits(Duration maxStall, Duration maxLag, double maxStalledShare) {

        static final Limits DEFAULTS = new Limits(Duration.ofMillis(500), Duration.ofMillis(250), 0.05);

        static Limits of(SimulationOptions options) {
            return new Limits(options.duration("maxStall"), options.positiveDuration("maxLag"), options.ratio("maxStalledShare"));
        }
    }

    static ScenarioResult of(String simulation, String preset, Duration warmup, RunTargets targets, Limits limits,
                             Measurement m, List<VerdictCheck> checks, List<String> failures) {
        List<ScenarioResult.SloOutcome> slos = new ArrayList<>();
        Map<String, Map<String, Object>> extras = new TreeMap<>();
        for (VerdictCheck check : checks) {
            if (check instanceof SloCheck slo) {
                Slo.Result result = slo.evaluate(m);
                slos.add(new ScenarioResult.SloOutcome(result.description(), result.actualUs(), result.passed()));
            } else if (check instanceof ExtraCheck extra) {
                extras.put(extra.section(), extra.evaluate(m).report());
            }
        }
        Measurement.Injector injector = m.injector();
        ScenarioResult.InjectorLoad load = new ScenarioResult.InjectorLoad(injector.lagUs(),
                limits.maxLag().toMillis(), injector.stalledUs() / 1000, limits.maxStalledShare(),
                round(m.cpuMicrosPerRequest()), injector.heapUsedMaxBytes(), Runtime.getRuntime().maxMemory());
        return new ScenarioResult(simulation, preset, warmup.toMillis(), rate(targets, m), outcomes(m.requests(), m),
                outcomes(m.transactions(), m), m.arrivals().map(arrivals -> arrivals(arrivals, m)), cache(targets, m),
                new ScenarioResult.Injector(injector.hiccupUs(), injector.droppedRequests(), round(m.cpuCoresUsed()),
                        Runtime.getRuntime().availableProcessors(), limits.maxStall().toMillis(), Optional.of(load)),
                slos, extras, failures, ScenarioResult.verdict(failures));
    }

    private static ScenarioResult.Arrivals arrivals(Measurement.Arrivals arrivals, Measurement m) {
        List<ScenarioResult.Arrivals.Interval> intervals = new ArrayList<>();
        arrivals.intervals().forEach(interval -> intervals.add(new ScenarioResult.Arrivals.Interval(interval.startMs(),
                round(interval.expected()), interval.issued())));
        return new ScenarioResult.Arrivals(arrivals.poisson() ? "poisson" : "uniform", round(arrivals.expected() / m.measuredSec()),
                round(arrivals.issued() / m.measuredSec()), round(arrivals.expected()), arrivals.issued(), arrivals.intervalMs(),
                intervals);
    }

    private static ScenarioResult.Rate rate(RunTargets targets, Measurement m) {
        // an open model that counts no users reports none
        boolean noUsers = targets.users().isEmpty() && m.users().max() == 0;
        OptionalInt maxUsers = noUsers ? OptionalInt.empty() : OptionalInt.of(m.users().max());
        OptionalDouble meanUsers = noUsers ? OptionalDouble.empty() : OptionalDouble.of(round(m.users().mean()));
        return new ScenarioResult.Rate(targets.requestsPerSec(), round(m.achievedRequestsPerSec()), m.measuredDurationMs(),
                m.total(), targets.users(), maxUsers, meanUsers);
    }

    private static Map<String, ScenarioResult.RequestOutcome> outcomes(Map<String, Measurement.RequestFigures> figuresByName,
                                                                       Measurement m) {
        Map<String, ScenarioResult.RequestOutcome> outcomes = new TreeMap<>();
        figuresByName.forEach((name, figures) -> outcomes.put(name, new ScenarioResult.RequestOutcome(
                figures.ok(), figures.ko(), round((figures.ok() + figures.ko()) / m.measuredSec()),
                figures.hitRatio().isPresent()
                        ? Optional.of(new ScenarioResult.CacheLookups(figures.cacheHits(), figures.cacheMisses(),
                                round(figures.hitRatio().getAsDouble())))
                        : Optional.empty(),
                figures.latency().map(RequestLatencyTotals::intendedPercentiles),
                figures.latency().map(RequestLatencyTotals::servicePercentiles),
                figures.failedLatency().map(RequestLatencyTotals::intendedPercentiles),
                figures.crashed(),
                figures.intendedWithFailures().map(LatencyPercentiles::of))));
        return outcomes;
    }

    private static Optional<ScenarioResult.CacheTotals> cache(RunTargets targets, Measurement m) {
        OptionalDouble ratio = m.hitRatio();
        if (ratio.isEmpty()) {
            return Optional.empty();
        }
        Optional<ScenarioResult.RedisInfo> info = m.redisInfo().map(keyspace -> new ScenarioResult.RedisInfo(
                keyspace.hits(), keyspace.misses(), round(keyspace.hitRatio()), keyspace.agreesWith(ratio.getAsDouble())));
        return Optional.of(new ScenarioResult.CacheTotals(m.lookups(), round(ratio.getAsDouble()), targets.minHitRatio(), info));
    }

    private static OptionalDouble round(OptionalDouble value) {
        return value.isPresent() ? OptionalDouble.of(round(value.getAsDouble())) : value;
    }

    /** Four decimals, as every rate and ratio of the file. */
    static double round(double value) {
        return Math.round(value * 10_000.0) / 10_000.0;
    }
}
