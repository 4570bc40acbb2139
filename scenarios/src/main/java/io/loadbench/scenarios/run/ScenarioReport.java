package io.loadbench.scenarios.run;

import io.loadbench.results.latency.LatencyPercentiles;
import io.loadbench.results.latency.RequestLatencyTotals;
import io.loadbench.scenarios.verdict.ExtraCheck;
import io.loadbench.scenarios.verdict.Measurement;
import io.loadbench.scenarios.verdict.SloCheck;
import io.loadbench.scenarios.verdict.VerdictCheck;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.TreeMap;

/** Assembles {@code scenario.json} (schema version 1, documented in {@code results/README.md}) from a judged run. */
final class ScenarioReport {

    private ScenarioReport() {
    }

    static Map<String, Object> of(String simulation, String preset, Duration warmup, RunTargets targets, Duration maxStall,
                                  Measurement m, List<VerdictCheck> checks, List<String> failures) {
        Map<String, Object> scenario = new LinkedHashMap<>();
        scenario.put("schemaVersion", 1);
        scenario.put("simulation", simulation);
        scenario.put("preset", preset);
        scenario.put("warmupMs", warmup.toMillis());
        scenario.put("rate", rate(targets, m));
        scenario.put("requests", requests(m));
        scenario.put("cache", cache(targets, m));
        scenario.put("injector", injector(maxStall, m));
        List<Map<String, Object>> slos = new ArrayList<>();
        for (VerdictCheck check : checks) {
            if (check instanceof SloCheck slo) {
                slos.add(slo(slo, m));
            } else if (check instanceof ExtraCheck extra) {
                scenario.put(extra.section(), extra.evaluate(m).report());
            }
        }
        scenario.put("slos", slos);
        scenario.put("failures", failures);
        scenario.put("status", failures.isEmpty() ? "OK" : "FAILED");
        return scenario;
    }

    private static Map<String, Object> rate(RunTargets targets, Measurement m) {
        Map<String, Object> rate = new LinkedHashMap<>();
        rate.put("targetRequestsPerSecond", orNull(targets.requestsPerSec()));
        rate.put("achievedRequestsPerSecond", round(m.achievedRequestsPerSec()));
        rate.put("measuredDurationMs", m.measuredDurationMs());
        rate.put("requestsAfterWarmup", m.total());
        rate.put("targetUsers", orNull(targets.users()));
        // an open model that counts no users reports none
        rate.put("maxConcurrentUsers", targets.users().isEmpty() && m.maxConcurrentUsers() == 0 ? null : m.maxConcurrentUsers());
        return rate;
    }

    private static Map<String, Object> requests(Measurement m) {
        Map<String, Object> requests = new TreeMap<>();
        m.requests().forEach((name, figures) -> {
            Map<String, Object> request = new LinkedHashMap<>();
            request.put("ok", figures.ok());
            request.put("ko", figures.ko());
            request.put("requestsPerSecond", round((figures.ok() + figures.ko()) / m.measuredSec()));
            figures.hitRatio().ifPresent(ratio -> {
                request.put("cacheHits", figures.cacheHits());
                request.put("cacheMisses", figures.cacheMisses());
                request.put("hitRatio", round(ratio));
            });
            request.put("intendedLatencyUs", percentiles(figures.latency().map(RequestLatencyTotals::intendedPercentiles)));
            request.put("serviceLatencyUs", percentiles(figures.latency().map(RequestLatencyTotals::servicePercentiles)));
            request.put("failedIntendedLatencyUs", percentiles(figures.failedLatency().map(RequestLatencyTotals::intendedPercentiles)));
            requests.put(name, request);
        });
        return requests;
    }

    private static Map<String, Object> cache(RunTargets targets, Measurement m) {
        Map<String, Object> cache = new LinkedHashMap<>();
        OptionalDouble ratio = m.hitRatio();
        if (ratio.isEmpty()) {
            return cache;
        }
        cache.put("lookups", m.lookups());
        cache.put("hitRatio", round(ratio.getAsDouble()));
        cache.put("targetHitRatio", orNull(targets.minHitRatio()));
        Map<String, Object> info = new LinkedHashMap<>();
        m.redisInfo().ifPresent(keyspace -> {
            info.put("keyspaceHits", keyspace.hits());
            info.put("keyspaceMisses", keyspace.misses());
            info.put("hitRatio", keyspace.hitRatio().isPresent() ? round(keyspace.hitRatio().getAsDouble()) : null);
            info.put("agreesWithinOnePercentagePoint", keyspace.agreesWith(ratio.getAsDouble()));
        });
        cache.put("redisInfo", info);
        return cache;
    }

    private static Map<String, Object> injector(Duration maxStall, Measurement m) {
        Map<String, Object> injector = new LinkedHashMap<>();
        injector.put("hiccupUs", percentiles(Optional.of(m.hiccups())));
        injector.put("droppedRequests", m.droppedRequests());
        injector.put("cpuCoresUsed", round(m.cpuCoresUsed()));
        injector.put("availableProcessors", Runtime.getRuntime().availableProcessors());
        injector.put("maxStallAllowedMs", maxStall.toMillis());
        return injector;
    }

    private static Map<String, Object> slo(SloCheck check, Measurement m) {
        Slo.Result result = check.evaluate(m);
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("objective", result.description());
        entry.put("actualUs", result.actualUs().isPresent() ? result.actualUs().getAsLong() : null);
        entry.put("passed", result.passed());
        return entry;
    }

    private static Map<String, Object> percentiles(Optional<LatencyPercentiles> measured) {
        if (measured.isEmpty()) {
            return null;
        }
        LatencyPercentiles p = measured.get();
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("count", p.count());
        map.put("p50", p.p50Us());
        map.put("p90", p.p90Us());
        map.put("p99", p.p99Us());
        map.put("p999", p.p999Us());
        map.put("max", p.maxUs());
        return map;
    }

    /** JSON null for an absent value: the schema writes every field, absent ones as null. */
    private static Double orNull(OptionalDouble value) {
        return value.isPresent() ? value.getAsDouble() : null;
    }

    private static Integer orNull(OptionalInt value) {
        return value.isPresent() ? value.getAsInt() : null;
    }

    static double round(double value) {
        return Math.round(value * 10_000.0) / 10_000.0;
    }
}
