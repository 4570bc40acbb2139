package io.loadbench.jmhplugin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.File;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

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
    void anEmptyClasspathOrMainClassIsRejected() {
        assertThatThrownBy(() -> new LaunchCommand(JAVA, List.of(), Map.of(), List.of(), "io.example.Main", List.of()))
                .hasMessageContaining("classpath is empty");
        assertThatThrownBy(() -> new LaunchCommand(JAVA, List.of(), Map.of(), List.of("/a"), " ", List.of()))
                .hasMessageContaining("jmh.mainClass");
    }
}
