package io.loadbench.results;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The environment and tool as this build and machine report them. */
class EnvironmentInfoTest {

    @Test
    void capturesThisMachineAndJvm() {
        EnvironmentInfo environment = EnvironmentInfo.capture();

        assertThat(environment.cpu().logicalCores()).isEqualTo(Runtime.getRuntime().availableProcessors());
        assertThat(environment.memory().totalBytes()).isGreaterThan(256L * 1024 * 1024);
        assertThat(environment.os().name()).isEqualTo(System.getProperty("os.name"));
        assertThat(environment.jvm().version()).startsWith(System.getProperty("java.specification.version"));
        assertThat(environment.jvm().inputArguments()).isNotNull();
        if (System.getProperty("os.name").equals("Linux")) {
            assertThat(environment.cpu().model()).isNotBlank();
            assertThat(environment.os().distribution()).isNotBlank();
        }
    }

    @Test
    void toolVersionAndCommitAreEmbeddedAtBuildTime() {
        ToolInfo tool = ToolInfo.current();

        assertThat(tool.name()).isEqualTo("loadbench");
        assertThat(tool.version()).isNotBlank().doesNotContain("${");
        if (tool.gitCommit() != null) {
            assertThat(tool.gitCommit()).matches("[0-9a-f]{40}");
        }
    }

    @Test
    void labelsAreLowerCaseWithUnsafeCharactersReplacedInAnyLocale() {
        assertThat(Labels.sanitize("DB Bench_01")).isEqualTo("db-bench-01");
        assertThat(Labels.sanitize("TITAN")).isEqualTo("titan"); // not "tıtan", as the Turkish locale would have it
        assertThat(Labels.sanitize("MIX")).isEqualTo("mix");
        assertThat(Labels.defaultLabel()).matches("[a-z0-9.-]+");
    }
}
