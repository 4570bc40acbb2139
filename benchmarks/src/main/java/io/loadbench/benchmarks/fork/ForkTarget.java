package io.loadbench.benchmarks.fork;

import java.util.Map;
import java.util.TreeMap;

import io.loadbench.datastores.Datastores;
import io.loadbench.datastores.TargetKind;
import io.loadbench.datastores.TargetSpec;

/** The datastore target of a benchmark JVM, read from the properties the launcher set. */
public final class ForkTarget {

    /** System property carrying the PostgreSQL JDBC URL into the benchmark JVMs. */
    public static final String PG_URL_PROPERTY = "loadbench.pg.url";
    /** System property carrying the Redis URL into the benchmark JVMs. */
    public static final String REDIS_URL_PROPERTY = "loadbench.redis.url";

    private ForkTarget() {
    }

    /**
     * Connects to the suite's target. Properties win over {@code LOADBENCH_PG_URL}/{@code LOADBENCH_REDIS_URL}.
     *
     * @return the datastores; the caller closes them
     * @throws IllegalStateException when no URL was handed over: the benchmark was started outside the suite
     */
    public static Datastores open() {
        Map<String, String> env = System.getenv();
        String pgUrl = System.getProperty(PG_URL_PROPERTY, env.get("LOADBENCH_PG_URL"));
        String redisUrl = System.getProperty(REDIS_URL_PROPERTY, env.get("LOADBENCH_REDIS_URL"));
        if (pgUrl == null && redisUrl == null) {
            throw new IllegalStateException("this benchmark JVM was given no datastore target (" + PG_URL_PROPERTY
                    + ", " + REDIS_URL_PROPERTY + "): run the suite with `mvn -pl benchmarks jmh:run`"
                    + " or io.loadbench.benchmarks.BenchmarksMain, which start the target once for all forks");
        }
        return Datastores.open(TargetSpec.resolve(null, pgUrl, redisUrl, env));
    }

    /**
     * The properties that hand a target the suite started (embedded or containers) to the benchmark JVMs.
     * A user's own servers need none: the forks inherit the environment and the launcher's {@code -D}
     * options, so their passwords are never copied anywhere new.
     *
     * @return property name to value, sorted; empty for an external target
     */
    public static Map<String, String> handOver(Datastores datastores) {
        Map<String, String> properties = new TreeMap<>();
        if (datastores.kind() == TargetKind.EXTERNAL) {
            return properties;
        }
        // passwords loadbench itself chose for throw-away servers, never a user's
        properties.put(PG_URL_PROPERTY, datastores.postgres().jdbcUrlWithCredentials());
        properties.put(REDIS_URL_PROPERTY, datastores.redis().urlWithCredentials());
        return properties;
    }
}
