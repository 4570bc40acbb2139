package io.loadbench.report;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.loadbench.report.read.JsonFiles;
import io.loadbench.results.RunStatus;
import io.loadbench.results.latency.LatencyPercentiles;
import io.loadbench.results.scenario.ScenarioResult;
import io.loadbench.results.scenario.ScenarioResultReader;
import io.loadbench.results.scenario.ScenarioResultWriter;
import io.loadbench.results.shard.Shard;
import io.loadbench.results.shard.ShardMarker;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The shard folders of one scaled-out simulation, {@code <run-id>/shard-<i>/}: {@link Fixtures#gatlingRun} runs whose
 * manifests record the shard contract and a {@code shardTiming}, whose {@code scenario.json} counts the open model's
 * arrivals per interval, and which end with their completion marker, as an injector shard leaves them.
 */
final class ShardFixtures {

    static final String RUN_ID = "cache-20261122";
    /** The start instant every shard is given; the schedules start 2 s later, as the injector leaves time to connect. */
    static final Instant START_AT = Instant.ofEpochMilli(Fixtures.T0_MS);
    static final Instant SCHEDULE_START = START_AT.plusSeconds(2);
    static final int MEASURED_INTERVALS = 8;

    private ShardFixtures() {
    }

    /** Shard {@code index} of {@code count} in {@code folder}, started on time with a clock in step with the target's. */
    static Path shard(Path runIdDir, String folder, int index, int count) {
        return shard(runIdDir, folder, index, count, 0, 0);
    }

    /**
     * Shard {@code index} of {@code count} in {@code runIdDir/folder}, with its marker.
     *
     * @param scheduleLateMs how far after {@link #SCHEDULE_START} its own clock read its schedule's start
     * @param clockOffsetMs  its clock minus the system under test's
     */
    static Path shard(Path runIdDir, String folder, int index, int count, long scheduleLateMs, double clockOffsetMs) {
        Path dir = unmarkedShard(runIdDir, folder, index, count, scheduleLateMs, clockOffsetMs);
        new ShardMarker(RUN_ID, new Shard(index, count), RunStatus.OK, START_AT.plusSeconds(14),
                Optional.of("pod-uid-" + index)).writeInto(dir);
        return dir;
    }

    /** As {@link #shard(Path, String, int, int, long, double)}, cut short before it wrote its marker. */
    static Path unmarkedShard(Path runIdDir, String folder, int index, int count, long scheduleLateMs, double clockOffsetMs) {
        Path dir = Fixtures.gatlingRun(runIdDir.resolve(folder), index % 2 == 0 ? Fixtures.BENCH_01 : Fixtures.BENCH_02,
                Plans.cache(2000), 11 + index, 1.0, 200 + 50 * index);
        ObjectNode manifest = read(dir.resolve("manifest.json"));
        ObjectNode parameters = (ObjectNode) manifest.get("parameters");
        parameters.putObject("shard").put("index", index).put("count", count);
        parameters.put("runId", RUN_ID);
        parameters.put("podUid", "pod-uid-" + index);
        Instant scheduleStart = SCHEDULE_START.plusMillis(scheduleLateMs);
        parameters.putObject("shardTiming").put("startAt", START_AT.toString()).put("scheduleStart", scheduleStart.toString())
                .put("firstSend", scheduleStart.plusMillis(1).toString()).put("clockOffsetMs", clockOffsetMs)
                .put("clockRttMs", 0.4).put("clockSource", "redis");
        Fixtures.writeRun(dir, manifest);
        withShardFigures(dir, index);
        return dir;
    }

    /**
     * Rewrites the run's scenario.json with what a shard of a simulation has beside its requests: a uniform open
     * model's arrivals (shard i issues 100 + i + interval per interval), a {@code dashboard} transaction (the
     * {@code get} request's outcome and histograms) and the injector's load (lag max (i + 1) ms, 100 + 10 i µs of CPU
     * per request).
     */
    private static void withShardFigures(Path dir, int index) {
        Path file = dir.resolve(ScenarioResult.FILE);
        ScenarioResult s = ScenarioResultReader.read(file);
        List<ScenarioResult.Arrivals.Interval> intervals = new ArrayList<>();
        long issued = 0;
        for (int i = 0; i < MEASURED_INTERVALS; i++) {
            long inInterval = 100 + index + i;
            intervals.add(new ScenarioResult.Arrivals.Interval(2_000 + i * Fixtures.INTERVAL_MS, 100.0, inInterval));
            issued += inInterval;
        }
        ScenarioResult.Arrivals arrivals = new ScenarioResult.Arrivals("uniform", 100.0, issued / (double) MEASURED_INTERVALS,
                100.0 * MEASURED_INTERVALS, issued, Fixtures.INTERVAL_MS, intervals);
        try {
            for (String kind : List.of("intended", "service")) {
                Files.copy(dir.resolve("hdr/get." + kind + ".hlog"), dir.resolve("hdr/dashboard." + kind + ".hlog"));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        long lagMaxUs = 1_000L * (index + 1);
        ScenarioResult.Injector injector = new ScenarioResult.Injector(s.injector().hiccupUs(), s.injector().droppedRequests(),
                s.injector().cpuCoresUsed(), s.injector().availableProcessors(), s.injector().maxStallAllowedMs(),
                Optional.of(new ScenarioResult.InjectorLoad(new LatencyPercentiles(1_000, 50, 90, 400, lagMaxUs / 2, lagMaxUs),
                        250, 10L * index, 0.5, 100 + 10 * index, 64_000_000L * (index + 1), 512_000_000L)));
        ScenarioResultWriter.write(file, new ScenarioResult(s.simulation(), s.preset(), s.warmupMs(), s.rate(), s.requests(),
                java.util.Map.of("dashboard", s.requests().get("get")), Optional.of(arrivals), s.cache(), injector, s.slos(),
                s.extraChecks(), s.failures(), s.status()));
    }

    static ObjectNode read(Path json) {
        try {
            return (ObjectNode) JsonFiles.MAPPER.readTree(json.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
