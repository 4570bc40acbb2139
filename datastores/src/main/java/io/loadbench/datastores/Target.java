package io.loadbench.datastores;

/**
 * Where one command's PostgreSQL and Redis come from: one implementation per {@link TargetKind}
 * ({@link io.loadbench.datastores.external.ExternalTarget}, {@link io.loadbench.datastores.embedded.EmbeddedTarget},
 * {@link io.loadbench.datastores.containers.ContainerTarget}). Commands never hold a target: {@link Datastores} is
 * the facade in front of it that hands out pools and clients, and {@link TargetDescriber} describes it.
 *
 * <p>An implementation must:
 * <ul>
 *   <li>start a server on the first call of {@link #postgres()} or {@link #redis()} only, so a Redis-only command
 *       never pays for PostgreSQL, and return the same endpoint on every later call;</li>
 *   <li>fail with a one-line {@link DatastoreException} for a store it cannot supply, saying what to pass;</li>
 *   <li>never start anything in {@link #runningPostgres()} / {@link #runningRedis()};</li>
 *   <li>make {@link #close()} idempotent and safe to call from a JVM shutdown hook while another thread is inside
 *       {@link #postgres()} (it must not wait for that thread's lock), stopping every server it started and
 *       deleting its files.</li>
 * </ul>
 * {@link Datastores} serialises the calls of {@link #postgres()} and {@link #redis()}; {@code TargetContractTest}
 * checks these obligations for every implementation.
 */
public interface Target extends AutoCloseable {

    /** Recorded as {@code target.kind} in the manifest. */
    TargetKind kind();

    /** The PostgreSQL to use, starting it on the first call. */
    PostgresEndpoint postgres();

    /** The Redis to use, starting it on the first call. */
    RedisEndpoint redis();

    /** The PostgreSQL in use now (an external one counts from the start), or null; starts nothing. */
    PostgresEndpoint runningPostgres();

    /** The Redis in use now (an external one counts from the start), or null; starts nothing. */
    RedisEndpoint runningRedis();

    /**
     * True when this target starts the servers itself, configured by
     * {@link io.loadbench.datastores.embedded.EmbeddedPolicy}: they need a shutdown hook, and the manifest records
     * the policy beside their settings.
     */
    boolean startsServers();

    /** Stops the servers this target started and deletes their files; does nothing the second time. */
    @Override
    void close();
}
