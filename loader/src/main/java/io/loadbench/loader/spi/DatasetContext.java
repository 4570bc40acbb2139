package io.loadbench.loader.spi;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * What the loader hands to {@link OutputStep}s and {@link Check}s: connections to the resolved target
 * and the run folder. Connections are opened on demand; the caller closes what it opened.
 */
public interface DatasetContext {

    /** A new PostgreSQL connection (autocommit on, session time zone UTC). */
    Connection openPostgres() throws SQLException;

    /**
     * A new single Redis connection for pipelines; throws an unchecked exception with a one-line message if
     * the target has no Redis.
     */
    redis.clients.jedis.Jedis openRedis();

    /**
     * Where the target's Redis is, for sinks that open their own connections (the pipelined RESP sink);
     * throws an unchecked exception with a one-line message if the target has no Redis.
     */
    default io.loadbench.datastores.RedisEndpoint redisEndpoint() {
        throw new UnsupportedOperationException("this context does not expose its Redis endpoint");
    }

    /** The run folder of this load or verify run, for file outputs. */
    Path runDirectory();

    /** Number of parallel workers the user asked for; steps may use fewer. */
    int workers();

    /** Rows per batch the user asked for (pipelines, file chunks). */
    int batchSize();

    /** Reports progress of the current step in its own units (rows, keys); thread-safe. */
    void progress(long unitsDone);
}
