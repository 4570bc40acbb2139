package io.loadbench.datastores.containers;

import io.loadbench.datastores.PostgresEndpoint;
import io.loadbench.datastores.RedisEndpoint;
import io.loadbench.datastores.Target;
import io.loadbench.datastores.TargetKind;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.testcontainers.containers.GenericContainer;

import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * {@code --target containers}: PostgreSQL and Redis in Testcontainers ({@link ContainerServers}), each started on
 * first use and removed by {@link #close()}. Thread-safe.
 */
public final class ContainerTarget implements Target {

    private static final Logger LOG = LoggerFactory.getLogger(ContainerTarget.class);

    private final AtomicBoolean closed = new AtomicBoolean();
    // volatile: close() runs on the shutdown hook without the lock
    private volatile GenericContainer<?> postgresContainer;
    private volatile PostgresEndpoint postgres;
    private volatile GenericContainer<?> redisContainer;
    private volatile RedisEndpoint redis;

    private ContainerTarget() {
    }

    /**
     * Checks for a Docker engine now, so that a missing one fails before any work; no container starts yet.
     *
     * @param env the process environment ({@code DOCKER_HOST}, ...)
     * @throws io.loadbench.datastores.DatastoreException with one line when there is no Docker engine
     */
    public static ContainerTarget open(Map<String, String> env) {
        ContainerServers.requireDocker(env);
        return new ContainerTarget();
    }

    @Override
    public TargetKind kind() {
        return TargetKind.CONTAINERS;
    }

    @Override
    public synchronized PostgresEndpoint postgres() {
        ensureOpen();
        if (postgres == null) {
            postgresContainer = ContainerServers.startPostgres();
            postgres = ContainerServers.postgresEndpoint(postgresContainer);
        }
        return postgres;
    }

    @Override
    public synchronized RedisEndpoint redis() {
        ensureOpen();
        if (redis == null) {
            redisContainer = ContainerServers.startRedis();
            redis = ContainerServers.redisEndpoint(redisContainer);
        }
        return redis;
    }

    @Override
    public PostgresEndpoint runningPostgres() {
        return postgres;
    }

    @Override
    public RedisEndpoint runningRedis() {
        return redis;
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
        stopQuietly(postgresContainer);
        stopQuietly(redisContainer);
    }

    private void ensureOpen() {
        if (closed.get()) {
            throw new IllegalStateException("container target already closed");
        }
    }

    private static void stopQuietly(GenericContainer<?> container) {
        if (container == null) {
            return;
        }
        try {
            container.stop();
        } catch (RuntimeException e) {
            LOG.warn("stopping container {} failed: {}", container.getDockerImageName(), e.getMessage());
        }
    }
}
