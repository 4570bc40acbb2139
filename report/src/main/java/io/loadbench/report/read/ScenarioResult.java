package io.loadbench.report.read;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Iterator;
import java.util.Map;
import java.util.TreeMap;
import io.loadbench.report.ReportException;

/**
 * A simulation's {@code scenario.json}, schema version 1: target against achieved rate, cache hit ratios
 * and injector health. Only the fields the report shows are read.
 *
 * @param hitRatios by cache name, each between 0 and 1, sorted by name
 * @param measurementStartedAt end of the warm-up: interval-log intervals that start before it are left out
 */
public record ScenarioResult(Double targetRatePerSecond, Double achievedRatePerSecond,
                             Map<String, Double> hitRatios, Instant measurementStartedAt, JsonNode raw) {

    public static final int SCHEMA_VERSION = 1;

    public static ScenarioResult read(Path file) {
        JsonNode root = JsonFiles.read(file);
        JsonFiles.requireSchemaVersion(file, root, SCHEMA_VERSION);
        Map<String, Double> hitRatios = new TreeMap<>();
        JsonNode ratios = root.path("hitRatios");
        for (Iterator<Map.Entry<String, JsonNode>> it = ratios.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> ratio = it.next();
            JsonNode value = ratio.getValue();
            Double number = value.isNumber() ? Double.valueOf(value.doubleValue()) : JsonFiles.number(value, "ratio");
            if (number == null) {
                throw new ReportException(file + ": hit ratio \"" + ratio.getKey() + "\" is not a number");
            }
            hitRatios.put(ratio.getKey(), number);
        }
        String measurementStarted = JsonFiles.text(root, "measurementStartedAt");
        Instant measurementStartedAt = null;
        if (measurementStarted != null) {
            try {
                measurementStartedAt = Instant.parse(measurementStarted);
            } catch (DateTimeParseException e) {
                throw new ReportException(file + ": measurementStartedAt \"" + measurementStarted + "\" is not an ISO-8601 UTC instant", e);
            }
        }
        return new ScenarioResult(JsonFiles.number(root, "targetRatePerSecond"), JsonFiles.number(root, "achievedRatePerSecond"),
                hitRatios, measurementStartedAt, root);
    }
}
