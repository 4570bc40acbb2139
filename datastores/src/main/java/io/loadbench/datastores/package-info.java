/**
 * Datastore targets: where a command's PostgreSQL and Redis come from, and the one API that hands out connections.
 *
 * <p>{@link io.loadbench.datastores.TargetSpec#resolve} turns the options {@code --target}, {@code --pg-url},
 * {@code --redis-url} and the variables {@code LOADBENCH_PG_URL} / {@code LOADBENCH_REDIS_URL} into a
 * {@link io.loadbench.datastores.TargetSpec}: explicit URLs mean {@code EXTERNAL}; otherwise {@code EMBEDDED}
 * (real servers started from Maven Central binaries, the default); {@code --target containers} uses
 * Testcontainers. {@link io.loadbench.datastores.Datastores}, the facade every module uses, opens it and hands out
 * HikariCP pools, plain pgjdbc connections for COPY, pooled Jedis {@code RedisClient}s and single {@code Jedis}
 * connections for pipelines ({@code PostgresClients}, {@code RedisClients} say how each is configured).
 *
 * <p>Behind the facade each kind is one {@link io.loadbench.datastores.Target}, in its own package:
 * {@link io.loadbench.datastores.external}, {@link io.loadbench.datastores.embedded} and
 * {@link io.loadbench.datastores.containers}. A target supplies the endpoints and owns the servers' lifecycle (the
 * two that start their own servers share {@link io.loadbench.datastores.LazyServersTarget});
 * {@link io.loadbench.datastores.TargetDescriber} turns an open target into the manifest's {@code target} section.
 *
 * <p>Every failure a user can cause or meet (malformed URL, unreachable host, wrong password, no Docker) is a
 * {@link io.loadbench.datastores.DatastoreException} whose message is one line naming the option or
 * {@code host:port} ({@link io.loadbench.datastores.ConnectionErrors}), with passwords masked by
 * {@link io.loadbench.results.Secrets}, the project's one secrets filter.
 */
package io.loadbench.datastores;
