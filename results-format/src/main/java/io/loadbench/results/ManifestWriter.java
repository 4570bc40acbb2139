package io.loadbench.results;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.loadbench.results.noise.NoiseSummary;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Writes a {@link RunManifest} as {@code manifest.json}, schema version {@value RunManifest#SCHEMA_VERSION}: the
 * schema's field order at the top, keys sorted below, and every value passed through {@link ManifestSanitizer}
 * (URLs lose their user info, secret-named values become {@code ****}). The reader is {@link ManifestReader}.
 */
public final class ManifestWriter {

    private ManifestWriter() {
    }

    /** Writes {@code manifest} to {@code file} atomically. */
    public static void write(Path file, RunManifest manifest) {
        Json.write(file, toJsonTree(manifest));
    }

    /** The manifest as written, sanitized. */
    public static ObjectNode toJsonTree(RunManifest manifest) {
        Document document = new Document(RunManifest.SCHEMA_VERSION, manifest.kind().manifestName(), manifest.name(),
                manifest.label().orElse(null), manifest.tool().orElse(null), Json.format(manifest.startedAt()),
                manifest.finishedAt().map(Json::format).orElse(null),
                manifest.durationMs().isPresent() ? manifest.durationMs().getAsLong() : null, manifest.status().name(),
                manifest.failureReason().orElse(null), manifest.noise().orElse(null), manifest.parameters(), manifest.plan(),
                manifest.environment().orElse(null), manifest.target().orElse(null), manifest.files());
        ObjectNode tree = Json.mapper().valueToTree(document);
        ManifestSanitizer.sanitize(tree);
        return tree;
    }

    @JsonPropertyOrder({"schemaVersion", "kind", "name", "label", "tool", "startedAt", "finishedAt", "durationMs",
            "status", "failureReason", "noise", "parameters", "plan", "environment", "target", "files"})
    private record Document(int schemaVersion, String kind, String name, String label, ToolInfo tool, String startedAt,
                            String finishedAt, Long durationMs, String status, String failureReason,
                            NoiseSummary noise, Map<String, Object> parameters, Map<String, Object> plan, EnvironmentInfo environment,
                            Map<String, Object> target, List<String> files) {
    }
}
