package io.loadbench.loader.sink.redis;

import java.util.Objects;

/**
 * Where the Redis sink connects: host, port, optional ACL user and password, logical database.
 * {@link #toString()} never shows the password.
 */
public record RedisAddress(String host, int port, String user, String password, int database, boolean tls) {

    /** The address of a resolved target's Redis. */
    public static RedisAddress of(io.loadbench.datastores.RedisEndpoint endpoint) {
        return new RedisAddress(endpoint.host(), endpoint.port(), endpoint.user(), endpoint.password(), endpoint.database(),
                endpoint.tls());
    }

    public RedisAddress {
        Objects.requireNonNull(host, "host");
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("Redis port must be 1-65535, was " + port);
        }
        if (database < 0) {
            throw new IllegalArgumentException("Redis database must be 0 or more, was " + database);
        }
    }

    /** {@code host:port}, the form every error message uses. */
    public String hostAndPort() {
        return host + ":" + port;
    }

    /** A copy of this address on another logical database. */
    public RedisAddress withDatabase(int otherDatabase) {
        return new RedisAddress(host, port, user, password, otherDatabase, tls);
    }

    @Override
    public String toString() {
        String auth = password == null ? (user == null ? "" : user + "@") : (user == null ? "" : user) + ":****@";
        return (tls ? "rediss://" : "redis://") + auth + host + ":" + port + "/" + database;
    }
}
