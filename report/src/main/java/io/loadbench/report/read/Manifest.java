package io.loadbench.report.read;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.loadbench.report.ReportException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;

/**
 * A run's {@code manifest.json}, schema version 1 (documented in {@code results/README.md}).
 *
 * @param raw the whole document, kept so that a merge can carry the source manifests unchanged
 */
public record Manifest(
        String kind,
        String name,
        String label,
        String startedAt,
        String finishedAt,
        Long durationMs,
        String status,
        String failureReason,
        ObjectNode parameters,
        ObjectNode plan,
        JsonNode environment,
        JsonNode target,
        ObjectNode raw) {

    public static final int SCHEMA_VERSION = 1;
    static final Set<String> KINDS = Set.of("load", "jmh", "gatling", "merge");
    static final Set<String> STATUSES = Set.of("OK", "FAILED", "RUNNING");

    /** Reads and validates {@code file}. */
    public static Manifest read(Path file) {
        JsonNode root = JsonFiles.read(file);
        JsonFiles.requireSchemaVersion(file, root, SCHEMA_VERSION);
        String kind = required(file, root, "kind");
        if (!KINDS.contains(kind)) {
            throw new ReportException(file + ": unknown kind \"" + kind + "\" (expected one of load, jmh, gatling, merge)");
        }
        String status = required(file, root, "status");
        if (!STATUSES.contains(status)) {
            throw new ReportException(file + ": unknown status \"" + status + "\" (expected OK, FAILED or RUNNING)");
        }
        return new Manifest(kind, required(file, root, "name"), JsonFiles.text(root, "label"),
                JsonFiles.text(root, "startedAt"), JsonFiles.text(root, "finishedAt"), JsonFiles.integer(root, "durationMs"),
                status, JsonFiles.text(root, "failureReason"),
                object(file, root, "parameters"), object(file, root, "plan"),
                root.path("environment"), root.path("target"), (ObjectNode) root);
    }

    private static String required(Path file, JsonNode root, String field) {
        String value = JsonFiles.text(root, field);
        if (value == null || value.isBlank()) {
            throw new ReportException(file + ": missing required field \"" + field + "\"");
        }
        return value;
    }

    private static ObjectNode object(Path file, JsonNode root, String field) {
        JsonNode value = root.get(field);
        if (value == null || value.isNull()) {
            return JsonFiles.MAPPER.createObjectNode();
        }
        if (!value.isObject()) {
            throw new ReportException(file + ": field \"" + field + "\" must be an object");
        }
        return (ObjectNode) value;
    }

    /** The plan as flat {@code key -> value text}, nested objects joined with dots, sorted by key. */
    public Map<String, String> flatPlan() {
        return Flatten.flatten(plan);
    }

    /** A short description of where the run ran, e.g. {@code db-bench-01}. */
    public String labelOrName() {
        return label != null ? label : name;
    }
}
