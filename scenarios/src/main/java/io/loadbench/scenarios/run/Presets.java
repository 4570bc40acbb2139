package io.loadbench.scenarios.run;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Builds a simulation's preset table: the options every simulation has (below), then the simulation's own
 * defaults, then each preset's values. The defaults live here, once.
 *
 * <ul>
 *   <li>{@code warmup} — measured latency starts after it (default 5s)</li>
 *   <li>{@code rateTolerance} — how far below its target rate an open-model run may fall (0.05 = 5%)</li>
 *   <li>{@code maxKoRatio} — failed requests allowed after warm-up (0.001 = 0.1%)</li>
 *   <li>{@code maxStall} — the longest injector hiccup allowed (500ms; 2s in the {@code smoke} preset, see
 *       {@link #SMOKE_RELAXATIONS})</li>
 *   <li>{@code maxStalledShare} — the share of the measured window the injector may spend stalled (0.05; smoke 0.75)</li>
 *   <li>{@code maxLag} — the latest any request may start after its intended start (250ms; smoke 5s)</li>
 *   <li>{@code arrivals} — {@code uniform} or {@code poisson} (seeded) arrivals on the schedule</li>
 *   <li>{@code pgPool}, {@code redisPool}, {@code executorQueue} — protocol sizes</li>
 *   <li>{@code poolTimeout}, {@code queryTimeout} — protocol timeouts (10s, 30s)</li>
 * </ul>
 */
public final class Presets {

    /** The preset every simulation has, run by {@code mvn install}. */
    public static final String SMOKE = "smoke";

    /**
     * What the {@code smoke} preset relaxes, before the simulation's own smoke values. A smoke run proves the
     * machinery end to end within a minute on whatever machine builds the project (a 2-core CI box running the
     * injector, PostgreSQL and Redis at once), where scheduler and GC pauses of half a second happen; it
     * measures nothing. Every measuring preset keeps the strict default.
     */
    static final Map<String, String> SMOKE_RELAXATIONS = Map.of("maxStall", "2s", "maxLag", "5s", "maxStalledShare", "0.75",
            "rateTolerance", "0.25");

    private Presets() {
    }

    /** The options every simulation understands, with their defaults. */
    public static Map<String, String> common() {
        Map<String, String> common = new LinkedHashMap<>();
        common.put("warmup", "5s");
        common.put("rateTolerance", "0.05");
        common.put("maxKoRatio", "0.001");
        common.put("maxStall", "500ms");
        common.put("maxStalledShare", "0.05");
        common.put("maxLag", "250ms");
        common.put("arrivals", "uniform");
        common.put("pgPool", "16");
        common.put("redisPool", "16");
        common.put("executorQueue", "100000");
        common.put("poolTimeout", "10s");
        common.put("queryTimeout", "30s");
        return common;
    }

    /** What each common option means, with its unit: what {@code loadbench workloads} and {@code --help} print. */
    public static Map<String, String> commonDescriptions() {
        Map<String, String> descriptions = new LinkedHashMap<>();
        descriptions.put("warmup", "time from the first request before latency is measured (duration)");
        descriptions.put("rateTolerance", "how far below its target an open model's arrival rate may fall, per interval (fraction)");
        descriptions.put("maxKoRatio", "failed requests allowed after warm-up (fraction of requests)");
        descriptions.put("maxStall", "longest injector hiccup allowed (duration)");
        descriptions.put("maxStalledShare", "share of the measured window the injector may spend stalled (fraction)");
        descriptions.put("maxLag", "latest any request may start after its intended start (duration)");
        descriptions.put("arrivals", "open-model arrival process: uniform or poisson (seeded)");
        descriptions.put("pgPool", "PostgreSQL connections (count)");
        descriptions.put("redisPool", "Redis connections (count)");
        descriptions.put("executorQueue", "requests that may wait for a connection before new ones are dropped (count)");
        descriptions.put("poolTimeout", "longest wait for a connection before a request fails (duration)");
        descriptions.put("queryTimeout", "longest a statement or command may run before it fails (duration)");
        return descriptions;
    }

    /** Option values from alternating names and values: {@code values("users", "100", "hold", "8s")}. */
    public static Map<String, String> values(String... namesAndValues) {
        if (namesAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("option names and values must come in pairs");
        }
        Map<String, String> values = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            values.put(namesAndValues[i], namesAndValues[i + 1]);
        }
        return values;
    }

    /** A preset table: for each preset, common defaults, then {@code defaults}, then the preset's own values. */
    public static Map<String, Map<String, String>> table(Map<String, String> defaults, Map<String, Map<String, String>> presets) {
        Map<String, Map<String, String>> table = new LinkedHashMap<>();
        presets.forEach((name, values) -> {
            Map<String, String> merged = new LinkedHashMap<>(common());
            merged.putAll(defaults);
            if (SMOKE.equals(name)) {
                merged.putAll(SMOKE_RELAXATIONS);
            }
            for (String key : values.keySet()) {
                if (!merged.containsKey(key)) {
                    throw new IllegalArgumentException("preset " + name + " sets '" + key + "', which is not an option");
                }
            }
            merged.putAll(values);
            table.put(name, merged);
        });
        return table;
    }
}
