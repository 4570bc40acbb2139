package io.loadbench.report.read;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Map;
import java.util.TreeMap;

/**
 * A merged run's {@code merge.json}, schema version 1, written by {@code loadbench-report merge}: the
 * sources and the summed throughput of every request (a merged interval log cannot give it by itself,
 * since the injectors' measured windows overlap).
 *
 * @param throughputPerSecond summed request throughput by request name
 */
public record MergeInfo(Map<String, Double> throughputPerSecond, JsonNode raw) {

    public static final int SCHEMA_VERSION = 1;
    public static final String FILE = "merge.json";

    public static MergeInfo read(Path file) {
        JsonNode root = JsonFiles.read(file);
        JsonFiles.requireSchemaVersion(file, root, SCHEMA_VERSION);
        Map<String, Double> throughput = new TreeMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = root.path("requests").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> request = it.next();
            Double value = JsonFiles.number(request.getValue(), "throughputPerSecond");
            if (value != null) {
                throughput.put(request.getKey(), value);
            }
        }
        return new MergeInfo(throughput, root);
    }
}
