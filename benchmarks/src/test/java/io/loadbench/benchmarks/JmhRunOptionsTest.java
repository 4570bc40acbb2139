package io.loadbench.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.options.Options;

class JmhRunOptionsTest {

    private static final Path RUN_FOLDER = Path.of("results", "20261122T062218Z-bench-jmh");

    @Test
    void defaultsAreJsonIntoTheRunFolderAndFailOnError() {
        JmhRunOptions options = JmhRunOptions.parse(List.of("Copy", "-f", "1", "-wi", "1", "-i", "3"));

        Options run = options.forRun(RUN_FOLDER, List.of("-Dloadbench.pg.url=jdbc:postgresql://127.0.0.1:5/p"));

        assertThat(run.getResultFormat().get()).isEqualTo(ResultFormatType.JSON);
        assertThat(run.getResult().get()).isEqualTo(RUN_FOLDER.resolve("jmh.json").toString());
        assertThat(run.shouldFailOnError().get()).isTrue();
        assertThat(run.getForkCount().get()).isEqualTo(1);
        assertThat(run.getMeasurementIterations().get()).isEqualTo(3);
        assertThat(run.getIncludes()).containsExactly("Copy");
        assertThat(run.getJvmArgsAppend().get()).containsExactly("-Dloadbench.pg.url=jdbc:postgresql://127.0.0.1:5/p");
    }

    @Test
    void theUsersChoicesWinAndTheirJvmArgumentsComeFirst() {
        JmhRunOptions options = JmhRunOptions.parse(
                List.of("-rf", "csv", "-foe", "false", "-jvmArgsAppend", "-Xmx2g -Dx=y"));

        Options run = options.forRun(RUN_FOLDER, List.of("-Dloadbench.redis.url=redis://127.0.0.1:6"));

        assertThat(options.resultFileName()).isEqualTo("jmh.csv");
        assertThat(run.getResultFormat().get()).isEqualTo(ResultFormatType.CSV);
        assertThat(run.shouldFailOnError().get()).isFalse();
        assertThat(run.getJvmArgsAppend().get())
                .containsExactly("-Xmx2g", "-Dx=y", "-Dloadbench.redis.url=redis://127.0.0.1:6");
    }

    @Test
    void listingAndHelpNeedNoTargetAndNoRunFolder() {
        for (String option : List.of("-l", "-lp", "-h", "-lrf", "-lprof")) {
            assertThat(JmhRunOptions.parse(List.of(option)).onlyLists()).as(option).isTrue();
        }
        assertThat(JmhRunOptions.parse(List.of("Events")).onlyLists()).isFalse();
    }

    @Test
    void optionsThatWouldBreakTheRunFolderOrTheForkRuleAreRejected() {
        assertThatThrownBy(() -> JmhRunOptions.parse(List.of("-rff", "/tmp/x.json")))
                .hasMessageContaining("-rff is not accepted");
        assertThatThrownBy(() -> JmhRunOptions.parse(List.of("-f", "0")))
                .hasMessageContaining("-f 0 is not accepted");
        assertThatThrownBy(() -> JmhRunOptions.parse(List.of("-i", "many")))
                .hasMessageStartingWith("invalid JMH option:");
    }
}
