package io.loadbench.report.read;

import io.loadbench.results.RunManifest;
import io.loadbench.results.load.LoadResult;
import io.loadbench.results.merge.MergeInfo;
import io.loadbench.results.scenario.ScenarioResult;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Everything the report knows about one run folder, read through the results format's typed records. Optional
 * parts are empty or null when the run did not produce them (a load has no {@code jmh.json}, a benchmark no
 * {@code hdr/}).
 *
 * @param requests latency per request name, sorted by name
 * @param warnings problems worth showing that do not stop the report (a file the manifest lists is absent)
 */
public record SavedRun(Path dir, RunManifest manifest, List<JmhBenchmark> jmh, LoadResult load,
                       ScenarioResult scenario, Map<String, RequestLatency> requests, MergeInfo merge,
                       List<String> warnings) {

    /** The folder name, which is unique and sortable: {@code <UTC timestamp>-<label>-<what>}. */
    public String id() {
        Path name = dir.toAbsolutePath().normalize().getFileName();
        return name == null ? dir.toString() : name.toString();
    }
}
