package io.loadbench.results;

import io.loadbench.results.noise.NoiseSummary;

import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.TreeMap;

/**
 * A run's {@code manifest.json} as a value: what {@link Manifest} holds at one moment of a run, and what
 * {@link ManifestReader} reads back from a run folder. {@link ManifestWriter} writes it (sanitized). The format is
 * documented in {@code results/README.md} and locked by the golden files under {@code golden/manifest/v<N>/}.
 *
 * @param label       the machine label the run folder is named after; empty in a manifest that has none
 * @param tool        the loadbench build that ran; empty in a manifest that has none
 * @param finishedAt  empty while the run is {@link RunStatus#RUNNING}
 * @param noise       the machine's noise during the run; empty while running, for a run that did not sample it
 *                    (a merge) and in schema version 1
 * @param parameters  every effective parameter, sorted by key (free-form: each producer has its own)
 * @param plan        what was measured, sorted by key; runs are compared only when their plans agree
 * @param environment the injector machine; empty when it was not recorded
 * @param target      the datastore target's description, free-form; empty when the run had none
 * @param files       the files of the run folder, relative to it
 */
public record RunManifest(RunKind kind, String name, Optional<String> label, Optional<ToolInfo> tool, Instant startedAt,
                          Optional<Instant> finishedAt, RunStatus status, Optional<String> failureReason,
                          Optional<NoiseSummary> noise, Map<String, Object> parameters, Map<String, Object> plan, Optional<EnvironmentInfo> environment,
                          Optional<Map<String, Object>> target, List<String> files) {

    /**
     * Version of the manifest format; bump on any incompatible change and update results/README.md. Version 2 added
     * the OSHI hardware facts to {@code environment} (physical cores, frequency, caches, swap, disk, virtualisation),
     * the {@code noise} section and the status NOISY; the reader still reads version 1.
     */
    public static final int SCHEMA_VERSION = 2;

    /** The versions {@link ManifestReader} reads. */
    static final int[] READABLE_VERSIONS = {1, 2};

    public RunManifest {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(startedAt, "startedAt");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(noise, "noise");
        parameters = sortedCopy(parameters);
        plan = sortedCopy(plan);
        target = target.map(RunManifest::sortedCopy);
        files = List.copyOf(files);
        if (finishedAt.isPresent() == (status == RunStatus.RUNNING)) {
            throw new IllegalArgumentException("a " + status + " run " + (finishedAt.isPresent() ? "has" : "has no")
                    + " finishedAt: only a RUNNING run has not finished");
        }
    }

    /** Milliseconds from start to finish; empty while running. */
    public OptionalLong durationMs() {
        return finishedAt.map(end -> OptionalLong.of(end.toEpochMilli() - startedAt.toEpochMilli())).orElse(OptionalLong.empty());
    }

    private static Map<String, Object> sortedCopy(Map<String, Object> values) {
        // a TreeMap, not Map.copyOf: values may be null (a parameter that was not set is recorded as null)
        return Collections.unmodifiableMap(new TreeMap<>(values));
    }
}
