package io.loadbench.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.loadbench.report.read.RunReader;
import io.loadbench.report.read.SavedRun;
import io.loadbench.results.RunKind;
import io.loadbench.results.RunStatus;
import io.loadbench.results.scenario.ScenarioResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code merge-shards} merges the shard folders of one run only when they are the whole run, each finished and all
 * started together; every refusal is one line naming the folders, a non-zero exit, and no merged folder.
 */
class MergeShardsTest {

    @TempDir
    Path results;

    private Path runIdDir() {
        return results.resolve(ShardFixtures.RUN_ID);
    }

    private Cli mergeShards(String... options) {
        String[] args = Stream.concat(Stream.of("merge-shards", runIdDir().toString()), Stream.of(options)).toArray(String[]::new);
        return Cli.run(args);
    }

    /** The refusal is one line, exit 1, nothing printed on stdout, and no merged run folder beside the shards. */
    private void assertRefused(Cli cli, String... fragments) throws IOException {
        assertThat(cli.exitCode()).as(cli.err()).isEqualTo(Main.EXIT_BAD_INPUT);
        assertThat(cli.err().lines()).hasSize(1);
        assertThat(cli.err()).startsWith("loadbench-report: ").contains(fragments).doesNotContain("\tat ", "Exception");
        assertThat(cli.out()).isEmpty();
        try (Stream<Path> entries = Files.list(runIdDir())) {
            assertThat(entries.map(entry -> entry.getFileName().toString())).allMatch(name -> name.startsWith("shard-"));
        }
    }

    private SavedRun merged(Cli cli) {
        return merged(cli, RunStatus.OK);
    }

    /** The merged run, which the command printed with its status and judged by its exit code: 0 OK, 1 FAILED. */
    private SavedRun merged(Cli cli, RunStatus status) {
        assertThat(cli.exitCode()).as(cli.err()).isEqualTo(status.succeeded() ? 0 : 1);
        Path dir = runIdDir().resolve("20261122T070000Z-merged-gatling-cachequeries");
        assertThat(cli.out()).isEqualTo("merged " + 3 + " shards of run " + ShardFixtures.RUN_ID + " into " + dir + ": " + status + "\n");
        return RunReader.read(dir);
    }

