package io.loadbench.report.merge;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.loadbench.results.latency.LatencyHistograms;
import io.loadbench.results.EnvironmentInfo;
import io.loadbench.results.Run;
import io.loadbench.results.RunKind;
import io.loadbench.results.ToolInfo;
import io.loadbench.report.ReportException;
import io.loadbench.report.compare.PlanCheck;
import io.loadbench.report.read.IntervalLogReader;
import io.loadbench.report.read.JsonFiles;
import io.loadbench.report.read.LoadResult;
import io.loadbench.report.read.Manifest;
import io.loadbench.report.read.MergeInfo;
import io.loadbench.report.read.RequestLatency;
import io.loadbench.report.read.SavedRun;
import io.loadbench.report.read.ScenarioResult;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramLogWriter;

/** Merges the runs of several injector machines into one run folder. */
public final class RunMerger {

    static final String LABEL = "merged";
    private static final ObjectMapper LENIENT = JsonFiles.MAPPER.copy()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
    /** Recorded microseconds are printed as milliseconds (hgrm values, hlog Interval_Max), as the results format's latency logs do. */
    private static final double MICROS_PER_MILLI = LatencyHistograms.MICROS_PER_MILLI;
    /** Percentile rows per halving of 1-p in the .hgrm, as the results format writes them. */
    private static final int HGRM_TICKS_PER_HALF_DISTANCE = 5;

    private RunMerger() {
    }

    /**
     * @param resultsDir where the merged run folder is created
     * @return the new run folder
     */
    public static Path merge(List<SavedRun> sources, Path resultsDir, Clock clock) {
        validate(sources);
        Manifest first = sources.get(0).manifest();
        String name = sources.stream().allMatch(s -> s.manifest().name().equals(first.name())) ? first.name() : "merge";
        Run folder;
        try {
            folder = Run.start(resultsDir, LABEL, RunKind.MERGE, name, clock, environment(first), ToolInfo.current());
        } catch (UncheckedIOException e) {
            throw new ReportException(e.getMessage(), e);
        }
        try (folder) {
            try {
                fill(folder, sources, clock);
            } catch (RuntimeException e) {
                // never leave a merged folder that looks complete: it says it failed, and why
                folder.failed("merge failed: " + e.getMessage());
                throw e;
            }
            List<String> failures = new ArrayList<>();
            for (SavedRun source : sources) {
                if (!source.manifest().status().equals("OK")) {
                    failures.add(source.id() + " " + source.manifest().status()
                            + (source.manifest().failureReason() == null ? "" : ": " + source.manifest().failureReason()));
                }
            }
            if (failures.isEmpty()) {
                folder.succeeded();
            } else {
                folder.failed("source run failed: " + String.join("; ", failures));
            }
            return folder.dir();
        }
    }

    private static void fill(Run folder, List<SavedRun> sources, Clock clock) {
        Path dir = folder.dir();
        ObjectNode mergeInfo = JsonFiles.MAPPER.createObjectNode();
        mergeInfo.put("schemaVersion", MergeInfo.SCHEMA_VERSION);
        mergeInfo.put("mergedAt", clock.instant().truncatedTo(ChronoUnit.MILLIS).toString());
        ArrayNode sourceList = mergeInfo.putArray("sources");
        for (SavedRun source : sources) {
            sourceList.addObject().put("folder", source.id()).put("label", source.manifest().label())
                    .put("status", source.manifest().status()).put("startedAt", source.manifest().startedAt())
                    .put("finishedAt", source.manifest().finishedAt());
            copySource(source, dir.resolve("sources").resolve(source.id()));
        }
        mergeInfo.set("requests", mergeLatency(sources, dir));
        if (sources.stream().anyMatch(s -> s.load() != null)) {
            JsonFiles.write(dir.resolve("load.json"), mergeLoad(sources));
        }
        if (sources.stream().anyMatch(s -> s.scenario() != null)) {
            JsonFiles.write(dir.resolve("scenario.json"), mergeScenario(sources));
        }
        JsonFiles.write(dir.resolve(MergeInfo.FILE), mergeInfo);

        Manifest first = sources.get(0).manifest();
        io.loadbench.results.Manifest manifest = folder.manifest();
        manifest.putParameters(map(first.parameters()));
        List<String> sourceIds = new ArrayList<>();
        sources.forEach(s -> sourceIds.add(s.id()));
        manifest.putParameter("mergedSources", sourceIds);
        manifest.putPlan(map(first.plan()));
        // the injector machines differ (each source's environment is in sources/<folder>/manifest.json);
        // the target they loaded is one and the same
        if (first.target().isObject()) {
            manifest.target(map((ObjectNode) first.target()));
        }
    }

