package io.loadbench.results.merge;

import io.loadbench.results.Json;
import io.loadbench.results.JsonFields;
import io.loadbench.results.ResultFormatException;
import io.loadbench.results.RunStatus;
import io.loadbench.results.noise.NoiseSummary;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Reads {@code merge.json} as {@link MergeInfoWriter} writes it, schema version {@value MergeInfo#SCHEMA_VERSION}. */
public final class MergeInfoReader {

    private MergeInfoReader() {
    }

    /** @throws ResultFormatException naming the file and field when it is not a merge.json of a known version */
    public static MergeInfo read(Path file) {
        JsonFields root = JsonFields.readVersioned(file, MergeInfo.SCHEMA_VERSION);
        List<MergeInfo.Source> sources = new ArrayList<>();
        for (JsonFields source : root.objectList("sources")) {
            Optional<NoiseSummary> noise = source.optionalObject("noise").map(MergeInfoReader::noise);
            sources.add(new MergeInfo.Source(source.text("folder"), source.optionalText("label"),
                    source.enumValue("status", RunStatus.class), source.instant("startedAt"), source.optionalInstant("finishedAt"),
                    noise));
        }
        Map<String, MergeInfo.RequestThroughput> requests = new LinkedHashMap<>();
        root.objects("requests").forEach((name, request) -> {
            Map<String, Double> perSource = new LinkedHashMap<>();
            JsonFields sourceThroughput = request.object("sourceThroughputPerSecond");
            sourceThroughput.fieldNames().forEach(folder -> perSource.put(folder, sourceThroughput.doubleValue(folder)));
            requests.put(name, new MergeInfo.RequestThroughput(request.doubleValue("throughputPerSecond"),
                    request.longValue("count"), perSource));
        });
        return new MergeInfo(root.instant("mergedAt"), sources, requests, root.optionalText("loadNote"),
                root.optionalText("scenarioNote"));
    }

    private static NoiseSummary noise(JsonFields section) {
        try {
            return Json.mapper().convertValue(section.node(), NoiseSummary.class);
        } catch (IllegalArgumentException e) {
            throw new ResultFormatException(section.file() + ": not a noise summary: "
                    + e.getMessage().lines().findFirst().orElse(""), e);
        }
    }
}
