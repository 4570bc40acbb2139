package io.loadbench.results;

import io.loadbench.results.noise.NoiseSampler;
import io.loadbench.results.noise.NoiseThresholds;
import io.loadbench.results.noise.ScriptedProbe;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The run lifecycle, run folders and their manifests: naming, collisions, the format (locked by golden files, written under the
 * Turkish locale and the Chatham time zone the build runs tests in), and that no password ever reaches the file.
 */
class RunTest {

    private static final Instant START = Instant.parse("2026-11-22T06:22:18.123Z");

    static final EnvironmentInfo ENVIRONMENT = new EnvironmentInfo("DB-Bench-01",
            new EnvironmentInfo.Cpu("AMD EPYC 7B13", 1, 1, 2, 2_450_000_000L, List.of(
                    new EnvironmentInfo.Cache(1, "DATA", 32_768), new EnvironmentInfo.Cache(1, "INSTRUCTION", 32_768),
                    new EnvironmentInfo.Cache(2, "UNIFIED", 524_288), new EnvironmentInfo.Cache(3, "UNIFIED", 33_554_432))),
            new EnvironmentInfo.Memory(25_769_803_776L, 0L),
            new EnvironmentInfo.Disk("/srv/loadbench/results", "/", "ext4", "/dev/nvme0n1", "nvme_card-pd", false,
                    274_877_906_944L),
            new EnvironmentInfo.Virtualization(true, "Google", "Google Compute Engine"),
            new EnvironmentInfo.Os("Linux", "6.1.0-28-cloud-amd64", "amd64", "Debian GNU/Linux 12 (bookworm)"),
            new EnvironmentInfo.Jvm("Eclipse Adoptium", "17.0.15+6", "OpenJDK 64-Bit Server VM",
                    List.of("-Xmx4g", "-Dloadbench.redis.password=hunter2")));
    static final ToolInfo TOOL = new ToolInfo("loadbench", "0.1.0-SNAPSHOT", "3f2c8e1d9b7a6c5e4d3f2a1b0c9d8e7f6a5b4c3d");

    @TempDir
    Path results;

    private final MutableClock clock = new MutableClock(START);

    @Test
    void folderIsNamedByUtcStartLabelAndName() {
        Run run = Run.start(results, "DB Bench_01", RunKind.LOAD, "load-events", clock, ENVIRONMENT, TOOL);

        assertThat(run.dir()).isEqualTo(results.resolve("20261122T062218Z-db-bench-01-load-events"));
        assertThat(run.dir().resolve(Run.MANIFEST_FILE)).isRegularFile();
    }

    @Test
    void runsStartingInTheSameSecondGetNumberedSuffixes() {
        Path first = Run.start(results, "db", RunKind.JMH, "jmh", clock, ENVIRONMENT, TOOL).dir();
        Path second = Run.start(results, "db", RunKind.JMH, "jmh", clock, ENVIRONMENT, TOOL).dir();
        Path third = Run.start(results, "db", RunKind.JMH, "jmh", clock, ENVIRONMENT, TOOL).dir();

        assertThat(first.getFileName()).hasToString("20261122T062218Z-db-jmh");
        assertThat(second.getFileName()).hasToString("20261122T062218Z-db-jmh-2");
        assertThat(third.getFileName()).hasToString("20261122T062218Z-db-jmh-3");
    }

    @Test
    void manifestIsWrittenAsRunningAtCreate() throws IOException {
        Run run = Run.start(results, "db-bench-01", RunKind.LOAD, "load-events", clock, ENVIRONMENT, TOOL);

        assertThat(read(run)).isEqualTo(golden("manifest-running.json"));
    }

    /** One hour between samples: the run below has exactly one interval, from its start to its end. */
    private static final Duration ONE_SAMPLE = Duration.ofHours(1);

