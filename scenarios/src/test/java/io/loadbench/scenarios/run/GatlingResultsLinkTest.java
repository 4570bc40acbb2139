package io.loadbench.scenarios.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GatlingResultsLinkTest {

    @TempDir
    Path dir;

    @Test
    void gatlingsResultsFolderBecomesALinkIntoTheRunFolderAndAnEmptyDirectoryAgainAfterwards() throws Exception {
        Path resultsFolder = dir.resolve("target/gatling-current");
        Files.createDirectories(resultsFolder);
        Path runGatling = dir.resolve("results/run-1/gatling");

        GatlingResultsLink.link(resultsFolder, runGatling);
        Files.writeString(resultsFolder.resolve("simulation.log"), "x");

        assertThat(runGatling.resolve("simulation.log")).exists();
        GatlingResultsLink.unlink(resultsFolder);
        assertThat(Files.isSymbolicLink(resultsFolder)).isFalse();
        assertThat(resultsFolder).isEmptyDirectory();
        assertThat(runGatling.resolve("simulation.log")).as("the report stays in the run folder").exists();
    }

    @Test
    void earlierReportsInTheResultsFolderAreNeverDeleted() throws Exception {
        Path resultsFolder = dir.resolve("gatling");
        Files.createDirectories(resultsFolder.resolve("old-run"));

        assertThatThrownBy(() -> GatlingResultsLink.link(resultsFolder, dir.resolve("run/gatling")))
                .hasMessageContaining("holds earlier reports");
        assertThat(resultsFolder.resolve("old-run")).exists();
    }
}
