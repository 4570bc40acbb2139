package io.loadbench.datastores.external;

import io.loadbench.datastores.DatastoreException;
import io.loadbench.datastores.PostgresEndpoint;
import io.loadbench.datastores.RedisEndpoint;
import io.loadbench.datastores.Target;
import io.loadbench.datastores.TargetKind;
import io.loadbench.datastores.TargetSpec;

/**
 * Servers the user named ({@code --pg-url} / {@code --redis-url} or the environment). Only the named stores exist:
 * asking for the other fails with a line saying which option names it. Nothing is started or stopped.
 */
public final class ExternalTarget implements Target {

    private final PostgresEndpoint postgres;
    private final RedisEndpoint redis;

    /** Either may be null when the command needs only the other, not both. */
    public ExternalTarget(PostgresEndpoint postgres, RedisEndpoint redis) {
        if (postgres == null && redis == null) {
            throw new IllegalArgumentException("an external target needs a PostgreSQL or a Redis endpoint");
        }
        this.postgres = postgres;
        this.redis = redis;
    }

    @Override
    public TargetKind kind() {
        return TargetKind.EXTERNAL;
    }

    @Override
    public PostgresEndpoint postgres() {
        if (postgres == null) {
            throw new DatastoreException("no PostgreSQL was named: pass --pg-url or set " + TargetSpec.PG_URL_ENV
                    + " (or pass neither URL to use the embedded servers)");
        }
        return postgres;
    }

    @Override
    public RedisEndpoint redis() {
        if (redis == null) {
            throw new DatastoreException("no Redis was named: pass --redis-url or set " + TargetSpec.REDIS_URL_ENV
                    + " (or pass neither URL to use the embedded servers)");
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
        return false;
    }

    /** The servers are the user's: nothing to stop. */
    @Override
    public void close() {
    }
}
