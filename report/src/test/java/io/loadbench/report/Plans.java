package io.loadbench.report;

import java.util.LinkedHashMap;
import java.util.Map;

/** The plans the fixture runs use. */
final class Plans {

    private Plans() {
    }

    static Map<String, Object> cache(int rate) {
        Map<String, Object> plan = new LinkedHashMap<>();
        plan.put("dataset", "analytics");
        plan.put("preset", "cache");
        plan.put("rate", rate);
        plan.put("seed", 42);
        plan.put("durationS", 10);
        return plan;
    }

    static Map<String, Object> load() {
        Map<String, Object> plan = new LinkedHashMap<>();
        plan.put("dataset", "analytics");
        plan.put("rows", 1_051_000);
        plan.put("seed", 42);
        plan.put("batchSize", 50_000);
        return plan;
    }

    static Map<String, Object> jmh() {
        Map<String, Object> plan = new LinkedHashMap<>();
        plan.put("benchmarks", "CopyBenchmark|RedisBenchmark");
        plan.put("batchSize", "100,1000,10000");
        plan.put("forks", 2);
        return plan;
    }
}
