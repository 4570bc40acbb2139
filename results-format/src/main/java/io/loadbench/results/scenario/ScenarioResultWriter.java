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
