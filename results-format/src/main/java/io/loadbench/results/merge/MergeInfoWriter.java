package io.loadbench.results.merge;

import io.loadbench.results.Json;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Writes a {@link MergeInfo} as {@code merge.json}, schema version {@value MergeInfo#SCHEMA_VERSION}; keys sorted. */
public final class MergeInfoWriter {

    private MergeInfoWriter() {
    }

    /** Writes {@code info} to {@code file} atomically. */
    public static void write(Path file, MergeInfo info) {
        Json.write(file, tree(info));
    }

    /** The file's text. */
    public static String toJson(MergeInfo info) {
        return Json.write(tree(info));
    }

    private static Map<String, Object> tree(MergeInfo info) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("schemaVersion", MergeInfo.SCHEMA_VERSION);
        root.put("mergedAt", Json.format(info.mergedAt()));
        List<Map<String, Object>> sources = info.sources().stream().map(MergeInfoWriter::source).toList();
        root.put("sources", sources);
        Map<String, Object> requests = new LinkedHashMap<>();
        info.requests().forEach((name, request) -> {
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("throughputPerSecond", request.throughputPerSecond());
            out.put("count", request.count());
            out.put("sourceThroughputPerSecond", request.sourceThroughputPerSecond());
            requests.put(name, out);
        });
        root.put("requests", requests);
        info.loadNote().ifPresent(note -> root.put("loadNote", note));
        info.scenarioNote().ifPresent(note -> root.put("scenarioNote", note));
        return root;
    }

    private static Map<String, Object> source(MergeInfo.Source source) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("folder", source.folder());
        out.put("label", source.label().orElse(null));
        out.put("status", source.status().name());
        out.put("startedAt", Json.format(source.startedAt()));
        out.put("finishedAt", source.finishedAt().map(Json::format).orElse(null));
        source.noise().ifPresent(noise -> out.put("noise", noise));
        return out;
    }
}
