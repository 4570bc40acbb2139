package io.loadbench.scenarios.run;

import io.loadbench.datastores.Datastores;
import io.loadbench.datastores.RedisEndpoint;
import io.loadbench.results.Secrets;
import io.loadbench.scenarios.protocol.DatastoreConnector;
import java.time.Duration;
import javax.sql.DataSource;
import redis.clients.jedis.ConnectionPoolConfig;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.RedisClient;

/**
 * Opens the protocol's pools on the run's resolved target. PostgreSQL pools come from {@link Datastores}
 * (its TCP and naming policy) with the protocol's acquire timeout; the Redis client is built here because the
 * protocol sets the pool's maximum wait and the command timeout, which the shared factory leaves at defaults.
 */
public final class TargetConnector implements DatastoreConnector {

    private final Datastores datastores;
    private final boolean hasRedis;

    /** A connector to a target with both stores (embedded, containers, or external with both URLs). */
    public TargetConnector(Datastores datastores) {
        this(datastores, true);
    }

    /** @param hasRedis false for an external target given no Redis URL: a Redis request then fails at build time */
    public TargetConnector(Datastores datastores, boolean hasRedis) {
        this.datastores = datastores;
        this.hasRedis = hasRedis;
    }

    @Override
    public DataSource openPgPool(String poolName, int maxSize, Duration acquireTimeout, Duration commandTimeout) {
        // pgjdbc's socketTimeout is in whole seconds; rounded up so it never undercuts the statement's own timeout
        long socketTimeoutSec = Math.max(1, (commandTimeout.toMillis() + 999) / 1000);
        return datastores.newPgPool(poolName, maxSize, config -> {
            config.setConnectionTimeout(acquireTimeout.toMillis());
            config.addDataSourceProperty("socketTimeout", Long.toString(socketTimeoutSec));
        });
    }

    @Override
    public RedisClient openRedisClient(int maxConnections, Duration acquireTimeout, Duration commandTimeout) {
        if (!hasRedis) {
            throw new IllegalStateException("the simulation sends Redis requests, but the target names no Redis:"
                    + " pass -DredisUrl (or set LOADBENCH_REDIS_URL)");
        }
        RedisEndpoint endpoint = datastores.redis();
        ConnectionPoolConfig pool = new ConnectionPoolConfig();
        pool.setMaxTotal(maxConnections);
        pool.setMaxIdle(maxConnections);
        pool.setMinIdle(maxConnections);
        pool.setMaxWait(acquireTimeout);
        pool.setJmxEnabled(false);
        DefaultJedisClientConfig.Builder client = DefaultJedisClientConfig.builder()
                .clientName("loadbench-scenarios")
                .database(endpoint.database())
                .ssl(endpoint.tls())
                .socketTimeoutMillis((int) commandTimeout.toMillis());
        if (endpoint.user() != null) {
            client.user(endpoint.user());
        }
        if (endpoint.password() != null) {
            client.password(endpoint.password());
        }
        RedisClient redis = RedisClient.builder()
                .hostAndPort(endpoint.host(), endpoint.port())
                .clientConfig(client.build())
                .poolConfig(pool)
                .build();
        try {
            redis.ping();
        } catch (RuntimeException e) {
            redis.close();
            // a driver may echo what it was given: the message goes through the one masking rule
            throw new IllegalStateException("Redis at " + endpoint.hostAndPort() + ": "
                    + Secrets.maskIn(e.getMessage(), endpoint.password()), e);
        }
        return redis;
    }
}
