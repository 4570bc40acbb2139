package io.loadbench.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.loadbench.report.read.JsonFiles;
import io.loadbench.results.RunStatus;
import io.loadbench.results.latency.LatencyPercentiles;
import io.loadbench.results.load.LoadResult;
import io.loadbench.results.load.LoadResultWriter;
import io.loadbench.results.scenario.ScenarioResult;
import io.loadbench.results.scenario.ScenarioResultWriter;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramLogWriter;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.results.BenchmarkResult;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.IterationResultMetaData;
import org.openjdk.jmh.results.ResultRole;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.results.ThroughputResult;
import org.openjdk.jmh.results.format.ResultFormatFactory;
import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.IterationType;
import org.openjdk.jmh.runner.WorkloadParams;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Builds realistic run folders for tests: manifests in schema 1, interval logs written by HdrHistogram's
 * own {@link HistogramLogWriter} from seeded latencies, {@code jmh.json} written by JMH's own JSON result
 * format, and {@code load.json} / {@code scenario.json} as documented. Every value descends from a seed,
 * so the golden files stay stable.
 */
public final class Fixtures {

    /** 2026-11-22T06:00:00Z, the start of every fixture run. */
    public static final long T0_MS = 1_795_327_200_000L;
    public static final long INTERVAL_MS = 1000;

    private Fixtures() {
    }

    /** The description of one machine, as the results format's {@code EnvironmentInfo} and {@code Datastores.describe()} write it. */
    public record Machine(String label, String cpu, int cores, long memoryBytes, String jvmVersion, String sharedBuffers,
                          String maxConnections, String redisVersion) {
    }

    public static final Machine BENCH_01 = new Machine("db-bench-01", "AMD EPYC 7B13", 2, 8L << 30, "17.0.15",
            "128MB", "300", "7.0.15");
    public static final Machine BENCH_02 = new Machine("db-bench-02", "Intel(R) Xeon(R) Platinum 8375C CPU @ 2.90GHz", 8,
            32L << 30, "25.0.1", "2GB", "300", "7.0.15");

    public static ObjectNode manifest(String kind, String name, Machine machine, Map<String, Object> plan, int startOffsetS,
                                      int durationS, String status, String failureReason) {
        ObjectNode m = JsonFiles.MAPPER.createObjectNode();
        m.put("schemaVersion", 1);
        m.put("kind", kind);
        m.put("name", name);
        m.put("label", machine.label());
        m.putObject("tool").put("name", "loadbench").put("version", "0.1.0-SNAPSHOT").put("gitCommit", "3f2c0d1e9a8b");
        Instant start = Instant.ofEpochMilli(T0_MS + startOffsetS * 1000L);
        m.put("startedAt", start.toString());
        m.put("finishedAt", start.plusSeconds(durationS).toString());
        m.put("durationMs", durationS * 1000L);
        m.put("status", status);
        m.put("failureReason", failureReason);
        ObjectNode parameters = m.putObject("parameters");
        ObjectNode planNode = m.putObject("plan");
        plan.forEach((key, value) -> {
            parameters.putPOJO(key, value);
            planNode.putPOJO(key, value);
        });
        parameters.put("poolSize", 16);
        ObjectNode env = m.putObject("environment");
        env.put("hostName", machine.label());
        env.putObject("cpu").put("model", machine.cpu()).put("logicalCores", machine.cores());
        env.putObject("memory").put("totalBytes", machine.memoryBytes());
        env.putObject("os").put("name", "Linux").put("version", "6.1.0-40-cloud-amd64").put("arch", "amd64")
                .put("distribution", "Debian GNU/Linux 12 (bookworm)");
        ObjectNode jvm = env.putObject("jvm");
        jvm.put("vendor", "Debian").put("version", machine.jvmVersion()).put("vmName", "OpenJDK 64-Bit Server VM");
        jvm.putArray("inputArguments").add("-Xmx2g").add("-XX:+UseG1GC");
        ObjectNode target = m.putObject("target");
        target.put("kind", "EXTERNAL");
        ObjectNode pg = target.putObject("postgres");
        pg.put("url", "jdbc:postgresql://127.0.0.1:5432/test");
        pg.put("version", "PostgreSQL 15.14 (Debian 15.14-0+deb12u1) on x86_64-pc-linux-gnu");
        pg.put("serverVersionNum", 150014);
        pg.putObject("settings").put("fsync", "on").put("max_connections", machine.maxConnections())
                .put("shared_buffers", machine.sharedBuffers()).put("synchronous_commit", "on");
        ObjectNode redis = target.putObject("redis");
        redis.put("url", "redis://127.0.0.1:6379").put("version", machine.redisVersion()).put("mode", "standalone");
        redis.putObject("config").put("appendonly", "no").put("maxmemory", "0").put("maxmemory-policy", "noeviction");
        m.putArray("files");
        return m;
    }

