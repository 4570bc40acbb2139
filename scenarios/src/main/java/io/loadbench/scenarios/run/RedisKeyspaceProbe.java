package io.loadbench.scenarios.run;

import io.loadbench.datastores.Datastores;
import io.loadbench.scenarios.protocol.DatastoreRuntime;
import io.loadbench.scenarios.verdict.Measurement;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.clients.jedis.Jedis;

/**
 * Reads Redis {@code INFO stats} keyspace hits and misses, the server's own count of the run's cache lookups,
 * when a request of the simulation uses Redis; a simulation that sends none never connects to it.
 */
final class RedisKeyspaceProbe {

    private static final Logger LOG = LoggerFactory.getLogger(RedisKeyspaceProbe.class);

    private final String simulation;
    private final Datastores datastores;
    private final DatastoreRuntime runtime;

    RedisKeyspaceProbe(String simulation, Datastores datastores, DatastoreRuntime runtime) {
        this.simulation = simulation;
        this.datastores = datastores;
        this.runtime = runtime;
    }

    /** The counters now; empty when no request uses Redis or INFO cannot be read (a warning says why). */
    Optional<Measurement.RedisKeyspace> read() {
        if (!runtime.usesRedis()) {
            return Optional.empty();
        }
        try (Jedis jedis = datastores.openRedisConnection()) {
            long hits = -1;
            long misses = -1;
            for (String line : jedis.info("stats").split("\r?\n")) {
                if (line.startsWith("keyspace_hits:")) {
                    hits = Long.parseLong(line.substring("keyspace_hits:".length()).trim());
                } else if (line.startsWith("keyspace_misses:")) {
                    misses = Long.parseLong(line.substring("keyspace_misses:".length()).trim());
                }
            }
            return hits < 0 || misses < 0 ? Optional.empty() : Optional.of(new Measurement.RedisKeyspace(hits, misses));
        } catch (RuntimeException e) {
            LOG.warn("{}: cannot read Redis INFO stats: {}", simulation, e.getMessage());
            return Optional.empty();
        }
    }
}
