package io.loadbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.loadbench.results.ManifestReader;
import io.loadbench.results.RunManifest;
import io.loadbench.results.RunStatus;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code loadbench} command as a user types it: its answers, its refusals, and a workload run end to end. */
class LoadbenchTest {

    @TempDir
    Path results;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int loadbench(String... args) {
        Loadbench loadbench = new Loadbench(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), Map.of(), Clock.systemUTC(), false);
        return loadbench.run(args);
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void workloadsListsEveryWorkloadWithItsModelPresetsAndOptionValues() {
        assertThat(loadbench("workloads")).isZero();

        assertThat(out()).contains("cache  (open model; seed 002", "weather  (closed model; seed 003", "event-analytics",
                        "daily", "gateway-pagination")
                .contains("presets: smoke, low, demo, high, ultra, full")
                .containsPattern("--rate +dashboard queries per second.*\\(arrivals/s\\) \\[smoke 200, low 20, demo 150, high 700, ultra 8000, full 10000\\]")
                .containsPattern("--users +concurrent users at the end of the ramp \\(count\\) \\[smoke 60, demo 1000, full 10000\\]")
                .contains("--metrics-port");
    }

    @Test
    void aRateSpeltTheWayAnotherToolSpellsItIsRefusedWithTheNameItHasHere() {
        assertThat(loadbench("run", "cache", "--qps", "10")).isEqualTo(Loadbench.EXIT_USAGE);

        assertThat(err().lines().toList()).singleElement().asString()
                .contains("unknown option --qps for cache", "did you mean --rate?");
    }

    @Test
    void aClosedWorkloadRefusesARateAndNamesWhatItTakesInstead() {
        assertThat(loadbench("run", "weather", "--rate", "10")).isEqualTo(Loadbench.EXIT_USAGE);

        assertThat(err()).contains("weather has no --rate (a closed model; its common options: --duration, --users)");
    }

    @Test
    void aMistypedOptionSuggestsTheNearestOne() {
        assertThat(loadbench("run", "cache", "--evnts-per-sec", "10")).isEqualTo(Loadbench.EXIT_USAGE);

        assertThat(err()).contains("did you mean --events-per-sec?");
    }

    @Test
    void unknownCommandsAndWorkloadsAreRefusedWithTheNearestName() {
        assertThat(loadbench("workload")).isEqualTo(Loadbench.EXIT_USAGE);
        assertThat(loadbench("run", "cahce")).isEqualTo(Loadbench.EXIT_USAGE);

        assertThat(err()).contains("unknown command 'workload'; did you mean workloads?")
                .contains("unknown workload 'cahce'; did you mean cache?");
    }

    @Test
    void everyCommandAnswersHelp() {
        for (List<String> command : List.of(List.of("--help"), List.of("run", "--help"), List.of("run", "cache", "--help"),
                List.of("workloads", "--help"), List.of("load", "--help"), List.of("report", "--help"))) {
            out.reset();
            assertThat(loadbench(command.toArray(String[]::new))).as(command.toString()).isZero();
            assertThat(out()).as(command.toString()).containsIgnoringCase("usage");
        }
        out.reset();
        loadbench("run", "cache", "--help");
        assertThat(out()).contains("loadbench run cache", "--rate=VALUE", "--preset=PRESET", "--pg-url=URL");
    }

    @Test
    void theLoaderAndTheReportAnswerUnderTheLoadbenchName() {
        assertThat(loadbench("datasets")).isZero();
        assertThat(out()).contains("events", "weather", "analytics");

        out.reset();
        assertThat(loadbench("plan", "--help")).isZero();
        assertThat(out()).contains("loadbench plan").doesNotContain("loadbench-loader");

        assertThat(loadbench("report", "summarize", results.resolve("missing").toString())).isNotZero();
        assertThat(err()).startsWith("loadbench report: ");
    }

    @Test
    void theGatlingReportSwitchTakesTrueOrFalseOnly() {
        int exit = loadbench("run", "redis", "--gatling-report", "maybe", "--results", results.toString());

        assertThat(exit).isEqualTo(Loadbench.EXIT_USAGE);
        assertThat(err()).isEqualTo("error: --gatling-report: expected true or false, got 'maybe'\n");
    }

