/**
 * Test support published in the datastores test-jar: {@link io.loadbench.datastores.testing.TestDatastores} gives every
 * module's integration tests a real PostgreSQL and Redis (embedded, shared per test JVM) or the external servers
 * named by {@code LOADBENCH_PG_URL} / {@code LOADBENCH_REDIS_URL}.
 */
package io.loadbench.datastores.testing;
