package io.loadbench.report.read;

import io.loadbench.report.ReportException;
import io.loadbench.results.JmhResultFile;
import io.loadbench.results.ManifestReader;
import io.loadbench.results.Run;
import io.loadbench.results.RunManifest;
import io.loadbench.results.load.LoadResult;
import io.loadbench.results.load.LoadResultReader;
import io.loadbench.results.merge.MergeInfo;
import io.loadbench.results.merge.MergeInfoReader;
import io.loadbench.results.scenario.ScenarioResult;
import io.loadbench.results.scenario.ScenarioResultReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

/** Reads a whole run folder; the single entry point the commands use. */
public final class RunReader {

    static final String INTENDED = ".intended.hlog";
    static final String SERVICE = ".service.hlog";

    private RunReader() {
    }

    public static SavedRun read(Path dir) {
        if (!Files.exists(dir)) {
            throw new ReportException(dir + ": no such run folder");
        }
        if (!Files.isDirectory(dir)) {
            throw new ReportException(dir + ": not a run folder (it is a file; give the folder that holds manifest.json)");
        }
        Path manifestFile = dir.resolve(Run.MANIFEST_FILE);
        if (!Files.isRegularFile(manifestFile)) {
            throw new ReportException(dir + ": not a run folder (no manifest.json)");
        }
        RunManifest manifest = ManifestReader.read(manifestFile);
        List<String> warnings = new ArrayList<>();
        for (String listed : manifest.files()) {
            if (!Files.exists(dir.resolve(listed))) {
                warnings.add("manifest lists " + listed + " but the run folder has no such file");
            }
        }
        List<JmhBenchmark> jmh = Files.isRegularFile(dir.resolve(JmhResultFile.FILE))
                ? JmhResultReader.read(dir.resolve(JmhResultFile.FILE)) : List.of();
        LoadResult load = Files.isRegularFile(dir.resolve(LoadResult.FILE)) ? LoadResultReader.read(dir.resolve(LoadResult.FILE)) : null;
        ScenarioResult scenario = Files.isRegularFile(dir.resolve(ScenarioResult.FILE))
                ? ScenarioResultReader.read(dir.resolve(ScenarioResult.FILE)) : null;
        MergeInfo merge = Files.isRegularFile(dir.resolve(MergeInfo.FILE)) ? MergeInfoReader.read(dir.resolve(MergeInfo.FILE)) : null;
        Map<String, RequestLatency> requests = readLatency(dir.resolve("hdr"), scenario, merge);
        return new SavedRun(dir, manifest, jmh, load, scenario, requests, merge, List.copyOf(warnings));
    }

    /**
     * Throughput of a request: a merged run's summed figure, else the simulation's own (scenario.json, over
     * its measured window, the figure its verdict used), else the count over the span of the logged intervals.
     */
    private static Map<String, RequestLatency> readLatency(Path hdr, ScenarioResult scenario, MergeInfo merge) {
        Map<String, RequestLatency> out = new TreeMap<>();
        if (!Files.isDirectory(hdr)) {
            return out;
        }
        TreeSet<String> requests = new TreeSet<>();
        try (Stream<Path> files = Files.list(hdr)) {
            files.map(file -> file.getFileName().toString()).forEach(name -> {
                if (name.endsWith(INTENDED)) {
                    requests.add(name.substring(0, name.length() - INTENDED.length()));
                } else if (name.endsWith(SERVICE)) {
                    requests.add(name.substring(0, name.length() - SERVICE.length()));
                }
            });
        } catch (IOException e) {
            throw new ReportException(hdr + ": cannot list: " + e.getMessage(), e);
        }
        for (String request : requests) {
            Path intendedFile = hdr.resolve(request + INTENDED);
            Path serviceFile = hdr.resolve(request + SERVICE);
            MeasuredHistogram intended = Files.isRegularFile(intendedFile) ? IntervalLogReader.read(intendedFile) : null;
            MeasuredHistogram service = Files.isRegularFile(serviceFile) ? IntervalLogReader.read(serviceFile) : null;
            MeasuredHistogram primary = intended != null ? intended : service;
            Optional<ScenarioResult.RequestOutcome> outcome = scenario == null ? Optional.empty() : scenario.requestByFileName(request);
            double throughput;
            if (merge != null && merge.requests().containsKey(request)) {
                throughput = merge.requests().get(request).throughputPerSecond();
            } else if (outcome.isPresent()) {
                throughput = outcome.get().requestsPerSecond();
            } else {
                throughput = primary.countPerSecond();
            }
            out.put(request, new RequestLatency(request, intended, service, throughput));
        }
        return out;
    }
}