    private void threeShards() {
        for (int i = 0; i < 3; i++) {
            ShardFixtures.shard(runIdDir(), "shard-" + i, i, 3);
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> shardMerge(SavedRun merged) {
        return (Map<String, Object>) merged.manifest().parameters().get("shardMerge");
    }

    @Test
    void theMergedRequestCountIsExactlyTheSumOfTheShardsCounts() {
        threeShards();
        List<SavedRun> shards = Stream.of("shard-0", "shard-1", "shard-2").map(name -> RunReader.read(runIdDir().resolve(name))).toList();

        SavedRun merged = merged(mergeShards());

        assertThat(merged.manifest().kind()).isEqualTo(RunKind.MERGE);
        assertThat(merged.manifest().status()).isEqualTo(RunStatus.OK);
        for (String request : List.of("get", "query")) {
            long intended = shards.stream().mapToLong(s -> s.requests().get(request).intended().histogram().getTotalCount()).sum();
            long service = shards.stream().mapToLong(s -> s.requests().get(request).service().histogram().getTotalCount()).sum();
            assertThat(merged.requests().get(request).intended().histogram().getTotalCount()).isEqualTo(intended).isPositive();
            assertThat(merged.requests().get(request).service().histogram().getTotalCount()).isEqualTo(service);
            ScenarioResult.RequestOutcome outcome = merged.scenario().requests().get(request);
            assertThat(outcome.ok()).isEqualTo(shards.stream().mapToLong(s -> s.scenario().requests().get(request).ok()).sum());
            assertThat(outcome.ko()).isEqualTo(shards.stream().mapToLong(s -> s.scenario().requests().get(request).ko()).sum());
            // the latency of record: the OK and the failed requests' histograms of every shard, added
            String failed = io.loadbench.results.latency.LatencyRecorders.fileName(request + ScenarioResult.FAILED_REQUEST_SUFFIX);
            long failedCount = shards.stream().filter(s -> s.requests().get(failed) != null)
                    .mapToLong(s -> s.requests().get(failed).intended().histogram().getTotalCount()).sum();
            assertThat(outcome.intendedLatencyWithFailuresUs()).hasValueSatisfying(record ->
                    assertThat(record.count()).isEqualTo(intended + failedCount));
        }
        assertThat(merged.scenario().rate().requestsAfterWarmup())
                .isEqualTo(shards.stream().mapToLong(s -> s.scenario().rate().requestsAfterWarmup()).sum());
        // arrivals: interval i of the merge is the sum of every shard's interval i (shard j issued 100 + j + i)
        ScenarioResult.Arrivals arrivals = merged.scenario().arrivals().orElseThrow();
        assertThat(arrivals.intervals()).hasSize(ShardFixtures.MEASURED_INTERVALS);
        for (int i = 0; i < ShardFixtures.MEASURED_INTERVALS; i++) {
            assertThat(arrivals.intervals().get(i).issued()).isEqualTo(3L * (100 + i) + (0 + 1 + 2));
            assertThat(arrivals.intervals().get(i).expected()).isEqualTo(300.0);
            assertThat(arrivals.intervals().get(i).startMs()).isEqualTo(2_000 + i * Fixtures.INTERVAL_MS);
        }
        assertThat(arrivals.issued()).isEqualTo(shards.stream().mapToLong(s -> s.scenario().arrivals().orElseThrow().issued()).sum());
        // transactions are merged as requests are: counts summed, latency from the added histograms
        ScenarioResult.RequestOutcome dashboard = merged.scenario().transactions().get("dashboard");
        assertThat(dashboard.ok()).isEqualTo(shards.stream().mapToLong(s -> s.scenario().transactions().get("dashboard").ok()).sum());
        assertThat(dashboard.intendedLatencyUs()).hasValueSatisfying(latency -> assertThat(latency.count())
                .isEqualTo(shards.stream().mapToLong(s -> s.requests().get("dashboard").intended().histogram().getTotalCount()).sum()));
        // the injectors' load: the worst lag, and the CPU per request over every shard's requests
        ScenarioResult.InjectorLoad load = merged.scenario().injector().load().orElseThrow();
        assertThat(load.lagUs().maxUs()).isEqualTo(3_000);
        double cpuMicros = 0;
        for (int i = 0; i < 3; i++) {
            cpuMicros += (100 + 10 * i) * shards.get(i).scenario().rate().requestsAfterWarmup();
        }
        assertThat(load.cpuMicrosPerRequest()).isCloseTo(cpuMicros / merged.scenario().rate().requestsAfterWarmup(),
                org.assertj.core.api.Assertions.within(0.0001));
        assertThat(load.heapUsedMaxBytes()).isEqualTo(3 * 64_000_000L);

        Map<String, Object> shardMerge = shardMerge(merged);
        assertThat(shardMerge).containsEntry("runId", ShardFixtures.RUN_ID).containsEntry("shardCount", 3)
                .containsEntry("startSpreadMs", 0.0).containsEntry("maxStartSpreadMs", 10.0).containsEntry("startSpreadAllowed", false);
        assertThat((List<Map<String, Object>>) shardMerge.get("shards")).extracting(shard -> shard.get("folder"))
                .containsExactly("shard-0", "shard-1", "shard-2");
        assertThat((List<Map<String, Object>>) shardMerge.get("shards")).allSatisfy(shard ->
                assertThat(shard).containsEntry("clockOffsetMs", 0.0).containsEntry("clockRttMs", 0.4));
        // the merged manifest describes the run, not shard 0
        assertThat(merged.manifest().parameters()).containsEntry("runId", ShardFixtures.RUN_ID)
                .doesNotContainKeys("shard", "shardTiming", "podUid");
        assertThat(merged.merge().sources()).extracting(source -> source.folder()).containsExactly("shard-0", "shard-1", "shard-2");
    }

    @Test
    void aFailedShardMakesTheMergedRunFailed() throws IOException {
        threeShards();
        Path manifest = runIdDir().resolve("shard-1/manifest.json");
        Files.writeString(manifest, Files.readString(manifest).replace("\"status\" : \"OK\"", "\"status\" : \"FAILED\""));

        SavedRun merged = merged(mergeShards(), RunStatus.FAILED);

        assertThat(merged.manifest().status()).isEqualTo(RunStatus.FAILED);
        assertThat(merged.manifest().failureReason()).hasValueSatisfying(reason -> assertThat(reason).contains("shard-1 FAILED"));
    }

    @Test
    void aSecondFolderHoldingTheSameShardIndexIsRefusedAsADuplicate() throws IOException {
        threeShards();
        ShardFixtures.shard(runIdDir(), "shard-1-2", 1, 3);

        assertRefused(mergeShards(), "shard-1, shard-1-2: duplicate shard index 1");
    }

    @Test
    void aShardFolderWithoutItsCompletionMarkerIsRefused() throws IOException {
        ShardFixtures.shard(runIdDir(), "shard-0", 0, 3);
        ShardFixtures.unmarkedShard(runIdDir(), "shard-1", 1, 3, 0, 0);
        ShardFixtures.shard(runIdDir(), "shard-2", 2, 3);

        assertRefused(mergeShards(), "shard-1: no completion marker (still running, killed, or cut short");
    }

    @Test
    void aMissingShardIndexIsRefusedNamingTheIndex() throws IOException {
        ShardFixtures.shard(runIdDir(), "shard-0", 0, 4);
        ShardFixtures.shard(runIdDir(), "shard-2", 2, 4);

        assertRefused(mergeShards(), "missing shards 1, 3 of 0..3 (found shard-0, shard-2)");
    }

    @Test
    void shardsThatDisagreeOnTheCountAreRefused() throws IOException {
        ShardFixtures.shard(runIdDir(), "shard-0", 0, 2);
        ShardFixtures.shard(runIdDir(), "shard-1", 1, 3);

        assertRefused(mergeShards(), "shard counts disagree: shard-0 of 2; shard-1 of 3");
    }

    @Test
    void aShardOfAnotherRunIdIsRefused() throws IOException {
        threeShards();
        Path manifest = runIdDir().resolve("shard-2/manifest.json");
        Files.writeString(manifest, Files.readString(manifest).replace("\"runId\" : \"" + ShardFixtures.RUN_ID + "\"",
                "\"runId\" : \"other-run\""));

        assertRefused(mergeShards(), "shard-2: run ids disagree", "'other-run'", "'" + ShardFixtures.RUN_ID + "'");
    }

    @Test
    void shardsOfDifferentPlansAreRefused() throws IOException {
        threeShards();
        Path manifest = runIdDir().resolve("shard-1/manifest.json");
        Files.writeString(manifest, Files.readString(manifest).replace("\"rate\" : 2000", "\"rate\" : 4000"));

        assertRefused(mergeShards(), "cannot merge runs of different plans: rate (A=2000, B=4000, C=2000)");
    }

    @Test
    void aShardThatStartedFiftyMillisecondsLateIsRefused() throws IOException {
        ShardFixtures.shard(runIdDir(), "shard-0", 0, 3);
        ShardFixtures.shard(runIdDir(), "shard-1", 1, 3);
        ShardFixtures.shard(runIdDir(), "shard-2", 2, 3, 50, 0);

        assertRefused(mergeShards(), "shard-2 started its schedule 50.000 ms after shard-0",
                "more than --max-start-spread 10.000 ms", "--allow-start-spread");
    }

    @Test
    void aShardThatStartedFiftyMillisecondsLateIsMergedWithAllowStartSpreadWhichIsRecorded() {
        ShardFixtures.shard(runIdDir(), "shard-0", 0, 3);
        ShardFixtures.shard(runIdDir(), "shard-1", 1, 3);
        ShardFixtures.shard(runIdDir(), "shard-2", 2, 3, 50, 0);

        SavedRun merged = merged(mergeShards("--allow-start-spread"));

        assertThat(shardMerge(merged)).containsEntry("startSpreadMs", 50.0).containsEntry("startSpreadAllowed", true);
    }

    @Test
    void aWiderMaxStartSpreadAcceptsTheLateShard() {
        ShardFixtures.shard(runIdDir(), "shard-0", 0, 3);
        ShardFixtures.shard(runIdDir(), "shard-1", 1, 3);
        ShardFixtures.shard(runIdDir(), "shard-2", 2, 3, 50, 0);

        SavedRun merged = merged(mergeShards("--max-start-spread", "60ms"));

        assertThat(shardMerge(merged)).containsEntry("startSpreadMs", 50.0).containsEntry("maxStartSpreadMs", 60.0)
                .containsEntry("startSpreadAllowed", false);
    }

    @Test
    void equalRawStartsAreRefusedWhenOneShardsClockIsFortyMillisecondsAhead() throws IOException {
        // its clock read the same instant as the others' 40 ms before the target's clock did: it started 40 ms early
        ShardFixtures.shard(runIdDir(), "shard-0", 0, 3);
        ShardFixtures.shard(runIdDir(), "shard-1", 1, 3, 0, 40);
        ShardFixtures.shard(runIdDir(), "shard-2", 2, 3);

        assertRefused(mergeShards(), "40.000 ms after shard-1", "on the system under test's clock");
    }

    @Test
    void rawStartsFortyMillisecondsApartAreMergedWhenTheClockOffsetsExplainThem() {
        // shard-1's clock runs 40 ms ahead: its schedule start read 40 ms later is the same instant on the target's clock
        ShardFixtures.shard(runIdDir(), "shard-0", 0, 3);
        ShardFixtures.shard(runIdDir(), "shard-1", 1, 3, 40, 40);
        ShardFixtures.shard(runIdDir(), "shard-2", 2, 3);

        SavedRun merged = merged(mergeShards());

        assertThat(shardMerge(merged)).containsEntry("startSpreadMs", 0.0);
        assertThat((List<Map<String, Object>>) shardMerge(merged).get("shards")).extracting(shard -> shard.get("clockOffsetMs"))
                .containsExactly(0.0, 40.0, 0.0);
    }

    @Test
    void aSimulationShardWithoutTimingAmongTimedOnesIsRefused() throws IOException {
        threeShards();
        rewriteWithoutTiming("shard-0", manifest -> { });

        assertRefused(mergeShards(), "shard-0: manifest.json has no shardTiming where shard-1, shard-2 have one",
                "shards of different injector builds?");
    }

    @Test
    void aShardThatWasLateIsNamedWithItsReasonWhenItsMissingStartIsRefused() throws IOException {
        threeShards();
        rewriteWithoutTiming("shard-2", manifest -> manifest.put("status", "FAILED")
                .put("failureReason", "late: ready 812 ms after --start-at 2026-11-22T07:00:00Z"));

        assertRefused(mergeShards(), "shard-2: manifest.json has no shardTiming",
                "failed before its schedule began: shard-2 FAILED: late: ready 812 ms after --start-at");
    }

    /** Rewrites {@code shard}'s manifest without its {@code shardTiming}, changed further by {@code change}. */
    private void rewriteWithoutTiming(String shard, java.util.function.Consumer<com.fasterxml.jackson.databind.node.ObjectNode> change) {
        Path manifest = runIdDir().resolve(shard).resolve("manifest.json");
        var tree = ShardFixtures.read(manifest);
        ((com.fasterxml.jackson.databind.node.ObjectNode) tree.get("parameters")).remove("shardTiming");
        change.accept(tree);
        Fixtures.writeRun(manifest.getParent(), tree);
    }

    @Test
    void aBadMaxStartSpreadIsAUsageError() {
        threeShards();
        Cli cli = mergeShards("--max-start-spread", "ten");
        assertThat(cli.exitCode()).isEqualTo(2);
        assertThat(cli.err()).contains("--max-start-spread", "expected a duration such as 10ms");
    }

    @Test
    void anUnknownStoreSchemeIsOneLine() {
        Cli cli = Cli.run("merge-shards", "gs://bucket/runs/" + ShardFixtures.RUN_ID, "--out", results.toString());
        assertThat(cli.exitCode()).isEqualTo(Main.EXIT_BAD_INPUT);
        assertThat(cli.err().lines()).hasSize(1);
        assertThat(cli.err()).contains("gs://bucket/runs/" + ShardFixtures.RUN_ID, "unknown results store scheme 'gs'");
    }

    @Test
    void aFileUriOfTheRunIdFolderIsMergedLikeThePath() {
        threeShards();
        Cli cli = Cli.run("merge-shards", runIdDir().toUri().toString());
        merged(cli);
    }

    @Test
    void theHelpExplainsTheRules() {
        Cli cli = Cli.run("merge-shards", "--help");
        assertThat(cli.exitCode()).isZero();
        assertThat(cli.out().replaceAll("\\s+", " ")).contains("no completion marker", "same shard index", "0..N-1", "run id", "plans differ",
                "--max-start-spread", "--allow-start-spread", "default: 10ms");
    }
}
