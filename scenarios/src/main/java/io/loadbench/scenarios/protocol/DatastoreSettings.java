package io.loadbench.scenarios.protocol;

import java.time.Duration;

/**
 * The sizes and timeouts of the datastore protocol: one immutable, validated value per simulation.
 *
 * <p>Each datastore gets its own executor with as many threads as its pool has connections: a thread beyond
 * that would only wait for a connection, and separate executors keep a stalled Redis from starving
 * PostgreSQL requests (and the reverse).
 *
 * @param pgPoolSize            PostgreSQL connections (HikariCP maximum pool size) and PostgreSQL executor threads
 * @param redisPoolSize         Redis connections (Jedis pool maximum) and Redis executor threads
 * @param executorQueueCapacity requests allowed to wait for a thread, per executor; beyond it a request is
 *                              dropped (KO, and the run is marked FAILED): an unbounded queue would hide an
 *                              overloaded injector
 * @param poolTimeout           how long a request may wait for a connection (in the executor queue or the pool)
 *                              before it fails
 * @param queryTimeout          how long a statement or command may run before it fails
 * @param redisPipelineDepth    Redis commands a connection may have in flight at once: 1 sends each command on a
 *                              connection of its own and waits for its reply; above 1 each connection sends up to this
 *                              many waiting commands back to back before reading their replies ({@link PipelinedRedisCalls})
 */
public record DatastoreSettings(int pgPoolSize, int redisPoolSize, int executorQueueCapacity,
                                Duration poolTimeout, Duration queryTimeout, int redisPipelineDepth) {

    public static final int DEFAULT_PG_POOL_SIZE = 16;
    public static final int DEFAULT_REDIS_POOL_SIZE = 16;
    public static final int DEFAULT_EXECUTOR_QUEUE_CAPACITY = 100_000;
    public static final Duration DEFAULT_POOL_TIMEOUT = Duration.ofSeconds(10);
    public static final Duration DEFAULT_QUERY_TIMEOUT = Duration.ofSeconds(30);
    public static final int DEFAULT_REDIS_PIPELINE_DEPTH = 1;

    public DatastoreSettings {
        requirePositive("pgPoolSize", pgPoolSize);
        requirePositive("redisPoolSize", redisPoolSize);
        requirePositive("executorQueueCapacity", executorQueueCapacity);
        requirePositive("poolTimeout", poolTimeout);
        requirePositive("queryTimeout", queryTimeout);
        requirePositive("redisPipelineDepth", redisPipelineDepth);
    }

    /** Settings without pipelining: each Redis command on a connection of its own. */
    public DatastoreSettings(int pgPoolSize, int redisPoolSize, int executorQueueCapacity, Duration poolTimeout,
                             Duration queryTimeout) {
        this(pgPoolSize, redisPoolSize, executorQueueCapacity, poolTimeout, queryTimeout, DEFAULT_REDIS_PIPELINE_DEPTH);
    }

    /** The defaults. */
    public static DatastoreSettings defaults() {
        return new DatastoreSettings(DEFAULT_PG_POOL_SIZE, DEFAULT_REDIS_POOL_SIZE, DEFAULT_EXECUTOR_QUEUE_CAPACITY,
                DEFAULT_POOL_TIMEOUT, DEFAULT_QUERY_TIMEOUT);
    }

    private static void requirePositive(String option, int value) {
        if (value <= 0) {
            throw new IllegalArgumentException("datastore protocol option " + option + " must be positive, got " + value);
        }
    }

    private static void requirePositive(String option, Duration value) {
        if (value == null || value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException("datastore protocol option " + option + " must be a positive duration, got " + value);
        }
    }
}
