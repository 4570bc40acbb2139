package io.loadbench.results;

import io.loadbench.results.noise.NoiseSummary;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Reads {@code manifest.json} as {@link ManifestWriter} writes it, schema version
 * {@value RunManifest#SCHEMA_VERSION}, and the version 1 before it: kind and status as enums, times as instants, the
 * machine as {@link EnvironmentInfo} (the facts version 1 lacks are null), the noise as {@link NoiseSummary} (absent
 * in version 1); parameters, plan and target stay free-form maps.
 */
public final class ManifestReader {

    private ManifestReader() {
    }

    /** @throws ResultFormatException naming the file and field when it is not a manifest of a known version */
    public static RunManifest read(Path file) {
        JsonFields root = JsonFields.readVersioned(file, RunManifest.READABLE_VERSIONS);
        RunKind kind;
        try {
            kind = RunKind.fromManifestName(root.text("kind"));
        } catch (IllegalArgumentException e) {
            throw new ResultFormatException(file + ": " + e.getMessage(), e);
        }
        Instant startedAt = root.instant("startedAt");
        Optional<Instant> finishedAt = root.optionalInstant("finishedAt");
        RunStatus status = root.enumValue("status", RunStatus.class);
        Optional<ToolInfo> tool = root.optionalObject("tool").map(node -> convert(node, ToolInfo.class));
        Optional<NoiseSummary> noise = root.optionalObject("noise").map(node -> convert(node, NoiseSummary.class));
        Optional<EnvironmentInfo> environment = root.optionalObject("environment").map(node -> convert(node, EnvironmentInfo.class));
        RunManifest manifest;
        try {
            manifest = new RunManifest(kind, root.text("name"), root.optionalText("label"), tool, startedAt, finishedAt, status,
                    root.optionalText("failureReason"), noise, freeForm(root, "parameters"), freeForm(root, "plan"), environment,
                    root.has("target") ? Optional.of(root.freeForm("target")) : Optional.empty(), root.textList("files"));
        } catch (IllegalArgumentException e) {
            throw new ResultFormatException(file + ": " + e.getMessage(), e);
        }
        OptionalLong durationMs = root.optionalLong("durationMs");
        if (!durationMs.equals(manifest.durationMs())) {
            throw new ResultFormatException(file + ": durationMs " + root.node().get("durationMs")
                    + " is not the time from startedAt to finishedAt");
        }
        return manifest;
    }

    private static Map<String, Object> freeForm(JsonFields root, String field) {
        return root.has(field) ? root.freeForm(field) : Map.of();
    }

    private static <T> T convert(JsonFields section, Class<T> type) {
        try {
            return Json.mapper().convertValue(section.node(), type);
        } catch (IllegalArgumentException e) {
            throw new ResultFormatException(section.file() + ": not a " + type.getSimpleName() + ": "
                    + e.getMessage().lines().findFirst().orElse(""), e);
        }
    }
}
