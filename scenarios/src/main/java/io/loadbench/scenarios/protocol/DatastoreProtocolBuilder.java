package io.loadbench.scenarios.protocol;

import io.gatling.javaapi.core.ProtocolBuilder;
import io.loadbench.scenarios.gatling.DatastoreProtocol;
import java.time.Duration;

/**
 * The datastore protocol's options, as {@code setUp(...).protocols(...)} takes them. Immutable: every method
 * returns a new builder. Defaults are in {@link DatastoreSettings}.
 */
public final class DatastoreProtocolBuilder implements ProtocolBuilder {

    private final DatastoreRuntime runtime;
    private final int pgPoolSize;
    private final int redisPoolSize;
    private final int executorQueueCapacity;
    private final Duration poolTimeout;
    private final Duration queryTimeout;
    private final int redisPipelineDepth;

    DatastoreProtocolBuilder(DatastoreRuntime runtime) {
        this(runtime, DatastoreSettings.DEFAULT_PG_POOL_SIZE, DatastoreSettings.DEFAULT_REDIS_POOL_SIZE,
                DatastoreSettings.DEFAULT_EXECUTOR_QUEUE_CAPACITY, DatastoreSettings.DEFAULT_POOL_TIMEOUT,
                DatastoreSettings.DEFAULT_QUERY_TIMEOUT, DatastoreSettings.DEFAULT_REDIS_PIPELINE_DEPTH);
    }

    private DatastoreProtocolBuilder(DatastoreRuntime runtime, int pgPoolSize, int redisPoolSize,
                                     int executorQueueCapacity, Duration poolTimeout, Duration queryTimeout,
                                     int redisPipelineDepth) {
        this.runtime = runtime;
        this.pgPoolSize = pgPoolSize;
        this.redisPoolSize = redisPoolSize;
        this.executorQueueCapacity = executorQueueCapacity;
        this.poolTimeout = poolTimeout;
        this.queryTimeout = queryTimeout;
        this.redisPipelineDepth = redisPipelineDepth;
    }

    /** PostgreSQL connections (HikariCP maximum pool size), and threads of the PostgreSQL executor. */
    public DatastoreProtocolBuilder pgPoolSize(int connections) {
        return new DatastoreProtocolBuilder(runtime, connections, redisPoolSize, executorQueueCapacity, poolTimeout, queryTimeout,
                redisPipelineDepth);
    }

    /** Redis connections (Jedis pool maximum), and threads of the Redis executor. */
    public DatastoreProtocolBuilder redisPoolSize(int connections) {
        return new DatastoreProtocolBuilder(runtime, pgPoolSize, connections, executorQueueCapacity, poolTimeout, queryTimeout,
                redisPipelineDepth);
    }

    /** Requests allowed to wait for an executor thread (per datastore) before new ones are dropped. */
    public DatastoreProtocolBuilder executorQueueCapacity(int requests) {
        return new DatastoreProtocolBuilder(runtime, pgPoolSize, redisPoolSize, requests, poolTimeout, queryTimeout,
                redisPipelineDepth);
    }

    /** How long a request may wait for a pooled connection. */
    public DatastoreProtocolBuilder poolTimeout(Duration timeout) {
        return new DatastoreProtocolBuilder(runtime, pgPoolSize, redisPoolSize, executorQueueCapacity, timeout, queryTimeout,
                redisPipelineDepth);
    }

    /** How long a statement or command may run. */
    public DatastoreProtocolBuilder queryTimeout(Duration timeout) {
        return new DatastoreProtocolBuilder(runtime, pgPoolSize, redisPoolSize, executorQueueCapacity, poolTimeout, timeout,
                redisPipelineDepth);
    }

    /**
     * Redis commands a connection may have in flight at once (default 1): above 1, each connection sends up to this
     * many waiting commands back to back, then reads their replies.
     */
    public DatastoreProtocolBuilder redisPipelineDepth(int commands) {
        return new DatastoreProtocolBuilder(runtime, pgPoolSize, redisPoolSize, executorQueueCapacity, poolTimeout, queryTimeout,
                commands);
    }

    /** The validated settings these options describe. */
    public DatastoreSettings settings() {
        return new DatastoreSettings(pgPoolSize, redisPoolSize, executorQueueCapacity, poolTimeout, queryTimeout,
                redisPipelineDepth);
    }

    @Override
    public io.gatling.core.protocol.Protocol protocol() {
        return new DatastoreProtocol(runtime, settings());
    }
}
