package io.loadbench.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import io.loadbench.report.read.RunReader;
import io.loadbench.report.read.SavedRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The reference runs committed under {@code results/reference/} were written by the project's own tools;
 * they must stay readable by this report, or a new user's first {@code compare} fails.
 */
class ReferenceRunTest {

    private static final Path REFERENCE = Path.of("../results/reference");
    static final String JMH_JDK17 = "20261206T215656Z-reference-jmh";
    static final String JMH_JDK25 = "20261206T215819Z-reference-jmh";
    static final String SIMULATION = "20261206T220200Z-reference-gatling-cache-queries";

    private static List<Path> referenceRuns() throws IOException {
        try (Stream<Path> dirs = Files.list(REFERENCE)) {
            return dirs.filter(dir -> Files.isRegularFile(dir.resolve("manifest.json"))).sorted().collect(Collectors.toList());
        }
    }

    @Test
    void everyReferenceRunSummarizesWithoutWarnings() throws IOException {
        List<Path> runs = referenceRuns();
        assertThat(runs).isNotEmpty();
        for (Path run : runs) {
            Cli cli = Cli.run("summarize", run.toString());
            assertThat(cli.exitCode()).as("summarize %s: %s", run, cli.err()).isZero();
            assertThat(cli.out()).contains("status    OK").doesNotContain("warning:");
        }
    }

    @Test
    void jdk17AndJdk25ReferenceRunsDifferInTheirForkJvmOnly() {
        Cli cli = Cli.run("compare", REFERENCE.resolve(JMH_JDK17).toString(), REFERENCE.resolve(JMH_JDK25).toString());
        assertThat(cli.exitCode()).as(cli.err()).isZero();
        String environment = cli.out().substring(cli.out().indexOf("Environment differences"), cli.out().indexOf("\nJMH\n"));
        assertThat(environment).contains("JMH fork JVM", "17.0.15", "25.0.3").doesNotContain("CPU", "PostgreSQL");
        assertThat(cli.out()).contains("commandsPerPipeline=1000, variant=STRING");
    }

    @Test
    void mergingTwoCopiesOfTheReferenceSimulationDoublesEveryCount(@TempDir Path dir) throws IOException {
        Path first = copy(REFERENCE.resolve(SIMULATION), dir.resolve("20261122T071451Z-injector-1-gatling-cache-queries"));
        Path second = copy(REFERENCE.resolve(SIMULATION), dir.resolve("20261122T071451Z-injector-2-gatling-cache-queries"));
        Cli cli = Cli.run("merge", "--out", dir.resolve("merged").toString(), first.toString(), second.toString());
        assertThat(cli.exitCode()).as(cli.err()).isZero();

        SavedRun source = RunReader.read(REFERENCE.resolve(SIMULATION));
        SavedRun merged = RunReader.read(dir.resolve("merged/20261122T070000Z-merged-gatling-cache-queries"));
        assertThat(merged.requests().keySet()).isEqualTo(source.requests().keySet()).contains("dashboard_get");
        source.requests().forEach((name, latency) -> {
            assertThat(merged.requests().get(name).intended().histogram().getTotalCount())
                    .isEqualTo(2 * latency.intended().histogram().getTotalCount());
            assertThat(merged.requests().get(name).throughputPerSecond())
                    .isCloseTo(2 * latency.throughputPerSecond(), org.assertj.core.data.Offset.offset(1e-3));
        });
        assertThat(merged.scenario().cache().orElseThrow().hitRatio())
                .isCloseTo(source.scenario().cache().orElseThrow().hitRatio(), org.assertj.core.data.Offset.offset(1e-4));
        assertThat(merged.scenario().rate().requestsAfterWarmup()).isEqualTo(2 * source.scenario().rate().requestsAfterWarmup());
    }

    private static Path copy(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path file : files.collect(Collectors.toList())) {
                Files.copy(file, to.resolve(from.relativize(file).toString()));
            }
        }
        return to;
    }

    @Test
    void referenceRunComparesWithItself() throws IOException {
        Path run = referenceRuns().get(0);
        Cli cli = Cli.run("compare", run.toString(), run.toString());
        assertThat(cli.exitCode()).as(cli.err()).isZero();
        assertThat(cli.out()).contains("none: same CPU, cores, memory, OS, JVM and server settings.", "1.00x");
    }
}
