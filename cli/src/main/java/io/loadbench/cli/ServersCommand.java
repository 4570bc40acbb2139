package io.loadbench.cli;

import io.loadbench.datastores.Datastores;
import io.loadbench.datastores.PostgresEndpoint;
import io.loadbench.datastores.RedisEndpoint;
import io.loadbench.datastores.TargetSpec;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code loadbench servers --env-file FILE}: starts the embedded PostgreSQL and Redis (the same servers and policy
 * every command uses by default) and keeps them up until stdin closes, Ctrl-C, or {@code --max-time}, so that other
 * tools (psql, redis-cli, pgbench, a script comparing loadbench with them) can reach the same servers. The URLs carry
 * the servers' random passwords, so they go to FILE (owner-only, removed when the servers stop), never to the
 * terminal: {@code . FILE} exports {@code LOADBENCH_PG_URL} and {@code LOADBENCH_REDIS_URL}.
 */
@Command(name = "servers", mixinStandardHelpOptions = true,
        description = {"Start the embedded PostgreSQL and Redis and keep them up for other tools.",
                "Their URLs (with the servers' passwords) go to the env file, which '. FILE' reads; the servers stop, and",
                "the file is removed, when stdin closes, on Ctrl-C, or after --max-time."})
final class ServersCommand implements java.util.concurrent.Callable<Integer> {

    @Option(names = "--env-file", required = true, paramLabel = "FILE",
            description = "where to write LOADBENCH_PG_URL and LOADBENCH_REDIS_URL (created owner-only)")
    Path envFile;

    @Option(names = "--max-time", paramLabel = "DURATION", defaultValue = "1h",
            description = "the longest the servers stay up: 30m, 2h (default ${DEFAULT-VALUE})")
    String maxTime;

    private final PrintStream out;
    private final InputStream in;

    ServersCommand(PrintStream out, InputStream in) {
        this.out = out;
        this.in = in;
    }

    static int run(String[] args, PrintStream out, PrintStream err, InputStream in) {
        CommandLine commandLine = new CommandLine(new ServersCommand(out, in)).setCommandName(Loadbench.NAME + " servers");
        commandLine.setOut(new java.io.PrintWriter(out, true));
        commandLine.setErr(new java.io.PrintWriter(err, true));
        commandLine.setParameterExceptionHandler((e, arguments) -> {
            err.println("error: " + e.getMessage() + " (see 'loadbench servers --help')");
            return Loadbench.EXIT_USAGE;
        });
        commandLine.setExecutionExceptionHandler((e, cmd, parsed) -> {
            err.println("error: " + e.getMessage());
            return Loadbench.EXIT_FAILED;
        });
        return commandLine.execute(args);
    }

    @Override
    public Integer call() throws Exception {
        Duration limit = DurationOption.parse("--max-time", maxTime);
        if (Files.exists(envFile)) {
            throw new IllegalArgumentException("--env-file " + envFile + " exists; loadbench does not overwrite a file it did not make");
        }
        try (Datastores datastores = Datastores.open(TargetSpec.embedded())) {
            PostgresEndpoint postgres = datastores.postgres();
            RedisEndpoint redis = datastores.redis();
            writeEnvFile(postgres, redis);
            try {
                out.println("embedded PostgreSQL on " + postgres.hostAndPort() + " and Redis on " + redis.hostAndPort()
                        + " are up; '. " + envFile + "' sets LOADBENCH_PG_URL and LOADBENCH_REDIS_URL");
                out.println("they stop when stdin closes, on Ctrl-C, or in " + maxTime);
                out.flush();
                awaitEnd(limit);
            } finally {
                Files.deleteIfExists(envFile);
            }
        }
        out.println("embedded servers stopped");
        return Loadbench.EXIT_OK;
    }

    private void writeEnvFile(PostgresEndpoint postgres, RedisEndpoint redis) throws IOException {
        Files.createFile(envFile, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        StringBuilder text = new StringBuilder();
        targetEnvironment(postgres, redis).forEach((name, url) -> text.append("export ").append(name).append("='").append(url).append("'\n"));
        Files.writeString(envFile, text);
    }

    /**
     * {@code LOADBENCH_PG_URL} and {@code LOADBENCH_REDIS_URL} of running servers, with their passwords: what another
     * loadbench process (or psql, pgbench, redis-cli) needs to reach them.
     */
    static Map<String, String> targetEnvironment(PostgresEndpoint postgres, RedisEndpoint redis) {
        // libpq's URI form: psql, pgbench and loadbench all read it
        String pgUrl = "postgresql://" + encode(postgres.user()) + ":" + encode(postgres.password()) + "@"
                + postgres.hostAndPort() + "/" + postgres.database();
        // requirepass is the "default" user's password: named, because redis-cli sends an empty user name as given
        String redisUrl = "redis://" + (redis.user() == null ? "default" : encode(redis.user())) + ":" + encode(redis.password())
                + "@" + redis.hostAndPort();
        Map<String, String> environment = new LinkedHashMap<>();
        environment.put("LOADBENCH_PG_URL", pgUrl);
        environment.put("LOADBENCH_REDIS_URL", redisUrl);
        return environment;
    }

    private static String encode(String value) {
        return value == null ? "" : URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** Until stdin reaches its end (a script closes it, or the user types Ctrl-D), or the limit. */
    private void awaitEnd(Duration limit) throws InterruptedException {
        CountDownLatch ended = new CountDownLatch(1);
        Thread reader = new Thread(() -> {
            try {
                while (in.read() >= 0) {
                    // the content does not matter: only its end
                }
            } catch (IOException e) {
                // a closed stdin ends the wait as its end does
            }
            ended.countDown();
        }, "servers-stdin");
        reader.setDaemon(true);
        reader.start();
        ended.await(limit.toMillis(), TimeUnit.MILLISECONDS);
    }
}
