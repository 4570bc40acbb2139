package io.loadbench.results.merge;

import io.loadbench.results.RunStatus;
import io.loadbench.results.noise.NoiseSummary;

import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A merged run's {@code merge.json}, written by {@code loadbench-report merge}: the sources, and the summed
 * throughput of every request (a merged interval log cannot give it by itself, since the injectors' measured
 * windows overlap). Written by {@link MergeInfoWriter}, read by {@link MergeInfoReader}.
 *
 * @param requests    by request file name (as in {@code hdr/}), sorted
 * @param loadNote    how the merged {@code load.json} was added up; empty when no source had one
 * @param scenarioNote how the merged {@code scenario.json} was added up; empty when no source had one
 */
public record MergeInfo(Instant mergedAt, List<Source> sources, Map<String, RequestThroughput> requests,
                        Optional<String> loadNote, Optional<String> scenarioNote) {

    /** Version of the {@code merge.json} format; bump on any incompatible change and update results/README.md. */
    public static final int SCHEMA_VERSION = 1;

    /** The file's name in a run folder. */
    public static final String FILE = "merge.json";

    public MergeInfo {
        Objects.requireNonNull(mergedAt, "mergedAt");
        Objects.requireNonNull(loadNote, "loadNote");
        Objects.requireNonNull(scenarioNote, "scenarioNote");
        sources = List.copyOf(sources);
        requests = Collections.unmodifiableMap(new TreeMap<>(requests));
    }

    /**
     * One merged run, as its manifest described it.
     *
     * @param folder the source's run folder name, under which its files are kept in {@code sources/}
     * @param noise  the machine's noise while the source ran (its manifest's {@code noise}); empty when it recorded
     *               none (a schema-1 source) and in merge.json files written before the field existed
     */
    public record Source(String folder, Optional<String> label, RunStatus status, Instant startedAt,
                         Optional<Instant> finishedAt, Optional<NoiseSummary> noise) {
        public Source {
            Objects.requireNonNull(folder, "folder");
            Objects.requireNonNull(label, "label");
            Objects.requireNonNull(status, "status");
            Objects.requireNonNull(startedAt, "startedAt");
            Objects.requireNonNull(finishedAt, "finishedAt");
            Objects.requireNonNull(noise, "noise");
        }

        /** True when the source ended NOISY or its noise exceeded its thresholds. */
        public boolean noisy() {
            return status == RunStatus.NOISY || noise.map(NoiseSummary::noisy).orElse(false);
        }
    }

    /**
     * One request's throughput over the sources.
     *
     * @param throughputPerSecond       the sum of the sources' throughputs
     * @param count                     requests measured, over every source
     * @param sourceThroughputPerSecond each source's throughput, by source folder
     */
    public record RequestThroughput(double throughputPerSecond, long count, Map<String, Double> sourceThroughputPerSecond) {
        public RequestThroughput {
            sourceThroughputPerSecond = Collections.unmodifiableMap(new TreeMap<>(sourceThroughputPerSecond));
        }
    }
}