    private static Map<String, Object> map(ObjectNode node) {
        return JsonFiles.MAPPER.convertValue(node, new TypeReference<Map<String, Object>>() { });
    }

    private static EnvironmentInfo environment(Manifest first) {
        if (!first.environment().isObject()) {
            return null;
        }
        try {
            return LENIENT.convertValue(first.environment(), EnvironmentInfo.class);
        } catch (IllegalArgumentException e) {
            throw new ReportException("the environment of " + first.name() + " cannot be carried into the merged run: "
                    + e.getMessage().lines().findFirst().orElse(""), e);
        }
    }

    private static void validate(List<SavedRun> sources) {
        if (sources.size() < 2) {
            throw new ReportException("merge needs at least two runs (got " + sources.size() + ")");
        }
        for (SavedRun source : sources) {
            String kind = source.manifest().kind();
            if (!kind.equals("gatling") && !kind.equals("load")) {
                throw new ReportException(source.dir() + ": a " + kind + " run cannot be merged (merge joins the load and "
                        + "simulation runs of several injector machines)");
            }
            if (source.manifest().status().equals("RUNNING")) {
                throw new ReportException(source.dir() + ": the run never finished (status RUNNING); merge only finished runs");
            }
        }
        List<String> differences = PlanCheck.differences(sources);
        if (!differences.isEmpty()) {
            throw new ReportException("cannot merge runs of different plans: " + String.join("; ", differences));
        }
        TreeSet<String> ids = new TreeSet<>();
        for (SavedRun source : sources) {
            if (!ids.add(source.id())) {
                throw new ReportException(source.dir() + ": the same run folder is given twice");
            }
        }
    }

    /** Keeps each source's JSON files (its manifest above all) so the merged run still says where it came from. */
    private static void copySource(SavedRun source, Path target) {
        try {
            Files.createDirectories(target);
            for (String file : List.of("manifest.json", "load.json", "scenario.json")) {
                Path from = source.dir().resolve(file);
                if (Files.isRegularFile(from)) {
                    Files.copy(from, target.resolve(file));
                }
            }
        } catch (IOException e) {
            throw new ReportException(target + ": cannot copy the source files: " + e.getMessage(), e);
        }
    }

    private static ObjectNode mergeLatency(List<SavedRun> sources, Path dir) {
        TreeSet<String> requests = new TreeSet<>();
        sources.forEach(s -> requests.addAll(s.requests().keySet()));
        ObjectNode out = JsonFiles.MAPPER.createObjectNode();
        if (requests.isEmpty()) {
            return out;
        }
        Path hdr = dir.resolve("hdr");
        try {
            Files.createDirectories(hdr);
        } catch (IOException e) {
            throw new ReportException(hdr + ": cannot create: " + e.getMessage(), e);
        }
        for (String request : requests) {
            for (String kind : List.of("intended", "service")) {
                List<Histogram> intervals = new ArrayList<>();
                for (SavedRun source : sources) {
                    Path log = source.dir().resolve("hdr").resolve(request + "." + kind + ".hlog");
                    if (Files.isRegularFile(log)) {
                        IntervalLogReader.forEachMeasured(log, intervals::add);
                    }
                }
                if (!intervals.isEmpty()) {
                    writeLog(hdr.resolve(request + "." + kind + ".hlog"), intervals);
                    writeDistribution(hdr.resolve(request + "." + kind + ".hgrm"), intervals);
                }
            }
            ObjectNode merged = out.putObject(request);
            ObjectNode perSource = merged.putObject("sourceThroughputPerSecond");
            double sum = 0;
            long count = 0;
            for (SavedRun source : sources) {
                RequestLatency latency = source.requests().get(request);
                if (latency != null && !Double.isNaN(latency.throughputPerSecond())) {
                    sum += latency.throughputPerSecond();
                    count += latency.primary().histogram().getTotalCount();
                    perSource.put(source.id(), latency.throughputPerSecond());
                }
            }
            merged.put("throughputPerSecond", round(sum));
            merged.put("count", count);
        }
        return out;
    }

    /** Four decimals, as the producers write rates: sums of rounded rates would otherwise print float noise. */
    private static double round(double value) {
        return Math.round(value * 10_000.0) / 10_000.0;
    }

