/**
 * Datastore targets: where a command's PostgreSQL and Redis come from, and the one API that hands out connections.
 *
 * <p>{@link io.loadbench.datastores.TargetSpec#resolve} turns the options {@code --target}, {@code --pg-url},
 * {@code --redis-url} and the variables {@code LOADBENCH_PG_URL} / {@code LOADBENCH_REDIS_URL} into a
 * {@link io.loadbench.datastores.TargetSpec}: explicit URLs mean {@code EXTERNAL}; otherwise {@code EMBEDDED}
 * (real servers started from Maven Central binaries, the default); {@code --target containers} uses
 * Testcontainers. {@link io.loadbench.datastores.Datastores} then opens it and hands out HikariCP pools, plain
 * pgjdbc connections for COPY, pooled Jedis {@code RedisClient}s and single {@code Jedis} connections for
 * pipelines, and describes the servers for the run manifest.
 *
 * <p>Every failure a user can cause or meet (malformed URL, unreachable host, wrong password, no Docker) is a
 * {@link io.loadbench.datastores.DatastoreException} whose message is one line naming the option or
 * {@code host:port}, with passwords masked ({@link io.loadbench.results.Secrets}).
 */
package io.loadbench.datastores;
