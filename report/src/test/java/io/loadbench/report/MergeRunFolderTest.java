package io.loadbench.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A merge that fails after its run folder exists ends that folder FAILED with the reason, never RUNNING or OK. */
class MergeRunFolderTest {

    @TempDir
    Path results;

    @Test
    void aMergeThatFailsHalfwayEndsItsFolderFailedWithTheReason() throws IOException {
        // two injectors whose folders have the same name: their copies under sources/ collide while merging
        String id = "20261122T060000Z-injector-gatling-cachequeries";
        Path first = Fixtures.gatlingRun(results.resolve("a").resolve(id), Fixtures.BENCH_01, Plans.cache(2000), 1, 1.0, 300);
        Path second = Fixtures.gatlingRun(results.resolve("b").resolve(id), Fixtures.BENCH_02, Plans.cache(2000), 2, 1.0, 300);

        Cli cli = Cli.run("merge", "--out", results.resolve("merged").toString(), first.toString(), second.toString());

        assertThat(cli.exitCode()).isNotZero();
        assertThat(cli.err().lines()).hasSize(1);
        List<Path> folders;
        try (Stream<Path> list = Files.list(results.resolve("merged"))) {
            folders = list.toList();
        }
        assertThat(folders).hasSize(1);
        JsonNode manifest = new ObjectMapper().readTree(folders.get(0).resolve("manifest.json").toFile());
        assertThat(manifest.path("status").asText()).isEqualTo("FAILED");
        assertThat(manifest.path("failureReason").asText()).startsWith("merge failed: ").contains(id);
    }
}
