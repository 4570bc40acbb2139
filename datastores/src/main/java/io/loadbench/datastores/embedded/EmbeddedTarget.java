package io.loadbench.datastores.embedded;

import io.loadbench.datastores.PostgresEndpoint;
import io.loadbench.datastores.RedisEndpoint;
import io.loadbench.datastores.Target;
import io.loadbench.datastores.TargetKind;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The default target: an {@link EmbeddedPostgresServer} and an {@link EmbeddedRedisServer} in one
 * {@link EmbeddedWorkspace}, each started on first use. Thread-safe.
 */
public final class EmbeddedTarget implements Target {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedTarget.class);

    private final EmbeddedWorkspace workspace;
    private final AtomicBoolean closed = new AtomicBoolean();
    // volatile: close() runs on the shutdown hook without the lock, so a thread stuck in a start cannot stop the JVM exiting
    private volatile EmbeddedPostgresServer postgresServer;
    private volatile EmbeddedRedisServer redisServer;

    private EmbeddedTarget(EmbeddedWorkspace workspace) {
        this.workspace = workspace;
    }

    /**
     * Stops and deletes what killed runs left under {@link EmbeddedWorkspace#defaultRoot()} (one log line each), then
     * creates this JVM's workspace there. No server starts yet.
     */
    public static EmbeddedTarget open() {
        Path root = EmbeddedWorkspace.defaultRoot();
        for (String line : EmbeddedWorkspace.cleanStale(root)) {
            LOG.warn("{}", line);
        }
        return new EmbeddedTarget(EmbeddedWorkspace.create(root));
    }

    @Override
    public TargetKind kind() {
        return TargetKind.EMBEDDED;
    }

    @Override
    public synchronized PostgresEndpoint postgres() {
        ensureOpen();
        if (postgresServer == null) {
            EmbeddedPostgresServer server = EmbeddedPostgresServer.start(workspace);
            LOG.info("embedded PostgreSQL on {} started in {} ms", server.endpoint().hostAndPort(),
                    server.startupTime().toMillis());
            postgresServer = server;
        }
        return postgresServer.endpoint();
    }

    @Override
    public synchronized RedisEndpoint redis() {
        ensureOpen();
        if (redisServer == null) {
            EmbeddedRedisServer server = EmbeddedRedisServer.start(workspace);
            LOG.info("embedded Redis on {} started in {} ms", server.endpoint().hostAndPort(),
                    server.startupTime().toMillis());
            redisServer = server;
        }
        return redisServer.endpoint();
    }

    @Override
    public PostgresEndpoint runningPostgres() {
        EmbeddedPostgresServer server = postgresServer;
        return server == null ? null : server.endpoint();
    }

    @Override
    public RedisEndpoint runningRedis() {
        EmbeddedRedisServer server = redisServer;
        return server == null ? null : server.endpoint();
    }

    /** The PostgreSQL server, or null before the first {@link #postgres()}. */
    public EmbeddedPostgresServer postgresServer() {
        return postgresServer;
    }

    /** The Redis server, or null before the first {@link #redis()}. */
    public EmbeddedRedisServer redisServer() {
        return redisServer;
    }

    @Override
    public boolean startsServers() {
        return true;
    }

    @Override
    public void close() {
        if (closed.getAndSet(true)) {
            return;
        }
        closeQuietly(postgresServer);
        closeQuietly(redisServer);
        try {
            workspace.close();
        } catch (RuntimeException e) {
            LOG.warn("could not delete {}: {}", workspace.dir(), e.getMessage());
        }
    }

    private void ensureOpen() {
        if (closed.get()) {
            throw new IllegalStateException("embedded target already closed");
        }
    }

    private static void closeQuietly(AutoCloseable server) {
        if (server == null) {
            return;
        }
        try {
            server.close();
        } catch (Exception e) {
            LOG.warn("{}", e.getMessage());
        }
    }
}
