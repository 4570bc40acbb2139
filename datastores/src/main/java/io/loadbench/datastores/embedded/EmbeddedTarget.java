package io.loadbench.datastores.embedded;

import io.loadbench.datastores.LazyServersTarget;
import io.loadbench.datastores.PostgresEndpoint;
import io.loadbench.datastores.RedisEndpoint;
import io.loadbench.datastores.TargetKind;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;

/**
 * The default target: an {@link EmbeddedPostgresServer} and an {@link EmbeddedRedisServer} in one
 * {@link EmbeddedWorkspace}, each started on first use; closing stops them and deletes the workspace.
 */
public final class EmbeddedTarget extends LazyServersTarget {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedTarget.class);

    private final EmbeddedWorkspace workspace;
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
    protected Started<PostgresEndpoint> startPostgres() {
        EmbeddedPostgresServer server = EmbeddedPostgresServer.start(workspace);
        LOG.info("embedded PostgreSQL on {} started in {} ms", server.endpoint().hostAndPort(),
                server.startupTime().toMillis());
        postgresServer = server;
        return new Started<>(server.endpoint(), server);
    }

    @Override
    protected Started<RedisEndpoint> startRedis() {
        EmbeddedRedisServer server = EmbeddedRedisServer.start(workspace);
        LOG.info("embedded Redis on {} started in {} ms", server.endpoint().hostAndPort(),
                server.startupTime().toMillis());
        redisServer = server;
        return new Started<>(server.endpoint(), server);
    }

    @Override
    protected void afterServersStopped() {
        try {
            workspace.close();
        } catch (RuntimeException e) {
            LOG.warn("could not delete {}: {}", workspace.dir(), e.getMessage());
        }
    }

    /** The PostgreSQL server (its pid, data directory), or null before the first {@link #postgres()}. */
    public EmbeddedPostgresServer postgresServer() {
        return postgresServer;
    }

    /** The Redis server (its pid), or null before the first {@link #redis()}. */
    public EmbeddedRedisServer redisServer() {
        return redisServer;
    }
}