    /** A machine with 0.5% steal and 3% of a core of other work beside a run using 150% of a core. */
    private static Optional<NoiseSampler> quietMachine() {
        return Optional.of(ScriptedProbe.steady(2, ONE_SAMPLE, 0.5, 3, 150, 1.25).sampler(NoiseThresholds.DEFAULTS));
    }

    /** The same run beside a busy loop that keeps one core (100% of a core) to itself. */
    private static Optional<NoiseSampler> machineWithAHog() {
        return Optional.of(ScriptedProbe.steady(2, ONE_SAMPLE, 0.5, 100, 150, 2.5).sampler(NoiseThresholds.DEFAULTS));
    }

    @Test
    void finishedManifestMatchesTheGoldenFile() throws IOException {
        Run run = Run.start(results, "db-bench-01", RunKind.LOAD, "load-events", clock, ENVIRONMENT, TOOL, quietMachine());
        fill(run);
        Files.writeString(run.dir().resolve("load.json"), "{}\n");
        Files.createDirectories(run.dir().resolve("hdr"));
        Files.writeString(run.dir().resolve("hdr/copy.service.hlog"), "");
        clock.advance(Duration.ofMillis(23_827));

        run.succeeded();

        assertThat(read(run)).isEqualTo(golden("manifest-ok.json"));
    }

    @Test
    void aRunThatSucceededBesideAHogEndsNoisyWithItsFigures() throws IOException {
        Run run = Run.start(results, "db-bench-01", RunKind.LOAD, "load-events", clock, ENVIRONMENT, TOOL, machineWithAHog());
        fill(run);
        clock.advance(Duration.ofMillis(23_827));

        assertThat(run.succeeded()).isEqualTo(RunStatus.NOISY);

        assertThat(read(run)).isEqualTo(golden("manifest-noisy.json"));
        assertThat(run.noise().orElseThrow().describe()).isEqualTo("steal 0.5% (p95 0.5%, max 0.5%), foreign CPU 100.0% of a"
                + " core (p95 100.0%, max 100.0%), load 2.5 (p95 2.5, max 2.5) over 1 samples: NOISY (foreign CPU mean 100.0%"
                + " of a core > 10.0%)");
    }

    @Test
    void aRunThatSucceededOnAQuietMachineEndsOk() {
        Run run = Run.start(results, "db", RunKind.LOAD, "load-events", clock, ENVIRONMENT, TOOL, quietMachine());

        assertThat(run.succeeded()).isEqualTo(RunStatus.OK);
        assertThat(run.noise().orElseThrow().noisy()).isFalse();
        assertThat(run.noise().orElseThrow().foreignCpuPercentOfCore().mean()).isEqualTo(3.0);
    }

    @Test
    void aFailedRunStaysFailedOnANoisyMachine() throws IOException {
        Run run = Run.start(results, "db", RunKind.LOAD, "load-events", clock, ENVIRONMENT, TOOL, machineWithAHog());

        run.failed("verification failed: row count");

        RunManifest manifest = ManifestReader.read(run.dir().resolve(Run.MANIFEST_FILE));
        assertThat(manifest.status()).isEqualTo(RunStatus.FAILED);
        assertThat(manifest.noise().orElseThrow().exceeded()).containsExactly("foreign CPU mean 100.0% of a core > 10.0%");
    }

    @Test
    void theSamplerStopsWhenTheRunEndsWhicheverWay() throws InterruptedException {
        ScriptedProbe probe = ScriptedProbe.steady(2, Duration.ofMillis(20), 0, 0, 0, 0);
        Run run = Run.start(results, "db", RunKind.LOAD, "load-events", clock, ENVIRONMENT, TOOL,
                Optional.of(probe.sampler(NoiseThresholds.DEFAULTS)));

        run.close();

        int readingsAtEnd = probe.readings();
        Thread.sleep(200); // ten sampling intervals
        assertThat(probe.readings()).isEqualTo(readingsAtEnd);
        assertThat(run.noise()).isPresent();
    }

