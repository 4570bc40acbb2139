package io.loadbench.loader.cli;

import io.loadbench.results.Secrets;
import io.loadbench.loader.spi.DatasetRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Bad command lines through the real {@link LoaderCli}, one row each: the exit code, exactly one line on
 * stderr naming the problem, no stack trace, no secret (raw or URL-encoded) anywhere in the output, and no run
 * folder left {@code RUNNING}. Nothing here reaches a working server: URLs point at port 1 of the loopback.
 */
class BadInputTest {

    /** A password made of the characters people forget to encode. */
    static final String PASSWORD = "p@ss/w?r#d:%";
    static final String ENCODED = "p%40ss%2Fw%3Fr%23d%3A%25";
    static final String PG_URL = "jdbc:postgresql://127.0.0.1:1/db?user=loader&password=" + ENCODED;
    static final String PG_URI = "postgresql://loader:" + ENCODED + "@127.0.0.1:1/db";
    static final String PG_URI_RAW = "postgresql://loader:" + PASSWORD + "@127.0.0.1:1/db";
    static final String REDIS_URL = "redis://:" + ENCODED + "@127.0.0.1:1/0";
    static final String MASK = Secrets.MASK;

    private static Path results;
    private static Path notADirectory;

    @BeforeAll
    static void folders() throws IOException {
        results = Files.createTempDirectory("loadbench-bad-input");
        notADirectory = Files.writeString(results.resolve("a-file"), "not a directory");
    }

