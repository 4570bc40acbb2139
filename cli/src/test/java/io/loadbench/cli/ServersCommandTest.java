package io.loadbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import redis.clients.jedis.Jedis;

/** {@code loadbench servers}: other tools reach the embedded servers through the env file, and nothing outlives it. */
class ServersCommandTest {

    @TempDir
    Path dir;

    @Test
    void theEnvFileIsOwnerOnlyItsUrlsReachBothServersAndItGoesWhenStdinCloses() throws Exception {
        Path envFile = dir.resolve("servers.env");
        PipedOutputStream stdin = new PipedOutputStream();
        PipedInputStream in = new PipedInputStream(stdin);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        CompletableFuture<Integer> servers = CompletableFuture.supplyAsync(() -> ServersCommand.run(
                new String[] {"--env-file", envFile.toString(), "--max-time", "2m"},
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(new ByteArrayOutputStream()), in));
        for (int i = 0; i < 600 && !Files.exists(envFile); i++) {
            Thread.sleep(100);
        }
        Thread.sleep(200);
        assertThat(envFile).exists();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(envFile))).isEqualTo("rw-------");
        String pgUrl = value(envFile, "LOADBENCH_PG_URL");
        String redisUrl = value(envFile, "LOADBENCH_REDIS_URL");
        assertThat(out.toString(StandardCharsets.UTF_8)).as("the passwords stay in the file").doesNotContain(pgUrl)
                .doesNotContain(redisUrl).contains("are up");

        try (Connection connection = DriverManager.getConnection(io.loadbench.datastores.PostgresEndpoint
                .parse(pgUrl, "LOADBENCH_PG_URL").jdbcUrlWithCredentials());
             ResultSet one = connection.createStatement().executeQuery("SELECT 1")) {
            assertThat(one.next()).isTrue();
        }
        try (Jedis redis = new Jedis(java.net.URI.create(redisUrl))) {
            assertThat(redis.ping()).isEqualTo("PONG");
        }

        stdin.close();
        assertThat(servers.get(60, TimeUnit.SECONDS)).isZero();
        assertThat(envFile).doesNotExist();
    }

    @Test
    void anExistingEnvFileIsNeverOverwritten() throws Exception {
        Path envFile = Files.writeString(dir.resolve("mine.env"), "keep me");
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        int exit = ServersCommand.run(new String[] {"--env-file", envFile.toString()}, new PrintStream(new ByteArrayOutputStream()),
                new PrintStream(err, true, StandardCharsets.UTF_8), new java.io.ByteArrayInputStream(new byte[0]));

        assertThat(exit).isEqualTo(Loadbench.EXIT_FAILED);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("exists; loadbench does not overwrite");
        assertThat(Files.readString(envFile)).isEqualTo("keep me");
    }

    private static String value(Path envFile, String name) throws Exception {
        return Files.readAllLines(envFile).stream().filter(line -> line.startsWith("export " + name + "="))
                .map(line -> line.substring(line.indexOf('=') + 1).replace("'", "")).findFirst().orElseThrow();
    }

}
