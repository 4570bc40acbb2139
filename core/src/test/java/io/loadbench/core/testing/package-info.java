/**
 * Test support published in core's test-jar: {@link io.loadbench.core.testing.TestDatastores} gives every
 * module's integration tests a real PostgreSQL and Redis (embedded, shared per test JVM) or the external servers
 * named by {@code LOADBENCH_PG_URL} / {@code LOADBENCH_REDIS_URL}.
 */
package io.loadbench.core.testing;
