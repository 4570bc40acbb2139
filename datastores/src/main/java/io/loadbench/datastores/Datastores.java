package io.loadbench.datastores;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.loadbench.datastores.containers.ContainerTarget;
import io.loadbench.datastores.embedded.EmbeddedPostgresServer;
import io.loadbench.datastores.embedded.EmbeddedRedisServer;
import io.loadbench.datastores.embedded.EmbeddedTarget;
import io.loadbench.datastores.external.ExternalTarget;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.RedisClient;

import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * The PostgreSQL and Redis of one command, whatever the {@link TargetKind}: the facade every module uses. It opens
 * the {@link Target} of the spec (external, embedded or containers), hands out connection pools and clients, and
 * describes the servers for the manifest ({@link TargetDescriber}).
 *
 * <p>Servers start lazily: {@link #postgres()} (or anything that needs PostgreSQL) starts the embedded or container
 * PostgreSQL on first use, so a Redis-only command never pays for it. Everything handed out is closed by
 * {@link #close()}, which then stops the servers loadbench started; a JVM shutdown hook does the same if the
 * command is interrupted. Thread-safe.
 *
 * <p>Connection problems surface as {@link DatastoreException}s with one-line messages naming {@code host:port}.
 */
public final class Datastores implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Datastores.class);

    private final Target target;
    private final boolean serversOutliveClose;
    private final List<AutoCloseable> handedOut = new ArrayList<>();
    private final Thread shutdownHook;
    private final AtomicBoolean serversStopped = new AtomicBoolean();
    private boolean closed;
    private PostgresLiveness liveness;
    private final Map<String, Optional<Long>> localListeners = new ConcurrentHashMap<>();

    /** @param serversOutliveClose true to keep the servers until JVM exit, see {@link #openUntilJvmExit} */
    Datastores(Target target, boolean serversOutliveClose) {
        this.target = target;
        this.serversOutliveClose = serversOutliveClose;
        if (target.startsServers()) {
            shutdownHook = new Thread(this::stopServers, "loadbench-datastores-shutdown");
            Runtime.getRuntime().addShutdownHook(shutdownHook);
        } else {
            shutdownHook = null;
        }
    }

    /**
     * Opens the target. Embedded: cleans the leftovers of killed runs and prepares a workspace (servers start on
     * first use). Containers: checks for a Docker engine now, so a missing one fails before any work.
     *
     * @throws DatastoreException with one line when containers were asked for and there is no Docker engine
     */
    public static Datastores open(TargetSpec spec) {
        return new Datastores(openTarget(spec), false);
    }

    /**
     * Like {@link #open(TargetSpec)}, but {@link #close()} only releases what was handed out and the instance stays
     * usable: the servers keep running until JVM exit, so one embedded PostgreSQL and Redis can serve a whole test JVM.
     */
    public static Datastores openUntilJvmExit(TargetSpec spec) {
        return new Datastores(openTarget(spec), true);
    }

    private static Target openTarget(TargetSpec spec) {
        switch (spec.kind()) {
            case EXTERNAL:
                return new ExternalTarget(spec.postgres(), spec.redis());
            case EMBEDDED:
                return EmbeddedTarget.open();
            case CONTAINERS:
                return ContainerTarget.open(System.getenv());
            default:
                throw new IllegalStateException(spec.kind().name());
        }
    }

    public TargetKind kind() {
        return target.kind();
    }

    /** The PostgreSQL to use, starting the embedded server or container on first call. */
    public synchronized PostgresEndpoint postgres() {
        ensureOpen();
        return target.postgres();
    }

    /** The Redis to use, starting the embedded server or container on first call. */
    public synchronized RedisEndpoint redis() {
        ensureOpen();
        return target.redis();
    }

    /** The embedded PostgreSQL server, or null when PostgreSQL is not embedded or not started yet. */
    public EmbeddedPostgresServer embeddedPostgres() {
        return target instanceof EmbeddedTarget embedded ? embedded.postgresServer() : null;
    }

    /** The embedded Redis server, or null when Redis is not embedded or not started yet. */
    public EmbeddedRedisServer embeddedRedis() {
        return target instanceof EmbeddedTarget embedded ? embedded.redisServer() : null;
    }

    /**
     * The pids of the servers under test that run on this machine: the embedded servers started so far (PostgreSQL's
     * postmaster, redis-server), and for an external URL to a loopback address, the process listening on its port
     * (the machine's own PostgreSQL or Redis); empty for remote servers and containers. A run counts them, with their
     * backends, as its own CPU rather than other processes' ({@code run.countAsOwn(datastores::serverPids)}):
     * {@code pg_ctl} daemonizes the postmaster, so it is not a descendant of the JVM. Thread-safe and never blocks on
     * a server that is starting.
     */
    public List<Long> serverPids() {
        List<Long> pids = new ArrayList<>();
        Optional.ofNullable(embeddedPostgres()).map(EmbeddedPostgresServer::pid).filter(pid -> pid > 0).ifPresent(pids::add);
        Optional.ofNullable(embeddedRedis()).map(EmbeddedRedisServer::pid).filter(pid -> pid > 0).ifPresent(pids::add);
        if (!target.startsServers()) {
            PostgresEndpoint postgres = target.runningPostgres();
            RedisEndpoint redis = target.runningRedis();
            if (postgres != null) {
                localListener(postgres.host(), postgres.port()).ifPresent(pids::add);
            }
            if (redis != null) {
                localListener(redis.host(), redis.port()).ifPresent(pids::add);
            }
        }
        return pids;
    }

    /** {@link LocalListener#pidOf}, looked up once per address (a scan of /proc), then kept while the process lives. */
    private Optional<Long> localListener(String host, int port) {
        String address = host + ":" + port;
        Optional<Long> known = localListeners.get(address);
        if (known == null || known.filter(pid -> ProcessHandle.of(pid).isEmpty()).isPresent()) {
            known = LocalListener.pidOf(host, port);
            localListeners.put(address, known);
        }
        return known;
    }

    /**
     * A fixed-size HikariCP pool ({@code minimumIdle = maximumPoolSize}, so the pool never grows during a
     * measurement) with TCP_NODELAY set and pgjdbc's {@code reWriteBatchedInserts} off. Closed by {@link #close()}
     * if the caller has not closed it.
     *
     * @param poolName names the pool in HikariCP's threads and PostgreSQL's {@code application_name}
     * @throws DatastoreException if the first connection cannot be made
     */
    public HikariDataSource newPgPool(String poolName, int maxSize) {
        return newPgPool(poolName, maxSize, config -> { });
    }

    /**
     * Like {@link #newPgPool(String, int)}, letting the caller adjust the configuration (e.g.
     * {@code config.addDataSourceProperty("reWriteBatchedInserts", "true")}) before the pool opens.
     */
    public HikariDataSource newPgPool(String poolName, int maxSize, Consumer<HikariConfig> customizer) {
        if (maxSize < 1) {
            throw new IllegalArgumentException("pool size must be at least 1: " + maxSize);
        }
        return track(PostgresClients.newPool(postgres(), poolName, maxSize, customizer));
    }

    /**
     * One plain pgjdbc connection (TCP_NODELAY), e.g. for COPY; the caller closes it. Watched for as long as it is
     * open: if the server stops answering, it is aborted within 15 s, whatever statement it waits on
     * ({@link #postgresUnresponsive()} then says why).
     */
    public Connection openPgConnection() {
        PostgresEndpoint endpoint = postgres();
        Connection connection = PostgresClients.open(endpoint, "connection");
        return liveness(endpoint).watch(connection);
    }

    /** Why this target's PostgreSQL was judged unresponsive and its plain connections aborted, once it was. */
    public synchronized Optional<String> postgresUnresponsive() {
        return liveness == null ? Optional.empty() : liveness.unresponsive();
    }

    private synchronized PostgresLiveness liveness(PostgresEndpoint endpoint) {
        if (liveness == null) {
            liveness = track(new PostgresLiveness(endpoint, ClientTimeouts.livenessPeriod(System.getProperties()),
                    ClientTimeouts.unresponsiveTimeout(System.getProperties())));
        }
        return liveness;
    }

    /**
     * A pooled Jedis {@link RedisClient} with up to {@code maxConnections} connections, checked with a PING.
     * Closed by {@link #close()} if the caller has not closed it.
     *
     * @param clientName shown by {@code CLIENT LIST}
     * @throws DatastoreException if the server cannot be reached or rejects the login
     */
    public RedisClient newRedisClient(String clientName, int maxConnections) {
        if (maxConnections < 1) {
            throw new IllegalArgumentException("maxConnections must be at least 1: " + maxConnections);
        }
        return track(RedisClients.newClient(redis(), clientName, maxConnections));
    }

    /** One Jedis connection for pipelines, checked with a PING; the caller closes it. */
    public Jedis openRedisConnection() {
        return RedisClients.open(redis(), "loadbench pipeline");
    }

    /**
     * The manifest's {@code target} section, as {@link TargetDescriber} writes it: kind, and for each store in use
     * its URL without user info, version and the settings that matter (plus the embedded policy for servers
     * loadbench started); a store this command never used or never named is {@code null}.
     */
    public synchronized Map<String, Object> describe() {
        ensureOpen();
        return TargetDescriber.describe(target);
    }

    /** The target in one line, passwords masked, e.g. for printing the effective configuration at start. */
    @Override
    public String toString() {
        PostgresEndpoint postgres = target.runningPostgres();
        RedisEndpoint redis = target.runningRedis();
        return target.kind() + " postgres=" + (postgres == null ? "(not started)" : postgres)
                + " redis=" + (redis == null ? "(not started)" : redis);
    }

    private synchronized <T extends AutoCloseable> T track(T resource) {
        handedOut.add(resource);
        return resource;
    }

    private void ensureOpen() {
        if (closed || serversStopped.get()) {
            throw new IllegalStateException("datastores already closed");
        }
    }

    /** Closes every pool and client handed out, then stops the servers loadbench started (unless shared). */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = !serversOutliveClose;
        for (int i = handedOut.size() - 1; i >= 0; i--) {
            try {
                handedOut.get(i).close();
            } catch (Exception e) {
                LOG.warn("closing {} failed: {}", handedOut.get(i), e.getMessage());
            }
        }
        handedOut.clear();
        liveness = null;
        if (!serversOutliveClose) {
            stopServers();
            if (shutdownHook != null) {
                try {
                    Runtime.getRuntime().removeShutdownHook(shutdownHook);
                } catch (IllegalStateException e) {
                    // the JVM is already shutting down; the hook is running or has run
                }
            }
        }
    }

    /** Stops what loadbench started, once; called by {@link #close()} or the shutdown hook, without the lock. */
    private void stopServers() {
        if (serversStopped.getAndSet(true)) {
            return;
        }
        try {
            target.close();
        } catch (RuntimeException e) {
            LOG.warn("stopping the {} servers failed: {}", target.kind(), e.getMessage());
        }
    }
}
