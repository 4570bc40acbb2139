package io.loadbench.scenarios.protocol;

import io.gatling.javaapi.core.ProtocolBuilder;
import io.loadbench.scenarios.gatling.DatastoreProtocol;
import java.time.Duration;

/**
 * The datastore protocol's options, as {@code setUp(...).protocols(...)} takes them. Immutable: every method
 * returns a new builder. Defaults are in {@link DatastoreSettings}; the executor defaults to as many threads as
 * both pools together, unless set.
 */
public final class DatastoreProtocolBuilder implements ProtocolBuilder {

    private final DatastoreRuntime runtime;
    private final int pgPoolSize;
    private final int redisPoolSize;
    private final Integer executorThreads;
    private final int executorQueueCapacity;
    private final Duration poolTimeout;
    private final Duration queryTimeout;

    DatastoreProtocolBuilder(DatastoreRuntime runtime) {
        this(runtime, DatastoreSettings.DEFAULT_PG_POOL_SIZE, DatastoreSettings.DEFAULT_REDIS_POOL_SIZE, null,
                DatastoreSettings.DEFAULT_EXECUTOR_QUEUE_CAPACITY, DatastoreSettings.DEFAULT_POOL_TIMEOUT,
                DatastoreSettings.DEFAULT_QUERY_TIMEOUT);
    }

    private DatastoreProtocolBuilder(DatastoreRuntime runtime, int pgPoolSize, int redisPoolSize, Integer executorThreads,
                                     int executorQueueCapacity, Duration poolTimeout, Duration queryTimeout) {
        this.runtime = runtime;
        this.pgPoolSize = pgPoolSize;
        this.redisPoolSize = redisPoolSize;
        this.executorThreads = executorThreads;
        this.executorQueueCapacity = executorQueueCapacity;
        this.poolTimeout = poolTimeout;
        this.queryTimeout = queryTimeout;
    }

    /** PostgreSQL connections (HikariCP maximum pool size). */
    public DatastoreProtocolBuilder pgPoolSize(int connections) {
        return new DatastoreProtocolBuilder(runtime, connections, redisPoolSize, executorThreads, executorQueueCapacity, poolTimeout, queryTimeout);
    }

    /** Redis connections (Jedis pool maximum). */
    public DatastoreProtocolBuilder redisPoolSize(int connections) {
        return new DatastoreProtocolBuilder(runtime, pgPoolSize, connections, executorThreads, executorQueueCapacity, poolTimeout, queryTimeout);
    }

    /** Threads running blocking calls (default: both pool sizes added). */
    public DatastoreProtocolBuilder executorThreads(int threads) {
        return new DatastoreProtocolBuilder(runtime, pgPoolSize, redisPoolSize, threads, executorQueueCapacity, poolTimeout, queryTimeout);
    }

    /** Requests allowed to wait for an executor thread before new ones are dropped. */
    public DatastoreProtocolBuilder executorQueueCapacity(int requests) {
        return new DatastoreProtocolBuilder(runtime, pgPoolSize, redisPoolSize, executorThreads, requests, poolTimeout, queryTimeout);
    }

    /** How long a request may wait for a pooled connection. */
    public DatastoreProtocolBuilder poolTimeout(Duration timeout) {
        return new DatastoreProtocolBuilder(runtime, pgPoolSize, redisPoolSize, executorThreads, executorQueueCapacity, timeout, queryTimeout);
    }

    /** How long a statement or command may run. */
    public DatastoreProtocolBuilder queryTimeout(Duration timeout) {
        return new DatastoreProtocolBuilder(runtime, pgPoolSize, redisPoolSize, executorThreads, executorQueueCapacity, poolTimeout, timeout);
    }

    /** The validated settings these options describe. */
    public DatastoreSettings settings() {
        return new DatastoreSettings(pgPoolSize, redisPoolSize,
                executorThreads == null ? pgPoolSize + redisPoolSize : executorThreads,
                executorQueueCapacity, poolTimeout, queryTimeout);
    }

    @Override
    public io.gatling.core.protocol.Protocol protocol() {
        return new DatastoreProtocol(runtime, settings());
    }
}
