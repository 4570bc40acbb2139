package io.loadbench.scenarios.protocol;

import java.time.Duration;
import javax.sql.DataSource;
import redis.clients.jedis.RedisClient;

/**
 * Opens the connection pools the protocol uses, sized by the protocol's options. The protocol closes what it
 * opened ({@link AutoCloseable} pools are closed when the simulation ends).
 *
 * <p>Simulations pass {@link io.loadbench.scenarios.run.TargetConnector}, which opens them from the run's
 * resolved target (embedded or external); tests may pass anything that yields real pools.
 */
public interface DatastoreConnector {

    /**
     * A pooled PostgreSQL data source of at most {@code maxSize} connections. The protocol cancels a statement
     * after its query timeout; {@code commandTimeout} is how long a connection may wait for any reply at all, so
     * a server that never answers (not even the cancel) cannot hold a request beyond it.
     */
    DataSource openPgPool(String poolName, int maxSize, Duration acquireTimeout, Duration commandTimeout);

    /** A pooled Redis client of at most {@code maxConnections} connections; a reply later than {@code commandTimeout} fails. */
    RedisClient openRedisClient(int maxConnections, Duration acquireTimeout, Duration commandTimeout);
}
