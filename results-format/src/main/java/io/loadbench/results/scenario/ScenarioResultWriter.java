package io.loadbench.results.scenario;

import io.loadbench.results.Json;
import io.loadbench.results.latency.LatencyPercentiles;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Writes a {@link ScenarioResult} as {@code scenario.json}, schema version {@value ScenarioResult#SCHEMA_VERSION}:
 * keys sorted at every level (by {@link Json}), an absent figure as {@code null}, a section without content as
 * {@code { }}. The reader of the same version is {@link ScenarioResultReader}.
 */
public final class ScenarioResultWriter {

    private ScenarioResultWriter() {
    }

    /** Writes {@code result} to {@code file} atomically. */
    public static void write(Path file, ScenarioResult result) {
        Json.write(file, tree(result));
    }

    /** The file's text. */
    public static String toJson(ScenarioResult result) {
        return Json.write(tree(result));
    }

    private static Map<String, Object> tree(ScenarioResult result) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("schemaVersion", ScenarioResult.SCHEMA_VERSION);
        root.put("simulation", result.simulation());
        root.put("preset", result.preset());
        root.put("warmupMs", result.warmupMs());
        root.put("rate", rate(result.rate()));
        Map<String, Object> requests = new LinkedHashMap<>();
        result.requests().forEach((name, outcome) -> requests.put(name, request(outcome)));
        root.put("requests", requests);
        Map<String, Object> transactions = new LinkedHashMap<>();
        result.transactions().forEach((name, outcome) -> transactions.put(name, request(outcome)));
        root.put("transactions", transactions);
        root.put("arrivals", result.arrivals().map(ScenarioResultWriter::arrivals).orElseGet(LinkedHashMap::new));
        root.put("cache", result.cache().map(ScenarioResultWriter::cache).orElseGet(LinkedHashMap::new));
        root.put("injector", injector(result.injector()));
        List<Map<String, Object>> slos = new ArrayList<>();
        result.slos().forEach(slo -> slos.add(slo(slo)));
        root.put("slos", slos);
        root.putAll(result.extraChecks());
        root.put("failures", result.failures());
        root.put("status", result.status().name());
        return root;
    }

    private static Map<String, Object> rate(ScenarioResult.Rate rate) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("targetRequestsPerSecond", Json.orNull(rate.targetRequestsPerSecond()));
        out.put("achievedRequestsPerSecond", rate.achievedRequestsPerSecond());
        out.put("measuredDurationMs", rate.measuredDurationMs());
        out.put("requestsAfterWarmup", rate.requestsAfterWarmup());
        out.put("targetUsers", Json.orNull(rate.targetUsers()));
        out.put("maxConcurrentUsers", Json.orNull(rate.maxConcurrentUsers()));
        out.put("meanConcurrentUsers", Json.orNull(rate.meanConcurrentUsers()));
        return out;
    }

    private static Map<String, Object> arrivals(ScenarioResult.Arrivals arrivals) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("process", arrivals.process());
        out.put("targetPerSecond", arrivals.targetPerSecond());
        out.put("achievedPerSecond", arrivals.achievedPerSecond());
        out.put("expected", arrivals.expected());
        out.put("issued", arrivals.issued());
        out.put("intervalMs", arrivals.intervalMs());
        List<Map<String, Object>> intervals = new ArrayList<>();
        for (ScenarioResult.Arrivals.Interval interval : arrivals.intervals()) {
            Map<String, Object> one = new LinkedHashMap<>();
            one.put("startMs", interval.startMs());
            one.put("expected", interval.expected());
            one.put("issued", interval.issued());
            intervals.add(one);
        }
        out.put("intervals", intervals);
        return out;
    }

    private static Map<String, Object> request(ScenarioResult.RequestOutcome outcome) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("ok", outcome.ok());
        out.put("ko", outcome.ko());
        out.put("requestsPerSecond", outcome.requestsPerSecond());
        outcome.cacheLookups().ifPresent(lookups -> {
            out.put("cacheHits", lookups.hits());
            out.put("cacheMisses", lookups.misses());
            out.put("hitRatio", lookups.hitRatio());
        });
        out.put("intendedLatencyUs", percentiles(outcome.intendedLatencyUs()));
        out.put("serviceLatencyUs", percentiles(outcome.serviceLatencyUs()));
        out.put("failedIntendedLatencyUs", percentiles(outcome.failedIntendedLatencyUs()));
        out.put("crashed", outcome.crashed());
        out.put("intendedLatencyWithFailuresUs", percentiles(outcome.intendedLatencyWithFailuresUs()));
        return out;
    }

    private static Map<String, Object> cache(ScenarioResult.CacheTotals cache) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("lookups", cache.lookups());
        out.put("hitRatio", cache.hitRatio());
        out.put("targetHitRatio", Json.orNull(cache.targetHitRatio()));
        Map<String, Object> info = new LinkedHashMap<>();
        cache.redisInfo().ifPresent(redis -> {
            info.put("keyspaceHits", redis.keyspaceHits());
            info.put("keyspaceMisses", redis.keyspaceMisses());
            info.put("hitRatio", Json.orNull(redis.hitRatio()));
            info.put("agreesWithinOnePercentagePoint", redis.agreesWithinOnePercentagePoint());
        });
        out.put("redisInfo", info);
        return out;
    }

    private static Map<String, Object> injector(ScenarioResult.Injector injector) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("hiccupUs", percentiles(injector.hiccupUs()));
        out.put("droppedRequests", injector.droppedRequests());
        out.put("cpuCoresUsed", injector.cpuCoresUsed());
        out.put("availableProcessors", injector.availableProcessors());
        out.put("maxStallAllowedMs", injector.maxStallAllowedMs());
        injector.load().ifPresent(load -> {
            out.put("lagUs", percentiles(load.lagUs()));
            out.put("maxLagAllowedMs", load.maxLagAllowedMs());
            out.put("stalledMs", load.stalledMs());
            out.put("maxStalledShare", load.maxStalledShare());
            out.put("cpuMicrosPerRequest", load.cpuMicrosPerRequest());
            out.put("heapUsedMaxBytes", load.heapUsedMaxBytes());
            out.put("heapMaxBytes", load.heapMaxBytes());
        });
        return out;
    }

    private static Map<String, Object> slo(ScenarioResult.SloOutcome slo) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("objective", slo.objective());
        out.put("actualUs", Json.orNull(slo.actualUs()));
        out.put("passed", slo.passed());
        return out;
    }

    /** Latency figures as {@code count}, {@code p50}, {@code p90}, {@code p99}, {@code p999}, {@code max}, microseconds. */
    static Map<String, Object> percentiles(LatencyPercentiles p) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("count", p.count());
        out.put("p50", p.p50Us());
        out.put("p90", p.p90Us());
        out.put("p99", p.p99Us());
        out.put("p999", p.p999Us());
        out.put("max", p.maxUs());
        return out;
    }

    private static Map<String, Object> percentiles(Optional<LatencyPercentiles> p) {
        return p.map(ScenarioResultWriter::percentiles).orElse(null);
    }
}