    /**
     * The manifest as schema version 2 writes it after a run that sampled the machine's noise: each figure the same
     * every second (mean = p95 = max), judged by the default thresholds (steal mean above 5%, foreign CPU mean above
     * 10% of a core); a run that succeeded above them is NOISY.
     */
    public static ObjectNode withNoise(ObjectNode manifest, double stealPercent, double foreignCpuPercentOfCore,
                                       double loadAverage) {
        manifest.put("schemaVersion", 2);
        ObjectNode noise = manifest.putObject("noise");
        noise.put("sampleIntervalMs", 1000).put("samples", manifest.path("durationMs").asInt() / 1000);
        figures(noise.putObject("stealPercent"), stealPercent);
        figures(noise.putObject("foreignCpuPercentOfCore"), foreignCpuPercentOfCore);
        figures(noise.putObject("loadAverage1m"), loadAverage);
        noise.putObject("thresholds").put("maxStealMeanPercent", 5.0).put("maxForeignCpuMeanPercentOfCore", 10.0);
        ArrayNode exceeded = noise.putArray("exceeded");
        if (stealPercent > 5) {
            exceeded.add(String.format(java.util.Locale.ROOT, "CPU steal mean %.1f%% > 5.0%%", stealPercent));
        }
        if (foreignCpuPercentOfCore > 10) {
            exceeded.add(String.format(java.util.Locale.ROOT, "foreign CPU mean %.1f%% of a core > 10.0%%", foreignCpuPercentOfCore));
        }
        if (!exceeded.isEmpty() && manifest.path("status").asText().equals("OK")) {
            manifest.put("status", "NOISY");
        }
        return manifest;
    }

    private static void figures(ObjectNode figures, double value) {
        figures.put("mean", value).put("p95", value).put("max", value);
    }

