package io.loadbench.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The reference runs committed under {@code results/reference/} were written by the project's own tools;
 * they must stay readable by this report, or a new user's first {@code compare} fails.
 */
class ReferenceRunTest {

    private static final Path REFERENCE = Path.of("../results/reference");

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
    void referenceRunComparesWithItself() throws IOException {
        Path run = referenceRuns().get(0);
        Cli cli = Cli.run("compare", run.toString(), run.toString());
        assertThat(cli.exitCode()).as(cli.err()).isZero();
        assertThat(cli.out()).contains("none: same CPU, cores, memory, OS, JVM and server settings.", "1.00x");
    }
}
