package io.loadbench.report.read;

import com.fasterxml.jackson.databind.JsonNode;
import io.loadbench.report.ReportException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
        Path manifestFile = dir.resolve("manifest.json");
        if (!Files.isRegularFile(manifestFile)) {
            throw new ReportException(dir + ": not a run folder (no manifest.json)");
        }
        Manifest manifest = Manifest.read(manifestFile);
        List<String> warnings = new ArrayList<>();
        for (JsonNode listed : manifest.raw().path("files")) {
            if (!Files.exists(dir.resolve(listed.asText()))) {
                warnings.add("manifest lists " + listed.asText() + " but the run folder has no such file");
            }
        }
        List<JmhBenchmark> jmh = Files.isRegularFile(dir.resolve("jmh.json"))
                ? JmhResultReader.read(dir.resolve("jmh.json")) : List.of();
        LoadResult load = Files.isRegularFile(dir.resolve("load.json")) ? LoadResult.read(dir.resolve("load.json")) : null;
        ScenarioResult scenario = Files.isRegularFile(dir.resolve("scenario.json"))
                ? ScenarioResult.read(dir.resolve("scenario.json")) : null;
        MergeInfo merge = Files.isRegularFile(dir.resolve(MergeInfo.FILE)) ? MergeInfo.read(dir.resolve(MergeInfo.FILE)) : null;
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
            ScenarioResult.RequestOutcome outcome = scenario == null ? null : scenario.requestByFileName(request);
            double throughput;
            if (merge != null && merge.throughputPerSecond().containsKey(request)) {
                throughput = merge.throughputPerSecond().get(request);
            } else if (outcome != null && outcome.requestsPerSecond() != null) {
                throughput = outcome.requestsPerSecond();
            } else {
                throughput = primary.countPerSecond();
            }
            out.put(request, new RequestLatency(request, intended, service, throughput));
        }
        return out;
    }
}
