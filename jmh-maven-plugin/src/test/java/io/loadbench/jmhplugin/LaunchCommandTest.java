package io.loadbench.jmhplugin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.File;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class LaunchCommandTest {

    private static final Path JAVA = Path.of("/opt/jdk/bin/java");

    @Test
    void launcherGetsClasspathPropertiesMainClassThenTheJmhArgumentsUnchanged() {
        Map<String, String> properties = new HashMap<>();
        properties.put("loadbench.results", "/data/results");
        properties.put("loadbench.label", "bench-01");
        properties.put("loadbench.pg.url", null);

        List<String> command = new LaunchCommand(JAVA, List.of("-Xmx1g"), properties,
                List.of("/p/classes", "/p/test-classes", "/m2/jmh-core.jar"), "io.example.Main",
                List.of("Events", "-f", "1", "-jvmArgsAppend", "-Da=b c")).toList();

        assertThat(command).containsExactly("/opt/jdk/bin/java", "-Xmx1g",
                "-Dloadbench.label=bench-01", "-Dloadbench.results=/data/results",
                "-cp", String.join(File.pathSeparator, "/p/classes", "/p/test-classes", "/m2/jmh-core.jar"),
                "io.example.Main", "Events", "-f", "1", "-jvmArgsAppend", "-Da=b c");
    }

    @Test
    void theLoggedCommandMasksPasswordsAndSummarizesTheClasspath() {
        String described = new LaunchCommand(JAVA, List.of(),
                Map.of("loadbench.pg.url", "jdbc:postgresql://db:5432/x?user=bench&password=s3cret&ssl=false",
                        "loadbench.redis.url", "redis://default:hunter2@cache:6379"),
                List.of("/a", "/b"), "io.example.Main", List.of("-lp")).describe();

        assertThat(described).doesNotContain("s3cret").doesNotContain("hunter2")
                .contains("password=****&ssl=false").contains("redis://default:****@cache:6379")
                .contains("<2 classpath entries>").endsWith("io.example.Main -lp");
    }

    @Test
    @Timeout(10)
    void theLoggedCommandMasksPasswordsHoldingUrlDelimitersRawOrEncoded() {
        String described = new LaunchCommand(JAVA, List.of(),
                Map.of("loadbench.pg.url", "jdbc:postgresql://db:5432/x?user=bench&password=p%40ss%2Fw%3Fr%23d%3A%25&ssl=false",
                        "loadbench.redis.url", "redis://default:p@ss/w?r#d:%@cache:6379",
                        "loadbench.other.url", "postgresql://bench:p%40ss%2Fw%3Fr%23d%3A%25@db:5432/x"),
                List.of("/a"), "io.example.Main", List.of("-lp")).describe();

        assertThat(described).doesNotContain("p@ss").doesNotContain("p%40ss").doesNotContain("r#d").doesNotContain("r%23d")
                .contains("password=****&ssl=false").contains("redis://default:****@cache:6379")
                .contains("postgresql://bench:****@db:5432/x");
    }

    @Test
    void anEmptyClasspathOrMainClassIsRejected() {
        assertThatThrownBy(() -> new LaunchCommand(JAVA, List.of(), Map.of(), List.of(), "io.example.Main", List.of()))
                .hasMessageContaining("classpath is empty");
        assertThatThrownBy(() -> new LaunchCommand(JAVA, List.of(), Map.of(), List.of("/a"), " ", List.of()))
                .hasMessageContaining("jmh.mainClass");
    }
}
