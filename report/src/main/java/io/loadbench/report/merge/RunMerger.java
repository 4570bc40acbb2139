package io.loadbench.report.merge;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.loadbench.core.latency.LatencyHistograms;
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
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.TreeSet;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramLogWriter;

/** Merges the runs of several injector machines into one run folder. */
public final class RunMerger {

    static final String LABEL = "merged";
    private static final DateTimeFormatter FOLDER_TIME = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);
    /** Recorded microseconds are printed as milliseconds (hgrm values, hlog Interval_Max), as core's latency logs do. */
    private static final double MICROS_PER_MILLI = LatencyHistograms.MICROS_PER_MILLI;
    /** Percentile rows per halving of 1-p in the .hgrm, as core writes them. */
    private static final int HGRM_TICKS_PER_HALF_DISTANCE = 5;

    private RunMerger() {
    }

    /**
     * @param resultsDir where the merged run folder is created
     * @return the new run folder
     */
    public static Path merge(List<SavedRun> sources, Path resultsDir, Clock clock) {
        validate(sources);
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        Manifest first = sources.get(0).manifest();
        String name = sources.stream().allMatch(s -> s.manifest().name().equals(first.name())) ? first.name() : "merge";
        Path dir = newFolder(resultsDir, FOLDER_TIME.format(now) + "-" + LABEL + "-" + name);
        List<String> files = new ArrayList<>();

        ObjectNode mergeInfo = JsonFiles.MAPPER.createObjectNode();
        mergeInfo.put("schemaVersion", MergeInfo.SCHEMA_VERSION);
        mergeInfo.put("mergedAt", now.toString());
        ArrayNode sourceList = mergeInfo.putArray("sources");
        for (SavedRun source : sources) {
            sourceList.addObject().put("folder", source.id()).put("label", source.manifest().label())
                    .put("status", source.manifest().status()).put("startedAt", source.manifest().startedAt());
            files.addAll(copySource(source, dir.resolve("sources").resolve(source.id())));
        }
        mergeInfo.set("requests", mergeLatency(sources, dir, files));
        if (sources.stream().anyMatch(s -> s.load() != null)) {
            JsonFiles.write(dir.resolve("load.json"), mergeLoad(sources));
            files.add("load.json");
        }
        if (sources.stream().anyMatch(s -> s.scenario() != null)) {
            JsonFiles.write(dir.resolve("scenario.json"), mergeScenario(sources));
            files.add("scenario.json");
        }
        JsonFiles.write(dir.resolve(MergeInfo.FILE), mergeInfo);
        files.add(MergeInfo.FILE);
        JsonFiles.write(dir.resolve("manifest.json"), manifest(sources, name, files));
        return dir;
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

    private static Path newFolder(Path resultsDir, String base) {
        try {
            Files.createDirectories(resultsDir);
            for (int n = 1; ; n++) {
                Path dir = resultsDir.resolve(n == 1 ? base : base + "-" + n);
                try {
                    return Files.createDirectory(dir);
                } catch (java.nio.file.FileAlreadyExistsException e) {
                    // same second, same name: the results/README.md rule appends -2, -3, ...
                }
            }
        } catch (IOException e) {
            throw new ReportException(resultsDir + ": cannot create the merged run folder: " + e.getMessage(), e);
        }
    }

    /** Keeps each source's JSON files (its manifest above all) so the merged run still says where it came from. */
    private static List<String> copySource(SavedRun source, Path target) {
        List<String> copied = new ArrayList<>();
        try {
            Files.createDirectories(target);
            for (String file : List.of("manifest.json", "load.json", "scenario.json")) {
                Path from = source.dir().resolve(file);
                if (Files.isRegularFile(from)) {
                    Files.copy(from, target.resolve(file));
                    copied.add("sources/" + source.id() + "/" + file);
                }
            }
        } catch (IOException e) {
            throw new ReportException(target + ": cannot copy the source files: " + e.getMessage(), e);
        }
        return copied;
    }

    private static ObjectNode mergeLatency(List<SavedRun> sources, Path dir, List<String> files) {
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
                        Instant measurementStartedAt = source.scenario() == null ? null : source.scenario().measurementStartedAt();
                        IntervalLogReader.forEachMeasured(log, measurementStartedAt, intervals::add);
                    }
                }
                if (!intervals.isEmpty()) {
                    writeLog(hdr.resolve(request + "." + kind + ".hlog"), intervals);
                    writeDistribution(hdr.resolve(request + "." + kind + ".hgrm"), intervals);
                    files.add("hdr/" + request + "." + kind + ".hlog");
                    files.add("hdr/" + request + "." + kind + ".hgrm");
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
            merged.put("throughputPerSecond", sum);
            merged.put("count", count);
        }
        return out;
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

    private static ObjectNode mergeLoad(List<SavedRun> sources) {
        Map<String, double[]> tables = new LinkedHashMap<>(); // rows, bytes, rowsPerSecond, bytesPerSecond, maxDurationMs
        long durationMs = 0;
        for (SavedRun source : sources) {
            LoadResult load = source.load();
            if (load == null) {
                continue;
            }
            durationMs = Math.max(durationMs, load.durationMs() == null ? 0 : load.durationMs());
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
        out.put("durationMs", durationMs);
        double rowsPerSecond = 0;
        ArrayNode array = out.putArray("tables");
        for (Map.Entry<String, double[]> table : tables.entrySet()) {
            double[] sums = table.getValue();
            rowsPerSecond += sums[2];
            array.addObject().put("name", table.getKey()).put("rows", (long) sums[0]).put("bytes", (long) sums[1])
                    .put("rowsPerSecond", sums[2]).put("bytesPerSecond", sums[3]).put("durationMs", (long) sums[4]);
        }
        out.put("rowsPerSecond", rowsPerSecond);
        out.put("note", "merged: rows and rates are the sums over the sources; durationMs is the longest source");
        return out;
    }

    private static ObjectNode mergeScenario(List<SavedRun> sources) {
        double target = 0;
        double achieved = 0;
        Map<String, double[]> hits = new TreeMap<>(); // weighted sum, weight
        for (SavedRun source : sources) {
            ScenarioResult scenario = source.scenario();
            if (scenario == null) {
                continue;
            }
            double rate = scenario.achievedRatePerSecond() == null ? 0 : scenario.achievedRatePerSecond();
            target += scenario.targetRatePerSecond() == null ? 0 : scenario.targetRatePerSecond();
            achieved += rate;
            scenario.hitRatios().forEach((cache, ratio) -> {
                double[] acc = hits.computeIfAbsent(cache, k -> new double[2]);
                acc[0] += ratio * rate;
                acc[1] += rate;
            });
        }
        ObjectNode out = JsonFiles.MAPPER.createObjectNode();
        out.put("schemaVersion", ScenarioResult.SCHEMA_VERSION);
        out.put("targetRatePerSecond", target);
        out.put("achievedRatePerSecond", achieved);
        ObjectNode ratios = out.putObject("hitRatios");
        hits.forEach((cache, acc) -> {
            if (acc[1] > 0) {
                ratios.put(cache, acc[0] / acc[1]);
            }
        });
        out.put("note", "merged: rates are the sums over the sources; hit ratios are weighted by each source's achieved rate");
        return out;
    }

    private static ObjectNode manifest(List<SavedRun> sources, String name, List<String> files) {
        Manifest first = sources.get(0).manifest();
        ObjectNode out = JsonFiles.MAPPER.createObjectNode();
        out.put("schemaVersion", Manifest.SCHEMA_VERSION);
        out.put("kind", "merge");
        out.put("name", name);
        out.put("label", LABEL);
        ObjectNode tool = out.putObject("tool");
        tool.put("name", "loadbench");
        tool.put("version", toolVersion());
        tool.putNull("gitCommit");
        Instant started = sources.stream().map(s -> instant(s.manifest().startedAt())).filter(i -> i != null)
                .min(Comparator.naturalOrder()).orElse(null);
        Instant finished = sources.stream().map(s -> instant(s.manifest().finishedAt())).filter(i -> i != null)
                .max(Comparator.naturalOrder()).orElse(null);
        out.put("startedAt", started == null ? null : started.toString());
        out.put("finishedAt", finished == null ? null : finished.toString());
        if (started != null && finished != null) {
            out.put("durationMs", finished.toEpochMilli() - started.toEpochMilli());
        } else {
            out.putNull("durationMs");
        }
        List<String> failures = new ArrayList<>();
        for (SavedRun source : sources) {
            if (!source.manifest().status().equals("OK")) {
                failures.add(source.id() + " " + source.manifest().status()
                        + (source.manifest().failureReason() == null ? "" : ": " + source.manifest().failureReason()));
            }
        }
        out.put("status", failures.isEmpty() ? "OK" : "FAILED");
        out.put("failureReason", failures.isEmpty() ? null : "source run failed: " + String.join("; ", failures));
        ObjectNode parameters = first.parameters().deepCopy();
        ArrayNode sourceIds = parameters.putArray("mergedSources");
        sources.forEach(s -> sourceIds.add(s.id()));
        out.set("parameters", parameters);
        out.set("plan", first.plan().deepCopy());
        // the machines differ: each source's environment is in sources/<folder>/manifest.json; the target is shared
        out.set("environment", first.environment().deepCopy());
        out.set("target", first.target().deepCopy());
        ArrayNode fileList = out.putArray("files");
        files.stream().sorted().forEach(fileList::add);
        return out;
    }

    private static Instant instant(String text) {
        try {
            return text == null ? null : Instant.parse(text);
        } catch (java.time.format.DateTimeParseException e) {
            return null;
        }
    }

    private static String toolVersion() {
        try (InputStream in = RunMerger.class.getResourceAsStream("/META-INF/maven/io.loadbench/loadbench-report/pom.properties")) {
            if (in == null) {
                return null;
            }
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("version");
        } catch (IOException e) {
            return null;
        }
    }
}
