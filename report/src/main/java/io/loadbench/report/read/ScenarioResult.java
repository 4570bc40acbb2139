package io.loadbench.report.read;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A simulation's {@code scenario.json}, schema version 1 (written by the scenarios' {@code SimulationRun}):
 * target against achieved rate, per-request OK/KO counts and cache hits, the cache hit ratio and the
 * injector's health. Only the fields the report shows are read:
 * {@code rate.targetRequestsPerSecond}, {@code rate.achievedRequestsPerSecond}, {@code rate.requestsAfterWarmup},
 * {@code requests.<name>.ok|ko|cacheHits|cacheMisses|hitRatio}, {@code cache.lookups|hitRatio},
 * {@code injector.droppedRequests|cpuCoresUsed|hiccupUs.max}, {@code preset}, {@code status}, {@code failures}.
 *
 * @param requests by request name, sorted
 * @param hitRatio the cache hit ratio over every lookup after the warm-up, or null without lookups
 */
public record ScenarioResult(String preset, Double targetRequestsPerSecond, Double achievedRequestsPerSecond,
                             Long requestsAfterWarmup, Map<String, RequestOutcome> requests, Long cacheLookups,
                             Double hitRatio, Long droppedRequests, Double cpuCoresUsed, Long hiccupMaxUs,
                             String status, List<String> failures, JsonNode raw) {

    public static final int SCHEMA_VERSION = 1;

    /**
     * One request name's outcome after the warm-up; the cache fields are null for requests without lookups.
     *
     * @param requestsPerSecond OK and KO requests per second of the simulation's measured window
     */
    public record RequestOutcome(long ok, long ko, Double requestsPerSecond, Long cacheHits, Long cacheMisses,
                                 Double hitRatio) {
    }

    public static ScenarioResult read(Path file) {
        JsonNode root = JsonFiles.read(file);
        JsonFiles.requireSchemaVersion(file, root, SCHEMA_VERSION);
        JsonNode rate = root.path("rate");
        Map<String, RequestOutcome> requests = new TreeMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = root.path("requests").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> request = it.next();
            JsonNode r = request.getValue();
            requests.put(request.getKey(), new RequestOutcome(orZero(JsonFiles.integer(r, "ok")), orZero(JsonFiles.integer(r, "ko")),
                    JsonFiles.number(r, "requestsPerSecond"), JsonFiles.integer(r, "cacheHits"), JsonFiles.integer(r, "cacheMisses"), JsonFiles.number(r, "hitRatio")));
        }
        JsonNode cache = root.path("cache");
        JsonNode injector = root.path("injector");
        List<String> failures = new ArrayList<>();
        root.path("failures").forEach(failure -> failures.add(failure.asText()));
        return new ScenarioResult(JsonFiles.text(root, "preset"), JsonFiles.number(rate, "targetRequestsPerSecond"),
                JsonFiles.number(rate, "achievedRequestsPerSecond"), JsonFiles.integer(rate, "requestsAfterWarmup"),
                requests, JsonFiles.integer(cache, "lookups"), JsonFiles.number(cache, "hitRatio"),
                JsonFiles.integer(injector, "droppedRequests"), JsonFiles.number(injector, "cpuCoresUsed"),
                JsonFiles.integer(injector.path("hiccupUs"), "max"), JsonFiles.text(root, "status"), List.copyOf(failures), root);
    }

    /** Hit ratios to show: {@code all lookups} first, then each request that looked up the cache. */
    public Map<String, Double> hitRatios() {
        Map<String, Double> out = new TreeMap<>();
        requests.forEach((name, outcome) -> {
            if (outcome.hitRatio() != null) {
                out.put(name, outcome.hitRatio());
            }
        });
        if (hitRatio != null) {
            out.put("(all lookups)", hitRatio);
        }
        return out;
    }

    /**
     * The outcome of the request whose latency files are {@code hdr/<fileName>.*}: the latency log names
     * files after the request with every character outside {@code [A-Za-z0-9._-]} replaced by {@code _}.
     */
    public RequestOutcome requestByFileName(String fileName) {
        RequestOutcome exact = requests.get(fileName);
        if (exact != null) {
            return exact;
        }
        for (Map.Entry<String, RequestOutcome> request : requests.entrySet()) {
            if (request.getKey().replaceAll("[^A-Za-z0-9._-]", "_").equals(fileName)) {
                return request.getValue();
            }
        }
        return null;
    }

    private static long orZero(Long value) {
        return value == null ? 0 : value;
    }
}
