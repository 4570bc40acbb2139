package io.loadbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.loadbench.results.Json;
import io.loadbench.results.shard.ShardMarker;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** {@code loadbench run WORKLOAD --local-shards N}: N shard processes on this machine, merged into one run. */
class LocalShardsTest {

    @TempDir
    Path results;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int loadbench(String... args) {
        return new Loadbench(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
                Map.of(), Clock.systemUTC(), false).run(args);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    @Timeout(240)
    void twoLocalShardsOnSharedEmbeddedServersMergeIntoOneRunWhoseCountsAreTheShardsSums() throws IOException {
        int exit = loadbench("run", "redis", "--rate", "300", "--duration", "4s", "--local-shards", "2", "--start-delay", "15s",
                "--run-id", "two-shards", "--target", "embedded", "--results", results.toString());

        Path runDir = results.resolve("two-shards");
        assertThat(exit).as("%s\n%s", out, err()).isZero();
        for (int i = 0; i < 2; i++) {
            Path shard = runDir.resolve("shard-" + i);
            assertThat(ShardMarker.readFrom(shard)).as("shard %d's marker", i).isPresent();
            assertThat(runDir.resolve("shard-" + i + ".log")).isRegularFile();
        }
        Path merged = mergedRun(runDir);
        JsonNode manifest = Json.mapper().readTree(merged.resolve("manifest.json").toFile());
        assertThat(manifest.path("status").asText()).isIn("OK", "NOISY");
        JsonNode scenario = Json.mapper().readTree(merged.resolve("scenario.json").toFile());
        long shardGets = 0;
        long shardArrivals = 0;
        for (int i = 0; i < 2; i++) {
            JsonNode shard = Json.mapper().readTree(runDir.resolve("shard-" + i).resolve("scenario.json").toFile());
            assertThat(shard.path("rate").path("targetRequestsPerSecond").asDouble()).isEqualTo(150.0);
            shardGets += shard.path("requests").path("GET").path("ok").asLong();
            shardArrivals += shard.path("arrivals").path("issued").asLong();
        }
        assertThat(shardGets).isPositive();
        assertThat(scenario.path("requests").path("GET").path("ok").asLong()).isEqualTo(shardGets);
        assertThat(scenario.path("arrivals").path("issued").asLong()).isEqualTo(shardArrivals);
        assertThat(scenario.path("rate").path("targetRequestsPerSecond").asDouble()).isEqualTo(300.0);
    }

    /** The one folder beside the shards that holds the merge. */
    private static Path mergedRun(Path runDir) throws IOException {
        try (Stream<Path> entries = Files.list(runDir)) {
            List<Path> merges = entries.filter(dir -> Files.isRegularFile(dir.resolve("merge.json"))).toList();
            assertThat(merges).hasSize(1);
            return merges.get(0);
        }
    }

    @Test
    void theShardsAreGivenTheRunsArgumentsWithoutTheLocalFlags() {
        assertThat(LocalShards.without(new String[] {"redis", "--rate", "300", "--local-shards", "2", "--start-delay=10s",
                "--run-id", "r", "--pg-url", "postgresql://h/db", "--duration", "5s"}, Set.of("--pg-url")))
                .containsExactly("redis", "--rate", "300", "--duration", "5s");
    }

    @Test
    void badLocalShardOptionsAreRefusedInOneLineBeforeAnythingStarts() {
        assertThat(loadbench("run", "redis", "--local-shards", "0", "--results", results.toString())).isEqualTo(Loadbench.EXIT_USAGE);
        assertThat(loadbench("run", "redis", "--local-shards", "2", "--shard", "0/2", "--results", results.toString()))
                .isEqualTo(Loadbench.EXIT_USAGE);
        assertThat(loadbench("run", "redis", "--local-shards", "2", "--start-delay", "soon", "--results", results.toString()))
                .isEqualTo(Loadbench.EXIT_USAGE);
        assertThat(loadbench("run", "redis", "--shard", "1/2", "--results", results.toString())).isEqualTo(Loadbench.EXIT_USAGE);
        assertThat(loadbench("run", "redis", "--results-uri", "s3://bench/runs", "--results", results.toString()))
                .isEqualTo(Loadbench.EXIT_USAGE);
        assertThat(err().lines().toList()).containsExactly(
                "error: --local-shards: expected a number of processes from 1 to 64, got '0'",
                "error: --local-shards gives every shard its --shard; leave --shard out",
                "error: --start-delay: expected a duration such as 90s, 5m or 2h, got 'soon'",
                "error: --run-id: shard 1/2 needs the run id its run's shards share, under which they write their folders: give "
                        + "--run-id ID (or LB_RUN_ID) (see 'loadbench run redis --help')",
                "error: --results-uri: only a shard (--shard, or an Indexed Job's environment) publishes its folder to a "
                        + "bucket (see 'loadbench run redis --help')");
        assertThat(results).isEmptyDirectory();
    }
}
