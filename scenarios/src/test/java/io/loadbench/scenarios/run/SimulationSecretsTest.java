package io.loadbench.scenarios.run;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.loadbench.results.Json;
import io.loadbench.scenarios.GatlingLauncher;
import io.loadbench.scenarios.simulations.WeatherUsersSimulation;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import io.loadbench.datastores.Datastores;
import io.loadbench.datastores.testing.TestDatastores;
import java.sql.Connection;
import java.sql.Statement;
import redis.clients.jedis.Jedis;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A password holding every URL delimiter, given raw or URL-encoded in a target URL, reaches neither the run
 * folder (manifest, Gatling's log and report) nor anything the run prints, whichever store cannot be reached.
 */
class SimulationSecretsTest {

    static final String RAW = "p@ss/w?r#d:%";
    static final String ENCODED = "p%40ss%2Fw%3Fr%23d%3A%25";

    @TempDir
    Path results;

    @Test
    @Timeout(120)
    void aPostgresUrlWithAPasswordThatCannotConnectLeavesItNowhere() throws Exception {
        String printed = capturingOutput(() -> {
            GatlingLauncher.runExpectingFailure(WeatherUsersSimulation.class, results.resolve("url"),
                    Map.of("pgUrl", "postgresql://postgres:" + ENCODED + "@127.0.0.1:1/bench"));
            GatlingLauncher.runExpectingFailure(WeatherUsersSimulation.class, results.resolve("parameter"),
                    Map.of("pgUrl", "jdbc:postgresql://127.0.0.1:1/bench?user=postgres&password=" + ENCODED));
        });

        assertFailedFolders(List.of(results.resolve("url"), results.resolve("parameter")), "127.0.0.1:1");
        assertNoPassword(printed);
    }

    @Test
    @Timeout(120)
    void aRedisUrlWithAPasswordThatCannotConnectLeavesItNowhere() throws Exception {
        // the embedded Redis lets its password-less default user in with any password: a Redis that is down fails
        String printed = capturingOutput(() -> GatlingLauncher.runExpectingFailure(BoundedRunSimulation.class,
                results.resolve("redis"), Map.of("pgUrl", PostgresOnlyTargetTest.embeddedPostgresUrl(), "mode", "redis",
                        "redisUrl", "redis://default:" + ENCODED + "@127.0.0.1:1")));

        assertFailedFolders(List.of(results.resolve("redis")), "Redis");
        assertNoPassword(printed);
    }

    @Test
    @Timeout(120)
    void aPasswordWithEveryDelimiterThatLogsInLeavesItNowhereInASuccessfulRun() throws Exception {
        Datastores embedded = TestDatastores.embedded();
        try (Connection c = embedded.openPgConnection(); Statement s = c.createStatement();
             Jedis jedis = embedded.openRedisConnection()) {
            s.execute("CREATE ROLE lb_secret_user LOGIN SUPERUSER PASSWORD '" + RAW + "'");
            jedis.aclSetUser("lb-secret-user", "on", ">" + RAW, "~*", "&*", "+@all");
            try {
                String pgUrl = "postgresql://lb_secret_user:" + ENCODED + "@" + embedded.postgres().hostAndPort() + "/postgres";
                String redisUrl = "redis://lb-secret-user:" + ENCODED + "@" + embedded.redis().hostAndPort();
                AtomicReference<GatlingLauncher.Result> result = new AtomicReference<>();
                String printed = capturingOutput(() -> result.set(GatlingLauncher.run(BoundedRunSimulation.class,
                        results.resolve("ok"), Map.of("mode", "redis", "pgUrl", pgUrl, "redisUrl", redisUrl,
                                "duration", "2s", "rate", "5"))));

                JsonNode manifest = Json.mapper().readTree(result.get().runFolder().resolve("manifest.json").toFile());
                assertThat(manifest.path("status").asText()).as("reason %s", manifest.path("failureReason")).isIn("OK", "NOISY");
                assertThat(manifest.path("target").path("postgres").path("user").asText()).isEqualTo("lb_secret_user");
                assertThat(manifest.path("target").path("redis").path("protected").asBoolean()).isTrue();
                assertNoPassword(printed);
                // the run folder and Gatling's own folder beside it
                assertNoPassword(everyFileUnder(results.resolve("ok")));
            } finally {
                jedis.aclDelUser("lb-secret-user");
                s.execute("DROP ROLE lb_secret_user");
            }
        }
    }

    private static String everyFileUnder(Path dir) throws Exception {
        List<String> everything = new ArrayList<>();
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                everything.add(file + ": " + new String(Files.readAllBytes(file), StandardCharsets.UTF_8));
            }
        }
        assertThat(everything).isNotEmpty();
        return String.join("\n", everything);
    }

    private static void assertFailedFolders(List<Path> resultDirs, String reasonMentions) throws Exception {
        List<String> everything = new ArrayList<>();
        for (Path dir : resultDirs) {
            Path folder;
            try (Stream<Path> folders = Files.list(dir)) {
                folder = folders.filter(p -> !p.getFileName().toString().startsWith(".")).findFirst().orElseThrow();
            }
            JsonNode manifest = Json.mapper().readTree(folder.resolve("manifest.json").toFile());
            assertThat(manifest.path("status").asText()).isEqualTo("FAILED");
            assertThat(manifest.path("failureReason").asText()).contains(reasonMentions);
            try (Stream<Path> files = Files.walk(folder)) {
                for (Path file : files.filter(Files::isRegularFile).toList()) {
                    everything.add(file + ": " + new String(Files.readAllBytes(file), StandardCharsets.UTF_8));
                }
            }
        }
        assertThat(everything).isNotEmpty();
        assertNoPassword(String.join("\n", everything));
    }

    private static void assertNoPassword(String text) {
        assertThat(text).doesNotContain(RAW).doesNotContain(ENCODED).doesNotContain("p@ss").doesNotContain("p%40ss")
                .doesNotContain("r#d").doesNotContain("r%23d");
    }

    /** Runs {@code body} with System.out and System.err also copied into the returned text. */
    private static String capturingOutput(Runnable body) {
        PrintStream out = System.out;
        PrintStream err = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(tee(out, captured), true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(tee(err, captured), true, StandardCharsets.UTF_8));
        try {
            body.run();
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
        return captured.toString(StandardCharsets.UTF_8);
    }

    private static OutputStream tee(OutputStream first, OutputStream second) {
        return new OutputStream() {
            @Override
            public void write(int b) throws java.io.IOException {
                first.write(b);
                synchronized (second) {
                    second.write(b);
                }
            }

            @Override
            public void write(byte[] bytes, int offset, int length) throws java.io.IOException {
                first.write(bytes, offset, length);
                synchronized (second) {
                    second.write(bytes, offset, length);
                }
            }
        };
    }
}
