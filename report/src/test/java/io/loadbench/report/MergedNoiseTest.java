package io.loadbench.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.loadbench.report.read.RunNoise;
import io.loadbench.report.read.RunReader;
import io.loadbench.report.read.SavedRun;
import io.loadbench.results.merge.MergeInfo;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A merged run keeps every source's noise, and a comparison with it is flagged when any source was noisy. */
class MergedNoiseTest {

    @TempDir
    Path results;

    private Path injector(String name, Fixtures.Machine machine, long seed, double steal) throws IOException {
        Path dir = Fixtures.gatlingRun(results.resolve(name), machine, Plans.cache(2000), seed, 1.0, 300);
        ObjectMapper json = new ObjectMapper();
        ObjectNode manifest = (ObjectNode) json.readTree(dir.resolve("manifest.json").toFile());
        json.writerWithDefaultPrettyPrinter().writeValue(dir.resolve("manifest.json").toFile(),
                Fixtures.withNoise(manifest, steal, 2.0, 0.8));
        return dir;
    }

    @Test
    void theMergeKeepsEachSourcesNoiseAndAComparisonWithItIsFlaggedWhenOneSourceWasNoisy() throws IOException {
        Path quiet = injector("20261122T060000Z-injector-1-gatling-cachequeries", Fixtures.BENCH_01, 1, 0.3);
        Path noisy = injector("20261122T060000Z-injector-2-gatling-cachequeries", Fixtures.BENCH_02, 2, 19.3);

        Cli merge = Cli.run("merge", "--out", results.resolve("merged").toString(), quiet.toString(), noisy.toString());

        assertThat(merge.exitCode()).as(merge.err()).isZero();
        SavedRun merged = RunReader.read(results.resolve("merged/20261122T070000Z-merged-gatling-cachequeries"));
        assertThat(merged.merge().sources()).extracting(MergeInfo.Source::noisy).containsExactly(false, true);
        assertThat(merged.merge().sources().get(1).noise()).hasValueSatisfying(noise ->
                assertThat(noise.stealPercent().mean()).isEqualTo(19.3));
        assertThat(RunNoise.noisy(merged)).isTrue();
        assertThat(RunNoise.brief(merged)).startsWith("merged sources: ").contains("steal 0.3%").contains("steal 19.3%");

        Path reference = injector("20261122T080000Z-reference-gatling-cachequeries", Fixtures.BENCH_01, 3, 0.2);
        Cli compare = Cli.run("compare", reference.toString(), merged.dir().toString());
        assertThat(compare.out()).contains("ran on a noisy machine")
                .contains("20261122T060000Z-injector-2-gatling-cachequeries: CPU steal mean 19.3% > 5.0%");
        assertThat(Cli.run("summarize", merged.dir().toString()).out()).contains("merged sources: ");
    }
}