    @Test
    void failedRunRecordsOneLineReasonWithoutSecrets() throws IOException {
        Run run = Run.start(results, "db-bench-01", RunKind.GATLING, "gatling-cachequeries", clock, ENVIRONMENT, TOOL,
                machineWithAHog());
        clock.advance(Duration.ofSeconds(61));

        run.failed("achieved 8,412 req/s of the 10,000 req/s target against redis://:hunter2@cache:6379\n\tat x.y.Z");

        assertThat(read(run)).isEqualTo(golden("manifest-failed.json"));
        assertThatThrownBy(run::succeeded).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void noPasswordEverReachesTheFile() throws IOException {
        Run run = Run.start(results, "db", RunKind.LOAD, "load-events", clock, ENVIRONMENT, TOOL);
        fill(run);
        run.manifest().putParameter("pgPassword", "hunter2")
                .putParameter("urls", List.of("jdbc:postgresql://db/x?user=a&password=hunter2", "rediss://u:hunter2@c:1"))
                .putParameter("nested", Map.of("secretKey", "hunter2", "inner", Map.of("password", "hunter2")));
        run.failed("login failed: postgresql://bench:hunter2@db:5432/x");

        String manifest = read(run);
        assertThat(manifest).doesNotContain("hunter2").contains("\"pgPassword\" : \"****\"")
                .contains("jdbc:postgresql://db/x?user=a&password=****").contains("rediss://c:1")
                .contains("login failed: postgresql://db:5432/x");
    }

    @Test
    void aRawPasswordHoldingUrlCharactersNeverReachesTheFile() throws IOException {
        Run run = Run.start(results, "db", RunKind.LOAD, "load-events", clock, ENVIRONMENT, TOOL);
        run.manifest().putParameter("pgUrl", "postgresql://bench:p@ss/w?r#d:%@db:5432/x");
        run.failed("login failed: redis://u:p@ss/w?r#d:%@cache:6379");

        String manifest = read(run);
        assertThat(manifest).doesNotContain("ss/w?r#d").contains("postgresql://db:5432/x")
                .contains("login failed: redis://cache:6379");
    }

    @Test
    void parametersAreSortedAndKeepTheirTypes() throws IOException {
        Run run = Run.start(results, "db", RunKind.LOAD, "load-events", clock, ENVIRONMENT, TOOL);
        run.manifest().putParameter("workers", 2).putParameter("batchSize", 50_000).putParameter("ratio", 0.95)
                .putParameter("resume", false);
        run.writeManifest();

        assertThat(read(run)).contains("\"parameters\" : {\n    \"batchSize\" : 50000,\n    \"ratio\" : 0.95,\n"
                + "    \"resume\" : false,\n    \"workers\" : 2\n  }");
    }

    @Test
    void aRunClosedWithoutAVerdictEndsFailed() throws IOException {
        try (Run run = Run.start(results, "db", RunKind.LOAD, "load-events", clock, ENVIRONMENT, TOOL)) {
            run.manifest().putParameter("rows", 10);
        }

        Path manifest = onlyRunFolder().resolve(Run.MANIFEST_FILE);
        assertThat(Files.readString(manifest)).contains("\"status\" : \"FAILED\"")
                .contains("\"failureReason\" : \"" + Run.NO_VERDICT + "\"");
    }

    @Test
    void aRunThatFailedWithACauseRecordsItsMessageMasked() throws IOException {
        try (Run run = Run.start(results, "db", RunKind.JMH, "jmh", clock, ENVIRONMENT, TOOL)) {
            run.failed(new IllegalStateException("server postgresql://u:hunter2@db:5432/x went away"));
        }

        String manifest = Files.readString(onlyRunFolder().resolve(Run.MANIFEST_FILE));
        assertThat(manifest).contains("\"status\" : \"FAILED\"").contains("server postgresql://db:5432/x went away")
                .doesNotContain("hunter2");
    }

    @Test
    void closingARunThatSucceededKeepsItOk() throws IOException {
        try (Run run = Run.start(results, "db", RunKind.MERGE, "merge", clock, ENVIRONMENT, TOOL)) {
            run.succeeded();
            assertThat(run.isOpen()).isFalse();
        }

        assertThat(Files.readString(onlyRunFolder().resolve(Run.MANIFEST_FILE))).contains("\"status\" : \"OK\"");
    }

    @Test
    void aProcessThatExitsMidRunLeavesItsFolderFailedNotRunning() throws Exception {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process child = new ProcessBuilder(java.toString(), "-cp", System.getProperty("java.class.path"),
                ExitingRun.class.getName(), results.toString()).redirectErrorStream(true).start();
        String output = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(child.waitFor(60, TimeUnit.SECONDS)).as(output).isTrue();
        assertThat(child.exitValue()).as(output).isEqualTo(3);

        String manifest = Files.readString(onlyRunFolder().resolve(Run.MANIFEST_FILE));
        assertThat(manifest).contains("\"status\" : \"FAILED\"").contains(Run.INTERRUPTED);
    }

    /** A child JVM that starts a run and exits before ending it. */
    public static final class ExitingRun {
        public static void main(String[] args) {
            Run.start(Path.of(args[0]), "child", RunKind.LOAD, "load-events", Clock.systemUTC());
            System.exit(3);
        }
    }

    private Path onlyRunFolder() throws IOException {
        try (var folders = Files.list(results)) {
            List<Path> all = folders.toList();
            assertThat(all).hasSize(1);
            return all.get(0);
        }
    }

    private static void fill(Run run) {
        Map<String, Object> parameters = new LinkedHashMap<>();
        parameters.put("seed", 42L);
        parameters.put("rows", 1_000_000L);
        parameters.put("dataset", "events");
        parameters.put("batchSize", 50_000);
        parameters.put("workers", 2);
        parameters.put("format", "binary");
        parameters.put("pgUrl", "postgresql://bench:hunter2@db.example:5432/bench");
        parameters.put("pgPassword", "hunter2");
        parameters.put("rowsPerSecondTarget", 2.5e5);
        run.manifest().putParameters(parameters);
        run.manifest().putPlan("dataset", "events").putPlan("rows", 1_000_000L).putPlan("seed", 42L);

        Map<String, Object> postgres = new LinkedHashMap<>();
        postgres.put("url", "jdbc:postgresql://127.0.0.1:41234/postgres");
        postgres.put("user", "postgres");
        postgres.put("version", "PostgreSQL 18.0 on x86_64-pc-linux-gnu, compiled by gcc");
        postgres.put("serverVersionNum", 180000);
        Map<String, Object> settings = new TreeMap<>();
        settings.put("fsync", "off");
        settings.put("shared_buffers", "512MB");
        settings.put("io_method", null);
        postgres.put("settings", settings);
        Map<String, Object> redis = new LinkedHashMap<>();
        redis.put("url", "redis://127.0.0.1:42111");
        redis.put("version", "6.2.6");
        redis.put("mode", "standalone");
        redis.put("config", Map.of("save", "", "appendonly", "no"));
        Map<String, Object> target = new LinkedHashMap<>();
        target.put("kind", "EMBEDDED");
        target.put("postgres", postgres);
        target.put("redis", redis);
        run.manifest().target(target);
    }

    private static String read(Run run) throws IOException {
        return Files.readString(run.dir().resolve(Run.MANIFEST_FILE), StandardCharsets.UTF_8);
    }

    private static String golden(String name) {
        return GoldenFiles.text("manifest", "v2/" + name);
    }

    /** A clock the test moves by hand. */
    static final class MutableClock extends Clock {
        private Instant now;

        MutableClock(Instant start) {
            this.now = start;
        }

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
