package io.loadbench.datastores.embedded;

import io.loadbench.datastores.DatastoreException;
import io.loadbench.datastores.RedisEndpoint;
import redis.embedded.RedisServer;
import redis.embedded.core.ExecutableProvider;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A real {@code redis-server} (6.2, shipped in the embedded-redis jar) in a workspace directory, on a free loopback
 * port, configured by {@link EmbeddedPolicy}, with {@code requirepass} set to a password chosen at random for this
 * server ({@link ServerPassword}); loadbench's clients get it through {@link RedisEndpoint#password()}. It writes its pid
 * file into the workspace and is recorded there, so {@link EmbeddedWorkspace#cleanStale} can stop it after a
 * {@code kill -9} of the JVM.
 */
public final class EmbeddedRedisServer implements AutoCloseable {

    private final RedisServer server;
    private final EmbeddedWorkspace workspace;
    private final RedisEndpoint endpoint;
    private final Duration startupTime;

    private EmbeddedRedisServer(RedisServer server, EmbeddedWorkspace workspace, int port, String password,
                                Duration startupTime) {
        this.server = server;
        this.workspace = workspace;
        this.endpoint = new RedisEndpoint("127.0.0.1", port, null, password, 0, false);
        this.startupTime = startupTime;
    }

    /** Starts redis-server in {@code workspace.redisDir()}; fails with one clear line. */
    public static EmbeddedRedisServer start(EmbeddedWorkspace workspace) {
        long startNs = System.nanoTime();
        int port = FreePort.pick();
        String password = ServerPassword.generate();
        try {
            // binary and configuration both live in the workspace, so a killed run leaves nothing elsewhere
            Path dir = workspace.redisDir().toAbsolutePath();
            File binary = ExecutableProvider.newJarResourceProvider(dir.toFile()).get();
            List<String> config = new ArrayList<>();
            config.add("port " + port);
            config.add("dir " + dir);
            config.add("pidfile " + dir.resolve(EmbeddedWorkspace.REDIS_PID_FILE));
            for (EmbeddedPolicy.Setting setting : EmbeddedPolicy.redisSettings()) {
                config.add(setting.name() + " " + setting.value());
            }
            config.add("requirepass " + password);
            // the config holds the password: owner-only, in an owner-only workspace
            Path configFile = dir.resolve("redis.conf");
            ServerPassword.writePrivateFile(configFile, String.join("\n", config) + "\n");
            // Datastores stops the server in its own shutdown hook, hence no force-stop hook here
            RedisServer server = new RedisServer(port, List.of(binary.getAbsolutePath(), configFile.toString()), false);
            server.start();
            EmbeddedRedisServer started = new EmbeddedRedisServer(server, workspace, port, password,
                    Duration.ofNanos(System.nanoTime() - startNs));
            return workspace.recordOrStop(EmbeddedWorkspace.Server.REDIS, started.pid(), dir, started);
        } catch (IOException | RuntimeException e) {
            throw new DatastoreException("embedded Redis did not start on 127.0.0.1:" + port + ": "
                    + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().lines().findFirst().orElse("")), e);
        }
    }

    public RedisEndpoint endpoint() {
        return endpoint;
    }

    public Duration startupTime() {
        return startupTime;
    }

    /** The redis-server pid, from its pid file; -1 once stopped. */
    public long pid() {
        return EmbeddedWorkspace.readPid(workspace.redisDir().resolve(EmbeddedWorkspace.REDIS_PID_FILE)).orElse(-1L);
    }

    /** Stops redis-server. */
    @Override
    public void close() {
        try {
            server.stop();
        } catch (IOException e) {
            throw new DatastoreException("embedded Redis did not stop cleanly: " + e.getMessage(), e);
        }
    }
}
