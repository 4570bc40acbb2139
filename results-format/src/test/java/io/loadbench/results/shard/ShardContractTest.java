package io.loadbench.results.shard;

import io.loadbench.results.EnvironmentInfo;
import io.loadbench.results.ManifestReader;
import io.loadbench.results.Run;
import io.loadbench.results.RunKind;
import io.loadbench.results.RunManifest;
import io.loadbench.results.ToolInfo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ShardContractTest {

    @TempDir
    Path results;

    @Test
    void theShardOptionParsesIndexSlashCount() {
        ShardContract contract = ShardContract.resolve(" 1/4 ", null, Map.of());
        assertThat(contract.shard()).contains(new Shard(1, 4));
        assertThat(contract.runId()).isEmpty();
        assertThat(contract.podUid()).isEmpty();
    }

    @Test
    void anIndexedJobsEnvironmentGivesTheShardRunIdAndPodUid() {
        ShardContract contract = ShardContract.resolve(null, null, Map.of(ShardContract.INDEX_ENV, "2",
                ShardContract.COUNT_ENV, "3", ShardContract.RUN_ID_ENV, "load-events-7f3a",
                ShardContract.POD_UID_ENV, "6a1f0c2e-6b4e-4c39-9a36-0b8f8a6f3d21"));
        assertThat(contract.shard()).contains(new Shard(2, 3));
        assertThat(contract.runId()).contains("load-events-7f3a");
        assertThat(contract.podUid()).contains("6a1f0c2e-6b4e-4c39-9a36-0b8f8a6f3d21");
    }

    @Test
    void theOptionsWinOverTheEnvironmentWhichIsThenNotRead() {
        // the variables are unusable on purpose: with the options given they must not even be parsed
        ShardContract contract = ShardContract.resolve("0/2", "mine", Map.of(ShardContract.INDEX_ENV, "x",
                ShardContract.RUN_ID_ENV, "theirs"));
        assertThat(contract.shard()).contains(new Shard(0, 2));
        assertThat(contract.runId()).contains("mine");
    }

    @Test
    void withoutOptionOrVariableThereIsNoShard() {
        assertThat(ShardContract.resolve(null, null, Map.of())).isEqualTo(ShardContract.none());
        assertThat(ShardContract.none().withDefaultRunId("events-1a2b").runId()).contains("events-1a2b");
        assertThat(ShardContract.resolve(null, "given", Map.of()).withDefaultRunId("events-1a2b").runId()).contains("given");
    }

    @ParameterizedTest(name = "--shard {0}")
    @CsvSource(delimiter = ';', value = {
            "2/2; the index 2 is not below the count 2 (shards are numbered 0..1)",
            "0/0; the count must be between 1 and 10000, got 0",
            "0/10001; the count must be between 1 and 10000",
            "3; expected INDEX/COUNT such as 0/4, got '3'",
            "-1/2; the index must be a whole number of at least 0, got '-1/2'",
            "a/b; the index must be a whole number",
            "1/; the count must be a whole number",
            "''; expected INDEX/COUNT"})
    void aBadShardOptionIsRefusedNamingTheOption(String value, String problem) {
        assertThatThrownBy(() -> ShardContract.resolve(value, null, Map.of()))
                .isInstanceOfSatisfying(ShardContractException.class, e -> {
                    assertThat(e.source()).isEqualTo("--shard");
                    assertThat(e.problem()).contains(problem);
                });
    }

    @ParameterizedTest(name = "index={0} count={1}")
    @CsvSource(nullValues = "unset", value = {
            "3, unset, JOB_COMPLETION_INDEX, but LB_SHARD_COUNT is not",
            "unset, 4, LB_SHARD_COUNT, but JOB_COMPLETION_INDEX is not",
            "4, 4, JOB_COMPLETION_INDEX, 'is 4, not below LB_SHARD_COUNT=4'",
            "0, 0, LB_SHARD_COUNT, the count must be between 1 and",
            "one, 4, JOB_COMPLETION_INDEX, the index must be a whole number",
            "0, four, LB_SHARD_COUNT, the count must be a whole number"})
    void badShardVariablesAreRefusedNamingTheVariable(String index, String count, String source, String problem) {
        Map<String, String> env = new HashMap<>();
        if (index != null) {
            env.put(ShardContract.INDEX_ENV, index);
        }
        if (count != null) {
            env.put(ShardContract.COUNT_ENV, count);
        }
        assertThatThrownBy(() -> ShardContract.resolve(null, null, env))
                .isInstanceOfSatisfying(ShardContractException.class, e -> {
                    assertThat(e.source()).isEqualTo(source);
                    assertThat(e.problem()).contains(problem);
                });
    }

    @Test
    void aBadRunIdOrPodUidIsRefusedNamingWhereItCameFrom() {
        assertThatThrownBy(() -> ShardContract.resolve(null, "two words", Map.of()))
                .isInstanceOfSatisfying(ShardContractException.class, e -> assertThat(e.source()).isEqualTo("--run-id"));
        assertThatThrownBy(() -> ShardContract.resolve(null, null, Map.of(ShardContract.RUN_ID_ENV, "")))
                .isInstanceOfSatisfying(ShardContractException.class, e -> assertThat(e.source()).isEqualTo("LB_RUN_ID"));
        assertThatThrownBy(() -> ShardContract.resolve(null, null, Map.of(ShardContract.POD_UID_ENV, "a;b")))
                .isInstanceOfSatisfying(ShardContractException.class, e -> assertThat(e.source()).isEqualTo("POD_UID"));
    }

    @Test
    void everyUnitBelongsToExactlyOneShardAndUnitsOfCountsThem() {
        for (int count = 1; count <= 7; count++) {
            for (long total = 0; total <= 23; total++) {
                long owned = 0;
                for (int index = 0; index < count; index++) {
                    Shard shard = new Shard(index, count);
                    long counted = 0;
                    for (long unit = 0; unit < total; unit++) {
                        if (shard.owns(unit)) {
                            counted++;
                        }
                    }
                    assertThat(shard.unitsOf(total)).as("shard %s of %d units", shard, total).isEqualTo(counted);
                    owned += counted;
                }
                assertThat(owned).as("%d units over %d shards", total, count).isEqualTo(total);
            }
        }
        assertThat(new Shard(1, 3).owns(4)).isTrue();
        assertThat(new Shard(1, 3).toString()).isEqualTo("1/3");
    }

    @Test
    void theManifestRecordsShardRunIdAndPodUidAndReadsThemBack() {
        Clock clock = Clock.fixed(Instant.parse("2026-11-22T06:22:18Z"), ZoneOffset.UTC);
        EnvironmentInfo environment = new EnvironmentInfo("host", null, null, null, null, null, null);
        Path folder;
        try (Run run = Run.start(results, "shard-test", RunKind.LOAD, "load-events", clock, environment,
                new ToolInfo("loadbench", "test", null))) {
            new ShardContract(Optional.of(new Shard(1, 2)), Optional.of("run-7"), Optional.of("uid-1")).recordIn(run.manifest());
            run.succeeded();
            folder = run.dir();
        }
        RunManifest manifest = ManifestReader.read(folder.resolve(Run.MANIFEST_FILE));
        assertThat(ShardContract.shardOf(manifest)).contains(new Shard(1, 2));
        assertThat(ShardContract.runIdOf(manifest)).contains("run-7");
        assertThat(manifest.parameters()).containsEntry("podUid", "uid-1");
    }

    @Test
    void aManifestOfAWholeRunHasNoShard() {
        Clock clock = Clock.fixed(Instant.parse("2026-11-22T06:22:18Z"), ZoneOffset.UTC);
        EnvironmentInfo environment = new EnvironmentInfo("host", null, null, null, null, null, null);
        Path folder;
        try (Run run = Run.start(results, "shard-test", RunKind.LOAD, "load-events", clock, environment,
                new ToolInfo("loadbench", "test", null))) {
            ShardContract.none().withDefaultRunId("events-1a2b").recordIn(run.manifest());
            run.succeeded();
            folder = run.dir();
        }
        RunManifest manifest = ManifestReader.read(folder.resolve(Run.MANIFEST_FILE));
        assertThat(ShardContract.shardOf(manifest)).isEmpty();
        assertThat(ShardContract.runIdOf(manifest)).contains("events-1a2b");
        assertThat(manifest.parameters()).containsKey("podUid").containsEntry("podUid", null);
    }
}
