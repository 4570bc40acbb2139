package io.loadbench.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad input ends with one clear line naming the problem, a non-zero exit and no stack trace. */
class BadInputTest {

    @TempDir
    Path results;

    private static void assertOneLineError(Cli cli, String... fragments) {
        assertThat(cli.exitCode()).isEqualTo(Main.EXIT_BAD_INPUT);
        assertThat(cli.err().lines()).hasSize(1);
        assertThat(cli.err()).startsWith("loadbench-report: ").contains(fragments).doesNotContain("\tat ", "Exception");
        assertThat(cli.out()).isEmpty();
    }

    private Path run(String name) {
        return Fixtures.loadRun(results.resolve(name), Fixtures.BENCH_01, Plans.load(), 1.0);
    }

    @Test
    void missingFolderIsNamed() {
        Path missing = results.resolve("no-such-run");
        assertOneLineError(Cli.run("summarize", missing.toString()), missing.toString(), "no such run folder");
    }

    @Test
    void folderWithoutManifestIsNotARunFolder() throws IOException {
        Path empty = Files.createDirectory(results.resolve("empty"));
        assertOneLineError(Cli.run("summarize", empty.toString()), "not a run folder (no manifest.json)");
    }

    @Test
    void corruptManifestNamesTheFileAndPosition() throws IOException {
        Path dir = run("corrupt");
        Files.writeString(dir.resolve("manifest.json"), "{ \"schemaVersion\" : 1, \"kind\" : ");
        assertOneLineError(Cli.run("summarize", dir.toString()), dir.resolve("manifest.json").toString(), "not valid JSON", "line 1");
    }

    @Test
    void unknownManifestSchemaVersionIsRejected() throws IOException {
        Path dir = run("future");
        Files.writeString(dir.resolve("manifest.json"),
                Files.readString(dir.resolve("manifest.json")).replace("\"schemaVersion\" : 1", "\"schemaVersion\" : 3"));
        assertOneLineError(Cli.run("compare", dir.toString(), run("other").toString()),
                dir.resolve("manifest.json").toString(), "unknown schemaVersion 3", "reads schema versions [1, 2]");
    }

    @Test
    void unknownLoadSchemaVersionIsRejected() throws IOException {
        Path dir = run("future-load");
        Files.writeString(dir.resolve("load.json"),
                Files.readString(dir.resolve("load.json")).replace("\"schemaVersion\" : 1", "\"schemaVersion\" : 7"));
        assertOneLineError(Cli.run("summarize", dir.toString()), dir.resolve("load.json").toString(), "unknown schemaVersion 7");
    }

    @Test
    void corruptIntervalLogIsNamed() throws IOException {
        Path dir = Fixtures.gatlingRun(results.resolve("sim"), Fixtures.BENCH_01, Plans.cache(2000), 1, 1.0, 100);
        Path log = dir.resolve("hdr/get.intended.hlog");
        Files.writeString(log, Files.readString(log).replace("HISTFAAA", "HISTxxxx"));
        assertOneLineError(Cli.run("summarize", dir.toString()), log.toString(), "not a readable HdrHistogram interval log");
    }

    @Test
    void verboseAddsTheStackTrace() {
        Cli cli = Cli.run("summarize", "--verbose", results.resolve("absent").toString());
        assertThat(cli.exitCode()).isEqualTo(Main.EXIT_BAD_INPUT);
        assertThat(cli.err()).contains("no such run folder", "\tat io.loadbench.report.");
    }

    @Test
    void theVerboseStackTraceMasksAPasswordItsMessagesQuote() {
        Cli cli = Cli.run("summarize", "--verbose", results.resolve("jdbc:postgresql:db?user=bench&password=s3cr3tpw").toString());
        assertThat(cli.exitCode()).isEqualTo(Main.EXIT_BAD_INPUT);
        assertThat(cli.err()).contains("\tat io.loadbench.report.").doesNotContain("s3cr3tpw");
    }

    @Test
    void optionalFilesMayBeAbsentButAListedOneMissingIsWarned() throws IOException {
        Path dir = run("no-load-json");
        Files.delete(dir.resolve("load.json"));
        Cli cli = Cli.run("summarize", dir.toString());
        assertThat(cli.exitCode()).isZero();
        assertThat(cli.out()).contains("warning: manifest lists load.json but the run folder has no such file")
                .doesNotContain("Load\n----");
    }

    @Test
    void compareNeedsTwoRuns() {
        Cli cli = Cli.run("compare", run("only").toString());
        assertThat(cli.exitCode()).isEqualTo(2);
        assertThat(cli.err()).contains("RUN");
    }
}