    /** Every measured interval of every source, in start order: the merged log adds up to the sum of the sources. */
    private static void writeLog(Path file, List<Histogram> intervals) {
        intervals.sort(Comparator.comparingLong(Histogram::getStartTimeStamp));
        long baseMs = intervals.get(0).getStartTimeStamp();
        try (OutputStream stream = Files.newOutputStream(file);
             PrintStream print = new PrintStream(stream, false, StandardCharsets.UTF_8)) {
            HistogramLogWriter writer = new HistogramLogWriter(print);
            writer.outputComment("loadbench merge: measured intervals of every source, warm-up excluded; "
                    + "values in microseconds, Interval_Max in milliseconds");
            writer.outputLogFormatVersion();
            // written here rather than by outputStartTime, whose human-readable date follows the machine's time zone
            print.printf(Locale.ROOT, "#[StartTime: %.3f (seconds since epoch), %s]%n", baseMs / 1000.0, Instant.ofEpochMilli(baseMs));
            writer.setBaseTime(baseMs);
            writer.outputBaseTime(baseMs);
            writer.outputLegend();
            for (Histogram interval : intervals) {
                writer.outputIntervalHistogram((interval.getStartTimeStamp() - baseMs) / 1000.0,
                        (interval.getEndTimeStamp() - baseMs) / 1000.0, interval, MICROS_PER_MILLI);
            }
            print.flush();
            if (print.checkError()) {
                throw new IOException("write failed");
            }
        } catch (IOException e) {
            throw new ReportException(file + ": cannot write: " + e.getMessage(), e);
        }
    }

    private static void writeDistribution(Path file, List<Histogram> intervals) {
        Histogram sum = new Histogram(intervals.get(0).getNumberOfSignificantValueDigits());
        intervals.forEach(sum::add);
        try (OutputStream stream = Files.newOutputStream(file);
             PrintStream print = new PrintStream(stream, false, StandardCharsets.UTF_8)) {
            sum.outputPercentileDistribution(print, HGRM_TICKS_PER_HALF_DISTANCE, MICROS_PER_MILLI);
        } catch (IOException e) {
            throw new ReportException(file + ": cannot write: " + e.getMessage(), e);
        }
    }

    /** The loaders' {@code load.json} summed: the same shape (the loader's {@code LoadReport}), rates added. */
    private static ObjectNode mergeLoad(List<SavedRun> sources) {
        Map<String, double[]> tables = new LinkedHashMap<>(); // rows, bytes, rowsPerSecond, bytesPerSecond, max copy ms
        long totalMs = 0;
        double totalRowsPerSecond = 0;
        for (SavedRun source : sources) {
            LoadResult load = source.load();
            if (load == null) {
                continue;
            }
            totalMs = Math.max(totalMs, load.durationMs() == null ? 0 : load.durationMs());
            totalRowsPerSecond += load.rowsPerSecond() == null ? 0 : load.rowsPerSecond();
            for (LoadResult.TableLoad table : load.tables()) {
                double[] sums = tables.computeIfAbsent(table.name(), k -> new double[5]);
                sums[0] += table.rows() == null ? 0 : table.rows();
                sums[1] += table.bytes() == null ? 0 : table.bytes();
                sums[2] += table.rowsPerSecond() == null ? 0 : table.rowsPerSecond();
                sums[3] += table.bytesPerSecond() == null ? 0 : table.bytesPerSecond();
                sums[4] = Math.max(sums[4], table.durationMs() == null ? 0 : table.durationMs());
            }
        }
        ObjectNode out = JsonFiles.MAPPER.createObjectNode();
        out.put("schemaVersion", LoadResult.SCHEMA_VERSION);
        out.put("dataset", sources.get(0).load() == null ? null : sources.get(0).load().dataset());
        ArrayNode array = out.putArray("tables");
        long rows = 0;
        long bytes = 0;
        for (Map.Entry<String, double[]> table : tables.entrySet()) {
            double[] sums = table.getValue();
            rows += (long) sums[0];
            bytes += (long) sums[1];
            array.addObject().put("name", table.getKey()).put("rowsLoaded", (long) sums[0]).put("bytes", (long) sums[1])
                    .put("copySeconds", sums[4] / 1000.0).put("rowsPerSecond", sums[2])
                    .put("megabytesPerSecond", sums[3] / 1_000_000);
        }
        out.putObject("totals").put("rowsLoaded", rows).put("bytes", bytes).put("seconds", totalMs / 1000.0)
                .put("rowsPerSecond", totalRowsPerSecond);
        out.put("note", "merged: rows, bytes and rates are the sums over the sources; seconds are the longest source's");
        return out;
    }