    @AfterAll
    static void removeFolders() throws IOException {
        try (Stream<Path> all = Files.walk(results)) {
            all.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    /** exit code, the fragment stderr must contain, the environment, the command line. */
    static Stream<Arguments> badCommandLines() {
        Map<String, String> none = Map.of();
        return Stream.of(
                // sizes the plan cannot represent
                row(2, "--rows", none, "load", "events", "--rows", "9223372036854775807"),
                row(2, "--rows", none, "plan", "events", "--rows", "9223372036854775807"),
                row(2, "--rows", none, "load", "events", "--rows", "2000G", "--pg-url", PG_URL),
                row(2, "--rows", none, "load", "events", "--rows", "1T"),
                row(2, "--batch-size", none, "load", "events", "--rows", "1000G", "--batch-size", "1", "--pg-url", PG_URL),
                row(2, "--batch-size", none, "load", "events", "--batch-size", "0"),
                row(2, "--base-tps", none, "load", "commerce", "--days", "366", "--base-tps", "100000",
                        "--peak-multiplier", "100", "--pg-url", PG_URL),
                row(2, "--users-per-org", none, "load", "analytics", "--orgs", "1000000", "--users-per-org", "1000"),
                // empty URLs are mistakes, not the embedded server
                row(2, "--pg-url", none, "load", "events", "--pg-url", ""),
                row(2, "--pg-url", none, "load", "events", "--pg-url", "  "),
                row(2, "--redis-url", none, "load", "analytics", "--redis-url", "", "--pg-url", PG_URL),
                row(2, "LOADBENCH_PG_URL", Map.of("LOADBENCH_PG_URL", ""), "load", "events"),
                row(2, "LOADBENCH_REDIS_URL", Map.of("LOADBENCH_REDIS_URL", " ", "LOADBENCH_PG_URL", PG_URL), "load", "analytics"),
                row(2, "--pg-url", none, "drop", "events", "--pg-url", ""),
                row(2, "--redis-url", none, "verify", "analytics", "--redis-url", ""),
                row(2, "--target", none, "load", "events", "--target", ""),
                // conflicting options
                row(2, "--profile massive", none, "load", "gateway", "--profile", "massive", "--rows", "10000"),
                row(2, "--profile small", none, "plan", "gateway", "--profile", "small", "--rows", "500"),
                row(2, "--target embedded", none, "load", "events", "--target", "embedded", "--pg-url", PG_URL),
                // prerequisites, checked before PostgreSQL (whose URL is dead) is touched
                row(2, "--redis-url", none, "load", "analytics", "--rows", "1K", "--orgs", "2", "--pg-url", PG_URL,
                        "--redis-url", REDIS_URL),
                row(2, "--out", none, "load", "commerce", "--days", "1", "--base-tps", "1", "--pg-url", PG_URL, "--out", "@FILE"),
                row(2, "--out", none, "load", "commerce", "--days", "1", "--base-tps", "1", "--pg-url", PG_URL,
                        "--out", "@FILE/below"),
                row(2, "--resp-out", none, "load", "analytics", "--rows", "1K", "--orgs", "2", "--pg-url", PG_URL,
                        "--redis-url", REDIS_URL, "--resp-out", "@FILE/x.resp"),
                // usage errors next to a secret: a misspelt option is named alone, without the URL that follows it
                row(2, "unknown option --pgurl", none, "load", "events", "--pgurl", PG_URI),
                row(2, "unknown option --pgurl", none, "load", "events", "--pgurl", PG_URI_RAW),
                row(2, "unknown option --pgurl", none, "load", "--pgurl", PG_URI, "events"),
                row(2, "unknown option --pgurl", none, "load", "events", "--pg-url", PG_URL, "--pgurl", PG_URI),
                row(2, "unknown option --redisurl", none, "load", "events", "--redisurl", REDIS_URL),
                row(2, MASK, none, "load", "events", "--pg-url", PG_URL, "extra", PG_URI_RAW),
                row(2, "--pg-url", none, "load", "events", "--pg-url", "postgres//loader:" + PASSWORD + "@h/db"),
                // plain bad values
                row(2, "--workers", none, "load", "events", "--workers", "0"),
                row(2, "--workers", none, "load", "events", "--workers", "abc"),
                row(2, "--format", none, "load", "events", "--format", "csv"),
                row(2, "--label", none, "load", "events", "--label", " "),
                row(2, "--users", none, "load", "events", "--users", "0"),
                row(2, "--end-date", none, "load", "events", "--end-date", "2026-13-01"),
                row(2, "unknown dataset 'nosuch'", none, "load", "nosuch"),
                row(2, "missing dataset", none, "load"),
                row(2, "--key-prefix", none, "load", "analytics", "--key-prefix", "a*b"),
                row(2, "--redis-type", none, "load", "analytics", "--redis-type", "nope"),
                row(2, "--email-domain", none, "load", "gateway", "--email-domain", "Not A Domain"),
                row(2, "--config", none, "load", "gateway", "--config", "/nonexistent/gateway.yaml"),
                row(2, "--seed", none, "load", "events", "--seed", "x", "--pg-url", PG_URL),
                // the shard contract
                row(2, "--shard", none, "load", "events", "--shard", "2/2", "--pg-url", PG_URL),
                row(2, "--shard", none, "plan", "events", "--shard", "0/0"),
                row(2, "JOB_COMPLETION_INDEX", Map.of("JOB_COMPLETION_INDEX", "1"), "load", "events", "--pg-url", PG_URL),
                row(2, "LB_SHARD_COUNT", Map.of("LB_SHARD_COUNT", "2"), "plan", "events"),
                row(2, "JOB_COMPLETION_INDEX", Map.of("JOB_COMPLETION_INDEX", "2", "LB_SHARD_COUNT", "2"), "plan", "events"),
                row(2, "--shard", none, "load", "events", "--shard", "0/2"),
                row(2, "--resume", none, "load", "events", "--shard", "0/2", "--resume", "--pg-url", PG_URL),
                row(2, "--finish", none, "load", "events", "--finish", "--shard", "0/2", "--pg-url", PG_URL),
                row(2, "--run-id", none, "load", "events", "--shard", "0/2", "--run-id", "a b", "--pg-url", PG_URL));
    }

    private static Arguments row(int exitCode, String fragment, Map<String, String> env, String... args) {
        return Arguments.of(exitCode, fragment, env, args);
    }

    @ParameterizedTest(name = "[{index}] {3}")
    @MethodSource("badCommandLines")
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void aBadCommandLineGetsOneMaskedLineAndNoRunningRunFolder(int exitCode, String fragment, Map<String, String> env,
                                                              String[] args) throws IOException {
        List<String> line = new ArrayList<>();
        for (String arg : args) {
            line.add(arg.replace("@FILE", notADirectory.toString()));
        }
        if (args.length > 1) { // a bare 'load' must meet its own error, not one about --results
            line.addAll(List.of("--results", results.toString()));
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = new LoaderCli(DatasetRegistry.builtIn(), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), env, Clock.systemUTC(), false, () -> "bad-input")
                .run(line.toArray(String[]::new));
        String stderr = err.toString(StandardCharsets.UTF_8);
        String everything = out.toString(StandardCharsets.UTF_8) + stderr;

        assertThat(code).as("exit code of %s; stderr: %s", Arrays.toString(args), stderr).isEqualTo(exitCode);
        assertThat(stderr.lines().toList()).as("stderr").hasSize(1);
        assertThat(stderr).contains(fragment).doesNotContain("\tat ").doesNotContain("Exception");
        assertThat(everything).doesNotContain(PASSWORD).doesNotContain(ENCODED);
        try (Stream<Path> manifests = Files.walk(results)) {
            for (Path manifest : manifests.filter(p -> p.getFileName().toString().equals("manifest.json")).toList()) {
                assertThat(Files.readString(manifest)).as(manifest.toString()).doesNotContain("\"RUNNING\"")
                        .doesNotContain(PASSWORD).doesNotContain(ENCODED);
            }
        }
    }
}
