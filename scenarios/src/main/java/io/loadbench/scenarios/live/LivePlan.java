package io.loadbench.scenarios.live;

import java.util.Map;
import java.util.TreeMap;

/**
 * What the live page and {@code loadbench_run_info} say about the run: known when the run opens, before its target
 * and its load. Immutable.
 *
 * @param runFolder the run folder's name (not its path: the page may be seen from another machine)
 * @param options   every effective option, as the manifest records them
 * @param plan      what defines the measurement (dataset scale, rate or users), as the manifest records it
 */
public record LivePlan(String simulation, String preset, String runFolder, Map<String, Object> options, Map<String, Object> plan) {

    public LivePlan {
        options = Map.copyOf(new TreeMap<>(options));
        plan = Map.copyOf(new TreeMap<>(plan));
    }
}
