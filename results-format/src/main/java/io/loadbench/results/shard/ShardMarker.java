package io.loadbench.results.shard;

import io.loadbench.results.Json;
import io.loadbench.results.JsonFields;
import io.loadbench.results.ResultFormatException;
import io.loadbench.results.RunStatus;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The completion marker a shard of a scaled-out run writes last into its folder ({@code <run-id>/shard-<i>/}),
 * after its manifest, its result files and Gatling's report: a shard folder without it is still being written, or
 * was cut short (a killed pod, an upload that stopped half-way), and the merge refuses it. Written atomically.
 *
 * @param runId      the run id every shard of the run shares
 * @param shard      this shard's index and the run's shard count
 * @param status     the shard run's own status (a FAILED shard is complete too: it says so)
 * @param finishedAt when the shard wrote the marker
 * @param podUid     the pod's uid when the launcher passed it
 */
public record ShardMarker(String runId, Shard shard, RunStatus status, Instant finishedAt, Optional<String> podUid) {

    /** The marker's file name in a shard folder. */
    public static final String FILE = "shard-complete.json";

    /** Version of the marker's format; bump on any incompatible change and update results/README.md. */
    public static final int SCHEMA_VERSION = 1;

    /** The folder name of shard {@code index} under the run id's folder. */
    public static String folderName(int index) {
        return "shard-" + index;
    }

    public ShardMarker {
        Objects.requireNonNull(runId, "runId");
        Objects.requireNonNull(shard, "shard");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(finishedAt, "finishedAt");
        Objects.requireNonNull(podUid, "podUid");
    }

    /** Writes the marker into {@code shardDir}, atomically. */
    public void writeInto(Path shardDir) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("schemaVersion", SCHEMA_VERSION);
        root.put("runId", runId);
        Map<String, Object> described = new LinkedHashMap<>();
        described.put("index", shard.index());
        described.put("count", shard.count());
        root.put("shard", described);
        root.put("status", status.name());
        root.put("finishedAt", Json.format(finishedAt));
        root.put("podUid", podUid.orElse(null));
        Json.write(shardDir.resolve(FILE), root);
    }

    /** The marker of {@code shardDir}; empty when the shard never wrote it. */
    public static Optional<ShardMarker> readFrom(Path shardDir) {
        Path file = shardDir.resolve(FILE);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        JsonFields root = JsonFields.readVersioned(file, SCHEMA_VERSION);
        JsonFields shard = root.object("shard");
        Shard parsed;
        try {
            parsed = new Shard(shard.intValue("index"), shard.intValue("count"));
        } catch (IllegalArgumentException e) {
            throw new ResultFormatException(file + ": shard: " + e.getMessage(), e);
        }
        return Optional.of(new ShardMarker(root.text("runId"), parsed, root.enumValue("status", RunStatus.class),
                root.instant("finishedAt"), root.optionalText("podUid")));
    }
}