    @Test
    void aBadOptionValueFailsTheRunInOneLineNamingItsFlag() throws IOException {
        int exit = loadbench("run", "cache", "--rate", "lots", "--target", "embedded", "--results", results.toString());

        assertThat(exit).isEqualTo(Loadbench.EXIT_FAILED);
        assertThat(err().lines().findFirst()).hasValueSatisfying(line -> assertThat(line)
                .contains("error: cache:", "option --rate: expected a positive number, got 'lots'"));
        assertThat(manifestOfOnlyRun().status()).isEqualTo(RunStatus.FAILED);
    }

    @Test
    void theCacheWorkloadRunsAtItsSmokePresetWithoutMavenAndEndsWithAVerdict() throws IOException {
        int exit = loadbench("run", "cache", "--preset", "smoke", "--duration", "6s", "--target", "embedded",
                "--label", "cli-test", "--results", results.toString());

        RunManifest manifest = manifestOfOnlyRun();
        assertThat(exit).as(err()).isZero();
        assertThat(manifest.status().succeeded()).isTrue();
        assertThat(manifest.parameters()).containsEntry("queriesPerSec", "200").containsEntry("duration", "6s");
        assertThat(out()).containsPattern("cache: (OK|NOISY)  .*cli-test-gatling-cache-queries");
        try (Stream<Path> entries = Files.list(results)) {
            assertThat(entries.map(p -> p.getFileName().toString()))
                    .as("Gatling's results folder link is removed after the run").noneMatch(name -> name.startsWith("."));
        }
    }

    @Test
    void aScriptWithASyntaxErrorFailsInOneLineWithItsFileAndLineAndNoStackTrace() throws IOException {
        Path script = Files.writeString(results.resolve("bad.sql"), "\\set aid random(1)\nSELECT 1;\n");
        Path folders = Files.createDirectories(results.resolve("runs"));

        int exit = loadbench("run", "sql", "--script", script.toString(), "--target", "embedded", "--results", folders.toString());

        assertThat(exit).isEqualTo(Loadbench.EXIT_FAILED);
        assertThat(err().lines().findFirst()).hasValueSatisfying(line ->
                assertThat(line).contains("bad.sql:1: random() takes 2 arguments, got 1"));
        assertThat(err()).doesNotContain("\tat ");
        // Gatling's own trace of the crash goes to the console, which RunCrashedLogFilter keeps quiet (its own test)
    }

    @Test
    void aSingleRedisCommandOfTheUsersRunsAtItsRateWithTheKeysDrawnFromAZipfLaw() throws IOException {
        int exit = loadbench("run", "redis", "--command", "GET k:__key__", "--key-pattern", "zipf:0.99", "--rate", "300",
                "--duration", "5s", "--target", "embedded", "--results", results.toString());

        assertThat(exit).as(err()).isZero();
        RunManifest manifest = manifestOfOnlyRun();
        assertThat(manifest.status().succeeded()).isTrue();
        assertThat(manifest.parameters()).containsEntry("command", "GET k:__key__").containsEntry("keyPattern", "zipf:0.99")
                .containsEntry("rate", "300");
    }

    @Test
    void aRepeatedScriptFlagGivesTheWorkloadEveryScript() throws IOException {
        Path read = Files.writeString(results.resolve("read.sql"), "SELECT 1;\n");
        Path write = Files.writeString(results.resolve("write.sql"), "\\set x random(1, 10)\nSELECT :x;\n");
        Path folders = Files.createDirectories(results.resolve("runs"));

        int exit = loadbench("run", "sql", "--script", read + "@3", "--script", write.toString(), "--setup", "none",
                "--rate", "50", "--duration", "3s", "--target", "embedded", "--results", folders.toString());

        assertThat(exit).as(err()).isZero();
        try (Stream<Path> entries = Files.list(folders)) {
            Path folder = entries.filter(Files::isDirectory).findFirst().orElseThrow();
            assertThat(Files.readString(folder.resolve("manifest.json"))).contains("read.sql@3").contains("write.sql");
        }
    }

    private RunManifest manifestOfOnlyRun() throws IOException {
        try (Stream<Path> entries = Files.list(results)) {
            List<Path> folders = entries.filter(Files::isDirectory).filter(p -> !p.getFileName().toString().startsWith("."))
                    .toList();
            assertThat(folders).hasSize(1);
            return ManifestReader.read(folders.get(0).resolve("manifest.json"));
        }
    }
}
