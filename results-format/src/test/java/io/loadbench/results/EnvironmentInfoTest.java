package io.loadbench.results;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The environment and tool as this build and machine report them. */
class EnvironmentInfoTest {

    @TempDir
    Path dir;

    @Test
    void capturesThisMachineAndJvm() {
        EnvironmentInfo environment = EnvironmentInfo.capture(dir.resolve("results"));

        EnvironmentInfo.Cpu cpu = environment.cpu();
        assertThat(cpu.logicalCores()).isGreaterThanOrEqualTo(Runtime.getRuntime().availableProcessors());
        assertThat(cpu.physicalCores()).isBetween(1, cpu.logicalCores());
        assertThat(environment.memory().totalBytes()).isGreaterThan(256L * 1024 * 1024);
        assertThat(environment.os().name()).isEqualTo(System.getProperty("os.name"));
        assertThat(environment.jvm().version()).startsWith(System.getProperty("java.specification.version"));
        assertThat(environment.jvm().inputArguments()).isNotNull();
        if (System.getProperty("os.name").equals("Linux")) {
            assertThat(cpu.model()).isNotBlank();
            assertThat(cpu.caches()).isNotEmpty().allSatisfy(cache -> assertThat(cache.sizeBytes()).isPositive());
            assertThat(environment.os().distribution()).isNotBlank();
            assertThat(environment.os().version()).isEqualTo(System.getProperty("os.version"));
        }
    }

    @Test
    void theDiskIsTheOneHoldingTheDataDirectoryEvenBeforeItExists() {
        Path results = dir.resolve("not/yet/created");

        EnvironmentInfo.Disk disk = EnvironmentInfo.capture(results).disk();

        if (System.getProperty("os.name").equals("Linux")) {
            assertThat(disk).as("the file store holding %s", results).isNotNull();
            assertThat(disk.path()).isEqualTo(results.toString());
            assertThat(results.toString()).startsWith(disk.mount());
            assertThat(disk.fileSystem()).isNotBlank();
        }
    }

    @Test
    void aDirectoryBelowTheWorkingDirectoryIsRecordedRelativeToItSoNoMachinePathIsWritten() {
        Path workingDirectory = Path.of("").toAbsolutePath();

        assertThat(EnvironmentCapture.recorded(workingDirectory.resolve("results/reference"))).isEqualTo("results/reference");
        assertThat(EnvironmentCapture.recorded(Path.of("results"))).isEqualTo("results");
        assertThat(EnvironmentCapture.recorded(dir)).as("outside the working directory").isEqualTo(dir.toString());
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
