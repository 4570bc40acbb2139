package io.loadbench.results.scenario;

import io.loadbench.results.JsonFields;
import io.loadbench.results.RunStatus;
import io.loadbench.results.ResultFormatException;
import io.loadbench.results.latency.LatencyPercentiles;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads {@code scenario.json} as {@link ScenarioResultWriter} writes it, schema version
 * {@value ScenarioResult#SCHEMA_VERSION}. Every field of the format is required except those it marks as
 * nullable; a top-level field that is not part of the format is one of the simulation's extra checks.
 */
public final class ScenarioResultReader {

    private ScenarioResultReader() {
    }

    /** @throws ResultFormatException naming the file and field when it is not a scenario.json of a known version */
    public static ScenarioResult read(Path file) {
        JsonFields root = JsonFields.readVersioned(file, ScenarioResult.READABLE_VERSIONS);
        Map<String, ScenarioResult.RequestOutcome> requests = new LinkedHashMap<>();
        root.objects("requests").forEach((name, request) -> requests.put(name, request(request)));
        Map<String, ScenarioResult.RequestOutcome> transactions = new LinkedHashMap<>();
        if (root.has("transactions")) {
            root.objects("transactions").forEach((name, transaction) -> transactions.put(name, request(transaction)));
        }
        Optional<ScenarioResult.Arrivals> arrivals = root.optionalObject("arrivals")
                .filter(section -> !section.fieldNames().isEmpty()).map(ScenarioResultReader::arrivals);
        JsonFields cache = root.object("cache");
        List<ScenarioResult.SloOutcome> slos = new ArrayList<>();
        for (JsonFields slo : root.objectList("slos")) {
            slos.add(new ScenarioResult.SloOutcome(slo.text("objective"), slo.optionalLong("actualUs"), slo.booleanValue("passed")));
        }
        Map<String, Map<String, Object>> extraChecks = new LinkedHashMap<>();
        for (String field : root.fieldNames()) {
            if (!ScenarioResult.FIELDS.contains(field)) {
                extraChecks.put(field, root.freeForm(field));
            }
        }
        try {
            return new ScenarioResult(root.text("simulation"), root.text("preset"), root.longValue("warmupMs"),
                    rate(root.object("rate")), requests, transactions, arrivals, cache.fieldNames().isEmpty() ? Optional.empty() : Optional.of(cache(cache)),
                    injector(root.object("injector")), slos, extraChecks, root.textList("failures"),
                    root.enumValue("status", RunStatus.class));
        } catch (IllegalArgumentException e) {
            throw new ResultFormatException(file + ": " + e.getMessage(), e);
        }
    }

    private static ScenarioResult.Rate rate(JsonFields rate) {
        return new ScenarioResult.Rate(rate.optionalDouble("targetRequestsPerSecond"), rate.doubleValue("achievedRequestsPerSecond"),
                rate.longValue("measuredDurationMs"), rate.longValue("requestsAfterWarmup"), rate.optionalInt("targetUsers"),
                rate.optionalInt("maxConcurrentUsers"), rate.optionalDouble("meanConcurrentUsers"));
    }

    private static ScenarioResult.Arrivals arrivals(JsonFields arrivals) {
        List<ScenarioResult.Arrivals.Interval> intervals = new ArrayList<>();
        for (JsonFields interval : arrivals.objectList("intervals")) {
            intervals.add(new ScenarioResult.Arrivals.Interval(interval.longValue("startMs"), interval.doubleValue("expected"),
                    interval.longValue("issued")));
        }
        return new ScenarioResult.Arrivals(arrivals.text("process"), arrivals.doubleValue("targetPerSecond"),
                arrivals.doubleValue("achievedPerSecond"), arrivals.doubleValue("expected"), arrivals.longValue("issued"),
                arrivals.longValue("intervalMs"), intervals);
    }

    private static ScenarioResult.RequestOutcome request(JsonFields request) {
        Optional<ScenarioResult.CacheLookups> lookups = request.has("cacheHits")
                ? Optional.of(new ScenarioResult.CacheLookups(request.longValue("cacheHits"), request.longValue("cacheMisses"),
                        request.doubleValue("hitRatio")))
                : Optional.empty();
        return new ScenarioResult.RequestOutcome(request.longValue("ok"), request.longValue("ko"),
                request.doubleValue("requestsPerSecond"), lookups, percentiles(request, "intendedLatencyUs"),
                percentiles(request, "serviceLatencyUs"), percentiles(request, "failedIntendedLatencyUs"),
                request.optionalLong("crashed").orElse(0), percentiles(request, "intendedLatencyWithFailuresUs"));
    }

    private static ScenarioResult.CacheTotals cache(JsonFields cache) {
        JsonFields info = cache.object("redisInfo");
        Optional<ScenarioResult.RedisInfo> redis = info.fieldNames().isEmpty() ? Optional.empty()
                : Optional.of(new ScenarioResult.RedisInfo(info.longValue("keyspaceHits"), info.longValue("keyspaceMisses"),
                        info.optionalDouble("hitRatio"), info.booleanValue("agreesWithinOnePercentagePoint")));
        return new ScenarioResult.CacheTotals(cache.longValue("lookups"), cache.doubleValue("hitRatio"),
                cache.optionalDouble("targetHitRatio"), redis);
    }

    private static ScenarioResult.Injector injector(JsonFields injector) {
        return new ScenarioResult.Injector(percentiles(injector.object("hiccupUs")), injector.longValue("droppedRequests"),
                injector.doubleValue("cpuCoresUsed"), injector.intValue("availableProcessors"),
                injector.longValue("maxStallAllowedMs"), injector.has("lagUs") ? Optional.of(load(injector)) : Optional.empty());
    }

    private static ScenarioResult.InjectorLoad load(JsonFields injector) {
        return new ScenarioResult.InjectorLoad(percentiles(injector.object("lagUs")), injector.longValue("maxLagAllowedMs"),
                injector.longValue("stalledMs"), injector.doubleValue("maxStalledShare"),
                injector.doubleValue("cpuMicrosPerRequest"), injector.longValue("heapUsedMaxBytes"),
                injector.longValue("heapMaxBytes"));
    }

    private static Optional<LatencyPercentiles> percentiles(JsonFields parent, String field) {
        return parent.optionalObject(field).map(ScenarioResultReader::percentiles);
    }

    static LatencyPercentiles percentiles(JsonFields p) {
        return new LatencyPercentiles(p.longValue("count"), p.longValue("p50"), p.longValue("p90"), p.longValue("p99"),
                p.longValue("p999"), p.longValue("max"));
    }
}