    public static Path writeRun(Path dir, ObjectNode manifest) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        JsonFiles.write(dir.resolve("manifest.json"), manifest);
        return dir;
    }

    /**
     * Writes an interval log of {@code intervals} one-second intervals of {@code ratePerSecond} latencies
     * each, log-normally spread around {@code medianUs} with a rare slow tail.
     *
     * @param warmUpTagged how many leading intervals carry the tag {@code <request>.warmup}; the others are
     *                     tagged {@code <request>}, as the results format's {@code LatencyIntervalLog} tags them
     */
    public static void hlog(Path file, long seed, long startMs, int intervals, int ratePerSecond, double medianUs,
                            int warmUpTagged) {
        SplittableRandom random = new SplittableRandom(seed);
        String fileName = file.getFileName().toString();
        String request = fileName.substring(0, fileName.indexOf('.'));
        try {
            Files.createDirectories(file.getParent());
            try (PrintStream out = new PrintStream(Files.newOutputStream(file), false, StandardCharsets.UTF_8)) {
                HistogramLogWriter writer = new HistogramLogWriter(out);
                writer.outputLogFormatVersion();
                writer.outputStartTime(startMs);
                writer.setBaseTime(startMs);
                writer.outputLegend();
                for (int i = 0; i < intervals; i++) {
                    Histogram interval = new Histogram(3_600_000_000L, 3);
                    for (int n = 0; n < ratePerSecond; n++) {
                        double gaussian = gaussian(random);
                        double tail = random.nextDouble() < 0.002 ? 20 + random.nextDouble() * 30 : 1;
                        interval.recordValue(Math.max(1, Math.round(medianUs * Math.exp(0.35 * gaussian) * tail)));
                    }
                    interval.setStartTimeStamp(startMs + i * INTERVAL_MS);
                    interval.setEndTimeStamp(startMs + (i + 1) * INTERVAL_MS);
                    interval.setTag(i < warmUpTagged ? request + ".warmup" : request);
                    writer.outputIntervalHistogram(interval);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static double gaussian(SplittableRandom random) {
        // Box-Muller: SplittableRandom has no nextGaussian on Java 17
        double u1 = random.nextDouble(1e-12, 1.0);
        double u2 = random.nextDouble();
        return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
    }

    /**
     * A simulation run: {@code get} (a cache lookup) and {@code query} requests, two warm-up intervals tagged
     * {@code <request>.warmup} then eight measured ones; {@code scenario.json} in the shape the scenarios'
     * {@code SimulationRun} writes.
     */
    public static Path gatlingRun(Path dir, Machine machine, Map<String, Object> plan, long seed, double speed,
                                  int ratePerSecond) {
        ObjectNode manifest = manifest("gatling", "gatling-cachequeries", machine, plan, 0, 12, "OK", null);
        ArrayNode files = (ArrayNode) manifest.get("files");
        writeRun(dir, manifest);
        int warmUp = 2;
        int measured = 8;
        Map<String, ScenarioResult.RequestOutcome> requests = new LinkedHashMap<>();
        long total = 0;
        long hits = 0;
        long lookups = 0;
        for (String request : List.of("get", "query")) {
            double medianUs = (request.equals("get") ? 180 : 1400) / speed;
            int rate = request.equals("get") ? ratePerSecond : ratePerSecond / 10;
            hlog(dir.resolve("hdr/" + request + ".intended.hlog"), seed + request.hashCode(), T0_MS, warmUp + measured, rate,
                    medianUs * 1.3, warmUp);
            hlog(dir.resolve("hdr/" + request + ".service.hlog"), seed + 7 + request.hashCode(), T0_MS, warmUp + measured, rate,
                    medianUs, warmUp);
            files.add("hdr/" + request + ".intended.hlog").add("hdr/" + request + ".service.hlog");
            long count = (long) rate * measured;
            Optional<ScenarioResult.CacheLookups> cache = Optional.empty();
            if (request.equals("get")) {
                long requestHits = Math.round(count * (0.95 - 0.01 / speed));
                cache = Optional.of(new ScenarioResult.CacheLookups(requestHits, count - requestHits,
                        Math.round(10_000.0 * requestHits / count) / 10_000.0));
                hits += requestHits;
                lookups += count;
            }
            long ko = request.equals("query") ? 2 : 0;
            requests.put(request, new ScenarioResult.RequestOutcome(count - ko, ko, rate, cache, Optional.empty(),
                    Optional.empty(), Optional.empty()));
            total += count;
        }
        ScenarioResult scenario = new ScenarioResult("io.loadbench.scenarios.CacheQueriesSimulation", "cache", warmUp * INTERVAL_MS,
                new ScenarioResult.Rate(OptionalDouble.of(ratePerSecond * 1.1), total / (double) measured, measured * INTERVAL_MS,
                        total, OptionalInt.empty(), OptionalInt.of(12)),
                requests,
                Optional.of(new ScenarioResult.CacheTotals(lookups, Math.round(10_000.0 * hits / lookups) / 10_000.0,
                        OptionalDouble.of(0.9), Optional.empty())),
                new ScenarioResult.Injector(new LatencyPercentiles(12_000, 60, 95, 410, 2_900, 4_800), 0, 0.35 * speed,
                        machine.cores(), 250),
                List.of(), Map.of(), List.of(), RunStatus.OK);
        ScenarioResultWriter.write(dir.resolve(ScenarioResult.FILE), scenario);
        files.add("scenario.json");
        writeRun(dir, manifest);
        return dir;
    }

    /** A loader run of three tables; {@code load.json} in the loader's {@code LoadReport} shape. */
    public static Path loadRun(Path dir, Machine machine, Map<String, Object> plan, double speed) {
        return loadRun(dir, machine, plan, speed, manifest("load", "load-analytics", machine, plan, 0, 40, "OK", null));
    }

    /** As {@link #loadRun(Path, Machine, Map, double)} with its manifest given (e.g. {@link #withNoise} applied). */
    public static Path loadRun(Path dir, Machine machine, Map<String, Object> plan, double speed, ObjectNode manifest) {
        ((ArrayNode) manifest.get("files")).add("load.json");
        writeRun(dir, manifest);
        List<LoadResult.TableLoad> tables = new ArrayList<>();
        long totalRows = 0;
        long totalBytes = 0;
        double totalSeconds = 0;
        String[] names = {"organisations", "users", "events"};
        long[] rows = {1_000, 50_000, 1_000_000};
        double[] baseRate = {40_000, 180_000, 260_000};
        for (int i = 0; i < names.length; i++) {
            double copySeconds = Math.round(rows[i] / (baseRate[i] * speed) * 1000) / 1000.0;
            long bytes = rows[i] * (i == 2 ? 212 : 96);
            double afterLoadSeconds = Math.round(copySeconds * 150) / 1000.0;
            long batches = (rows[i] + 49_999) / 50_000;
            tables.add(new LoadResult.TableLoad(names[i], rows[i], rows[i], batches, batches, 0, bytes, copySeconds,
                    afterLoadSeconds, Math.round(rows[i] / copySeconds * 1000) / 1000.0,
                    Math.round(bytes / 1e6 / copySeconds * 1000) / 1000.0, List.of(),
                    Optional.of(rows[i] + ":" + (rows[i] * 7919))));
            totalRows += rows[i];
            totalBytes += bytes;
            totalSeconds += copySeconds + afterLoadSeconds;
        }
        totalSeconds = Math.round((totalSeconds + 1.5) * 1000) / 1000.0;
        LoadResult load = new LoadResult("analytics", "5e0c2a9f", false, "binary", 50_000, 2, tables,
                new LoadResult.Totals(totalRows, totalBytes, totalSeconds, Math.round(totalRows / totalSeconds * 1000) / 1000.0,
                        Math.round(totalBytes / 1e6 / totalSeconds * 1000) / 1000.0),
                List.of(), new LoadResult.Verification(LoadResult.VerificationStatus.PASSED, List.of(), Map.of()),
                RunStatus.OK, Optional.empty());
        LoadResultWriter.write(dir.resolve(LoadResult.FILE), load);
        return dir;
    }

    /** A JMH run: a COPY benchmark swept over batchSize with an {@code @AuxCounters} rows metric, plus a GET benchmark. */
    public static Path jmhRun(Path dir, Machine machine, Map<String, Object> plan, double speed, long seed) {
        return jmhRun(dir, machine, plan, speed, seed, 0.02);
    }

    /**
     * As {@link #jmhRun(Path, Machine, Map, double, long)}, each iteration's score spread uniformly over
     * {@code spread} of it (0.02: ±1%, errors of about 1% of the score; 0.8: ±40%, errors above 20%).
     */
    public static Path jmhRun(Path dir, Machine machine, Map<String, Object> plan, double speed, long seed, double spread) {
        ObjectNode manifest = manifest("jmh", "jmh", machine, plan, 0, 90, "OK", null);
        ((ArrayNode) manifest.get("files")).add("jmh.json");
        writeRun(dir, manifest);
        SplittableRandom random = new SplittableRandom(seed);
        List<RunResult> results = new ArrayList<>();
        for (String batchSize : List.of("100", "1000", "10000")) {
            int batch = Integer.parseInt(batchSize);
            double rowsPerSecond = 300_000 * speed * (1 - 100.0 / (batch + 120));
            results.add(jmhResult(machine, "io.loadbench.benchmarks.CopyBenchmark.copyBinary", Map.of("batchSize", batchSize),
                    rowsPerSecond / batch, Map.of("rows", rowsPerSecond), random, spread));
        }
        // bound by the loopback round trip, not by the machine's speed: runs of it overlap within their errors
        results.add(jmhResult(machine, "io.loadbench.benchmarks.RedisBenchmark.get", Map.of(), 21_000, Map.of(), random, spread));
        try (PrintStream out = new PrintStream(Files.newOutputStream(dir.resolve("jmh.json")), false, StandardCharsets.UTF_8)) {
            ResultFormatFactory.getInstance(ResultFormatType.JSON, out).writeOut(results);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return dir;
    }

    private static RunResult jmhResult(Machine machine, String benchmark, Map<String, String> paramValues, double opsPerSecond,
                                       Map<String, Double> secondary, SplittableRandom random, double spread) {
        WorkloadParams params = new WorkloadParams();
        paramValues.forEach((key, value) -> params.put(key, value, 0));
        IterationParams warmup = new IterationParams(IterationType.WARMUP, 2, TimeValue.seconds(2), 1);
        IterationParams measurement = new IterationParams(IterationType.MEASUREMENT, 5, TimeValue.seconds(2), 1);
        BenchmarkParams benchmarkParams = new BenchmarkParams(benchmark, benchmark + "_jmhTest", false, 1, new int[] {1},
                List.of(), 2, 0, warmup, measurement, Mode.Throughput, params, TimeUnit.SECONDS, 1,
                "/usr/lib/jvm/java-17-openjdk-amd64/bin/java", List.of("-Xmx2g"), machine.jvmVersion(),
                "OpenJDK 64-Bit Server VM", machine.jvmVersion() + "+6-Debian-1deb12u1", "1.37", TimeValue.minutes(10));
        List<BenchmarkResult> forks = new ArrayList<>();
        for (int fork = 0; fork < 2; fork++) {
            Collection<IterationResult> iterations = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                double noise = 1 + spread * (random.nextDouble() - 0.5);
                long durationNs = 2_000_000_000L;
                IterationResult iteration = new IterationResult(benchmarkParams, measurement, new IterationResultMetaData(0, 0));
                iteration.addResult(new ThroughputResult(ResultRole.PRIMARY, benchmark.substring(benchmark.lastIndexOf('.') + 1),
                        opsPerSecond * noise * 2, durationNs, TimeUnit.SECONDS));
                secondary.forEach((name, perSecond) -> iteration.addResult(
                        new ThroughputResult(ResultRole.SECONDARY, name, perSecond * noise * 2, durationNs, TimeUnit.SECONDS)));
                iterations.add(iteration);
            }
            forks.add(new BenchmarkResult(benchmarkParams, iterations));
        }
        return new RunResult(benchmarkParams, forks);
    }
}
