/**
 * The datastore protocol for Gatling simulations written in Java: PostgreSQL (HikariCP + pgjdbc) and Redis
 * (Jedis) requests, used like Gatling's HTTP DSL ({@link io.loadbench.scenarios.protocol.Datastore}).
 *
 * <p>Blocking calls run on the {@link io.loadbench.scenarios.protocol.DatastoreEngine}'s bounded executor,
 * sized with the pools, never on Gatling's event loops. Every request is recorded from its intended start
 * and as service time into the run's {@link io.loadbench.results.latency.LatencyRecorders} (the numbers of
 * record) and reported to Gatling's StatsEngine (its HTML report). Nothing here depends on Gatling
 * internals; that is confined to {@code io.loadbench.scenarios.gatling}.
 */
package io.loadbench.scenarios.protocol;
