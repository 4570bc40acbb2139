package io.loadbench.report.read;

import com.fasterxml.jackson.databind.JsonNode;
import io.loadbench.report.ReportException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads {@code jmh.json}: JMH's native JSON result format ({@code -rf json}), unchanged. The format has no
 * schema version of its own; every element names the {@code jmhVersion} that wrote it, and this reader
 * accepts the 1.x line (the shape has been stable since JMH 1.0: an array of benchmarks with
 * {@code primaryMetric} and {@code secondaryMetrics}).
 */
public final class JmhResultReader {

    private JmhResultReader() {
    }

    public static List<JmhBenchmark> read(Path file) {
        JsonNode root = JsonFiles.read(file);
        if (!root.isArray()) {
            throw new ReportException(file + ": expected JMH's JSON result array at the top level");
        }
        List<JmhBenchmark> out = new ArrayList<>();
        int index = 0;
        for (JsonNode element : root) {
            out.add(benchmark(file, index++, element));
        }
        return out;
    }

    private static JmhBenchmark benchmark(Path file, int index, JsonNode node) {
        String where = file + ": benchmark #" + (index + 1);
        String jmhVersion = JsonFiles.text(node, "jmhVersion");
        if (jmhVersion != null && !jmhVersion.startsWith("1.")) {
            throw new ReportException(where + ": unknown JMH result format version " + jmhVersion + " (this report reads JMH 1.x)");
        }
        String benchmark = JsonFiles.text(node, "benchmark");
        String mode = JsonFiles.text(node, "mode");
        if (benchmark == null || mode == null) {
            throw new ReportException(where + ": missing \"benchmark\" or \"mode\"");
        }
        Map<String, String> params = new LinkedHashMap<>();
        JsonNode paramsNode = node.path("params");
        for (Iterator<Map.Entry<String, JsonNode>> it = paramsNode.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> param = it.next();
            params.put(param.getKey(), param.getValue().asText());
        }
        JsonNode primaryNode = node.get("primaryMetric");
        if (primaryNode == null || !primaryNode.isObject()) {
            throw new ReportException(where + " (" + benchmark + "): missing \"primaryMetric\"");
        }
        Map<String, JmhBenchmark.Metric> secondary = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = node.path("secondaryMetrics").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> metric = it.next();
            secondary.put(metric.getKey(), metric(where + " (" + benchmark + ") secondary metric " + metric.getKey(), metric.getValue()));
        }
        List<String> jvmArgs = new ArrayList<>();
        node.path("jvmArgs").forEach(arg -> jvmArgs.add(arg.asText()));
        return new JmhBenchmark(benchmark, mode, (int) orZero(JsonFiles.integer(node, "threads")),
                (int) orZero(JsonFiles.integer(node, "forks")), JsonFiles.text(node, "jdkVersion"),
                JsonFiles.text(node, "vmName"), JsonFiles.text(node, "vmVersion"), jmhVersion, jvmArgs,
                params, metric(where + " (" + benchmark + ")", primaryNode), secondary);
    }

    private static JmhBenchmark.Metric metric(String where, JsonNode node) {
        Double score = JsonFiles.number(node, "score");
        if (score == null) {
            throw new ReportException(where + ": metric without a numeric \"score\"");
        }
        Double error = JsonFiles.number(node, "scoreError");
        String unit = JsonFiles.text(node, "scoreUnit");
        return new JmhBenchmark.Metric(score, error == null ? Double.NaN : error, unit == null ? "" : unit);
    }

    private static long orZero(Long value) {
        return value == null ? 0 : value;
    }
}