    /**
     * The simulations' {@code scenario.json} summed, in the same shape: rates, counts and cache lookups are
     * added; hit ratios are recomputed from the added hits and misses; the longest injector stall is kept.
     */
    private static ObjectNode mergeScenario(List<SavedRun> sources) {
        double target = 0;
        double achieved = 0;
        long requestsAfterWarmup = 0;
        long dropped = 0;
        double cpuCores = 0;
        long longestStallUs = 0;
        Map<String, long[]> requests = new TreeMap<>(); // ok, ko, cacheHits, cacheMisses, lookups seen (0/1)
        Map<String, Double> requestRates = new TreeMap<>();
        List<String> failures = new ArrayList<>();
        String preset = null;
        for (SavedRun source : sources) {
            ScenarioResult scenario = source.scenario();
            if (scenario == null) {
                continue;
            }
            preset = preset == null ? scenario.preset() : preset;
            target += scenario.targetRequestsPerSecond() == null ? 0 : scenario.targetRequestsPerSecond();
            achieved += scenario.achievedRequestsPerSecond() == null ? 0 : scenario.achievedRequestsPerSecond();
            requestsAfterWarmup += scenario.requestsAfterWarmup() == null ? 0 : scenario.requestsAfterWarmup();
            dropped += scenario.droppedRequests() == null ? 0 : scenario.droppedRequests();
            cpuCores += scenario.cpuCoresUsed() == null ? 0 : scenario.cpuCoresUsed();
            longestStallUs = Math.max(longestStallUs, scenario.hiccupMaxUs() == null ? 0 : scenario.hiccupMaxUs());
            scenario.requests().forEach((name, outcome) -> {
                if (outcome.requestsPerSecond() != null) {
                    requestRates.merge(name, outcome.requestsPerSecond(), Double::sum);
                }
                long[] sums = requests.computeIfAbsent(name, k -> new long[5]);
                sums[0] += outcome.ok();
                sums[1] += outcome.ko();
                if (outcome.cacheHits() != null && outcome.cacheMisses() != null) {
                    sums[2] += outcome.cacheHits();
                    sums[3] += outcome.cacheMisses();
                    sums[4] = 1;
                }
            });
            scenario.failures().forEach(failure -> failures.add(source.id() + ": " + failure));
        }
        ObjectNode out = JsonFiles.MAPPER.createObjectNode();
        out.put("schemaVersion", ScenarioResult.SCHEMA_VERSION);
        out.put("preset", preset);
        ObjectNode rate = out.putObject("rate");
        rate.put("targetRequestsPerSecond", round(target));
        rate.put("achievedRequestsPerSecond", round(achieved));
        rate.put("requestsAfterWarmup", requestsAfterWarmup);
        ObjectNode requestsNode = out.putObject("requests");
        long hits = 0;
        long misses = 0;
        for (Map.Entry<String, long[]> request : requests.entrySet()) {
            long[] sums = request.getValue();
            ObjectNode r = requestsNode.putObject(request.getKey());
            r.put("ok", sums[0]);
            r.put("ko", sums[1]);
            r.put("requestsPerSecond", round(requestRates.getOrDefault(request.getKey(), 0.0)));
            if (sums[4] == 1) {
                r.put("cacheHits", sums[2]);
                r.put("cacheMisses", sums[3]);
                if (sums[2] + sums[3] > 0) {
                    r.put("hitRatio", (double) sums[2] / (sums[2] + sums[3]));
                }
                hits += sums[2];
                misses += sums[3];
            }
        }
        ObjectNode cache = out.putObject("cache");
        if (hits + misses > 0) {
            cache.put("lookups", hits + misses);
            cache.put("hitRatio", (double) hits / (hits + misses));
        }
        ObjectNode injector = out.putObject("injector");
        injector.put("droppedRequests", dropped);
        injector.put("cpuCoresUsed", round(cpuCores));
        injector.putObject("hiccupUs").put("max", longestStallUs);
        ArrayNode failureList = out.putArray("failures");
        failures.forEach(failureList::add);
        out.put("status", failures.isEmpty() ? "OK" : "FAILED");
        out.put("note", "merged: rates, counts, dropped requests and CPU are summed over the sources; hit ratios are "
                + "recomputed from the summed hits and misses; the longest stall is the longest of any source");
        return out;
    }
}
