package io.loadbench.report.read;

import io.loadbench.results.scenario.ScenarioResult;
import java.util.Map;
import java.util.TreeMap;

/** Figures the report derives from a {@link ScenarioResult} for its tables. */
public final class ScenarioFigures {

    /** The name under which the hit ratio over every lookup is shown, after the requests' own. */
    public static final String ALL_LOOKUPS = "(all lookups)";

    private ScenarioFigures() {
    }

    /** Hit ratios to show: each request that looked up the cache, and {@link #ALL_LOOKUPS}. */
    public static Map<String, Double> hitRatios(ScenarioResult scenario) {
        Map<String, Double> out = new TreeMap<>();
        scenario.requests().forEach((name, outcome) ->
                outcome.cacheLookups().ifPresent(lookups -> out.put(name, lookups.hitRatio())));
        scenario.cache().ifPresent(cache -> out.put(ALL_LOOKUPS, cache.hitRatio()));
        return out;
    }

    /** KO requests over every request name. */
    public static long koRequests(ScenarioResult scenario) {
        return scenario.requests().values().stream().mapToLong(ScenarioResult.RequestOutcome::ko).sum();
    }
}
