package io.loadbench.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.loadbench.report.read.JsonFiles;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Run folders written before the forks' arguments were masked keep {@code -Dloadbench.pg.url=…password=…} in
 * {@code jmh.json}, and a hand-edited manifest may hold a URL with a password: whatever the report prints from
 * them (terminal, Markdown, HTML) shows neither the raw password nor its URL-encoded form.
 */
class SecretsInOutputTest {

    /** A password holding every URL delimiter, and its URL-encoded form. */
    static final String RAW = "p@ss/w?r#d:%";
    static final String ENCODED = "p%40ss%2Fw%3Fr%23d%3A%25";

    @TempDir
    Path results;

    @Test
    @Timeout(60)
    void noReportOutputShowsAPasswordKeptInARunFolder() throws Exception {
        Path first = leakyJmhRun("first", Fixtures.BENCH_01,
                List.of("-Dloadbench.pg.url=jdbc:postgresql://db:5432/bench?user=bench&password=" + ENCODED,
                        "-Dloadbench.redis.url=redis://default:" + RAW + "@cache:6379"));
        Path second = leakyJmhRun("second", Fixtures.BENCH_02,
                List.of("-Dloadbench.pg.url=postgresql://bench:" + ENCODED + "@db:5432/bench",
                        "-Dloadbench.redis.url=redis://default:" + ENCODED + "@cache:6379"));
        Path html = results.resolve("page.html");

        Cli summary = Cli.run("summarize", first.toString());
        Cli markdown = Cli.run("summarize", "--markdown", second.toString());
        Cli comparison = Cli.run("compare", "--allow-plan-mismatch", "--html", html.toString(), first.toString(), second.toString());

        assertThat(comparison.exitCode()).as(comparison.err()).isZero();
        assertThat(comparison.out()).as("the forks' flags are compared").contains("JMH fork JVM flags").contains("****");
        for (String printed : List.of(summary.out(), summary.err(), markdown.out(), markdown.err(), comparison.out(),
                comparison.err(), Files.readString(html, StandardCharsets.UTF_8))) {
            assertThat(printed).doesNotContain(RAW).doesNotContain(ENCODED).doesNotContain("p@ss").doesNotContain("p%40ss");
        }
    }

    private Path leakyJmhRun(String name, Fixtures.Machine machine, List<String> jvmArgs) throws Exception {
        Path dir = Fixtures.jmhRun(results.resolve(name), machine, Plans.jmh(), 1.0, 7);
        Path jmhJson = dir.resolve("jmh.json");
        JsonNode benchmarks = JsonFiles.MAPPER.readTree(jmhJson.toFile());
        for (JsonNode benchmark : benchmarks) {
            ArrayNode args = ((ObjectNode) benchmark).putArray("jvmArgs");
            jvmArgs.forEach(args::add);
        }
        JsonFiles.MAPPER.writeValue(jmhJson.toFile(), benchmarks);
        Path manifestFile = dir.resolve("manifest.json");
        ObjectNode manifest = (ObjectNode) JsonFiles.MAPPER.readTree(manifestFile.toFile());
        ArrayNode inputArguments = ((ObjectNode) manifest.path("environment").path("jvm")).putArray("inputArguments");
        jvmArgs.forEach(inputArguments::add);
        JsonFiles.MAPPER.writeValue(manifestFile.toFile(), manifest);
        return dir;
    }
}
