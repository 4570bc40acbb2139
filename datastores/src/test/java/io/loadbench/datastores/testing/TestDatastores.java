package io.loadbench.datastores.testing;

import io.loadbench.datastores.Datastores;
import io.loadbench.datastores.TargetSpec;
import org.junit.jupiter.api.Assumptions;

import java.util.Map;

/**
 * Datastores for integration tests of every module (published in the datastores test-jar).
 *
 * <ul>
 *   <li>{@link #embedded()}: one embedded PostgreSQL + Redis per test JVM, started on first use and stopped at
 *       JVM exit. Tests may close what they get: that releases the pools and clients they took, never the shared
 *       servers. Tests must name their tables and keys so they cannot clash, and clean up.</li>
 *   <li>{@link #external()}, {@link #externalPostgres()}, {@link #externalRedis()}: the servers named by
 *       {@code LOADBENCH_PG_URL} / {@code LOADBENCH_REDIS_URL}; the test is skipped (JUnit assumption) when the
 *       variable it needs is unset. Other people's data may live there: never FLUSHALL/FLUSHDB.</li>
 * </ul>
 */
public final class TestDatastores {

    private static Datastores shared;

    private TestDatastores() {
    }

    /** The embedded PostgreSQL and Redis shared by this test JVM. */
    public static synchronized Datastores embedded() {
        if (shared == null) {
            shared = Datastores.openUntilJvmExit(TargetSpec.embedded());
        }
        return shared;
    }

    /** External PostgreSQL and Redis; skips the test unless both variables are set. Close it when done. */
    public static Datastores external() {
        Map<String, String> env = System.getenv();
        Assumptions.assumeTrue(isSet(env, TargetSpec.PG_URL_ENV) && isSet(env, TargetSpec.REDIS_URL_ENV),
                TargetSpec.PG_URL_ENV + " and " + TargetSpec.REDIS_URL_ENV + " are not both set");
        return Datastores.open(TargetSpec.resolve(null, null, null, env));
    }

    /** External PostgreSQL only; skips the test unless {@code LOADBENCH_PG_URL} is set. Close it when done. */
    public static Datastores externalPostgres() {
        Map<String, String> env = System.getenv();
        Assumptions.assumeTrue(isSet(env, TargetSpec.PG_URL_ENV), TargetSpec.PG_URL_ENV + " is not set");
        return Datastores.open(TargetSpec.resolve(null, env.get(TargetSpec.PG_URL_ENV), null, Map.of()));
    }

    /** External Redis only; skips the test unless {@code LOADBENCH_REDIS_URL} is set. Close it when done. */
    public static Datastores externalRedis() {
        Map<String, String> env = System.getenv();
        Assumptions.assumeTrue(isSet(env, TargetSpec.REDIS_URL_ENV), TargetSpec.REDIS_URL_ENV + " is not set");
        return Datastores.open(TargetSpec.resolve(null, null, env.get(TargetSpec.REDIS_URL_ENV), Map.of()));
    }

    private static boolean isSet(Map<String, String> env, String name) {
        String value = env.get(name);
        return value != null && !value.isBlank();
    }
}
