package io.loadbench.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.stream.Stream;
import io.loadbench.report.merge.RunMerger;
import io.loadbench.report.read.RunReader;
import io.loadbench.report.read.SavedRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A merge that fails after its run folder exists ends that folder FAILED with the reason, never RUNNING or OK. */
class MergeRunFolderTest {

    @TempDir
    Path results;

    @Test
    void aMergeThatFailsHalfwayEndsItsFolderFailedWithTheReason() throws IOException {
        SavedRun first = RunReader.read(Fixtures.gatlingRun(results.resolve("20261122T060000Z-injector-1-gatling-cachequeries"),
                Fixtures.BENCH_01, Plans.cache(2000), 1, 1.0, 300));
        SavedRun second = RunReader.read(Fixtures.gatlingRun(results.resolve("20261122T060000Z-injector-2-gatling-cachequeries"),
                Fixtures.BENCH_02, Plans.cache(2000), 2, 1.0, 300));
        // the interval log breaks after the sources were read: the merge finds it only while writing its folder
        Files.writeString(second.dir().resolve("hdr/get.intended.hlog"), "Tag=get,0.000,1.000,1.0,not-a-histogram\n");
        Path out = results.resolve("merged");

        assertThatThrownBy(() -> RunMerger.merge(List.of(first, second), out, Clock.systemUTC()))
                .isInstanceOf(io.loadbench.results.ResultFormatException.class).hasMessageContaining("get.intended.hlog");

        List<Path> folders;
        try (Stream<Path> list = Files.list(out)) {
            folders = list.toList();
        }
        assertThat(folders).hasSize(1);
        JsonNode manifest = new ObjectMapper().readTree(folders.get(0).resolve("manifest.json").toFile());
        assertThat(manifest.path("status").asText()).isEqualTo("FAILED");
        assertThat(manifest.path("failureReason").asText()).startsWith("merge failed: ").contains("get.intended.hlog");
    }
}
