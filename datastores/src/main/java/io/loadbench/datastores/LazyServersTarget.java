package io.loadbench.datastores;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A {@link Target} that starts its own PostgreSQL and Redis, each on first use, and stops them on {@link #close()}:
 * the lifecycle the embedded and containers targets share. A subclass only says how to start one server. Thread-safe.
 */
public abstract class LazyServersTarget implements Target {

    private static final Logger LOG = LoggerFactory.getLogger(LazyServersTarget.class);

    /**
     * A server a subclass started.
     *
     * @param endpoint where it listens
     * @param stop     stops it (and waits until it has)
     */
    public record Started<E>(E endpoint, AutoCloseable stop) {
    }

    private final AtomicBoolean closed = new AtomicBoolean();
    // volatile: close() runs on the shutdown hook without the lock, so a thread stuck in a start cannot stop the JVM exiting
    private volatile Started<PostgresEndpoint> postgres;
    private volatile Started<RedisEndpoint> redis;

    /** Starts the PostgreSQL server, blocking until it accepts connections; called once. */
    protected abstract Started<PostgresEndpoint> startPostgres();

    /** Starts the Redis server, blocking until it accepts connections; called once. */
    protected abstract Started<RedisEndpoint> startRedis();

    /** Runs once in {@link #close()} after both servers are stopped, e.g. to delete their files. */
    protected void afterServersStopped() {
    }

    @Override
    public final synchronized PostgresEndpoint postgres() {
        ensureOpen();
        if (postgres == null) {
            postgres = startPostgres();
        }
        return postgres.endpoint();
    }

    @Override
    public final synchronized RedisEndpoint redis() {
        ensureOpen();
        if (redis == null) {
            redis = startRedis();
        }
        return redis.endpoint();
    }

    @Override
    public final PostgresEndpoint runningPostgres() {
        Started<PostgresEndpoint> server = postgres;
        return server == null ? null : server.endpoint();
    }

    @Override
    public final RedisEndpoint runningRedis() {
        Started<RedisEndpoint> server = redis;
        return server == null ? null : server.endpoint();
    }

    @Override
    public final boolean startsServers() {
        return true;
    }

    @Override
    public final void close() {
        if (closed.getAndSet(true)) {
            return;
        }
        stopQuietly(postgres);
        stopQuietly(redis);
        afterServersStopped();
    }

    private void ensureOpen() {
        if (closed.get()) {
            throw new IllegalStateException(kind() + " target already closed");
        }
    }

    private void stopQuietly(Started<?> server) {
        if (server == null) {
            return;
        }
        try {
            server.stop().close();
        } catch (Exception e) {
            LOG.warn("stopping the {} server at {} failed: {}", kind(), server.endpoint(), e.getMessage());
        }
    }
}
