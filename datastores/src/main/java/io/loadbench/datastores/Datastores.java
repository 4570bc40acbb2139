package io.loadbench.datastores;

import io.loadbench.results.Secrets;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.pool.HikariPool;
import io.loadbench.datastores.embedded.EmbeddedPolicy;
import io.loadbench.datastores.embedded.EmbeddedPostgresServer;
import io.loadbench.datastores.embedded.EmbeddedRedisServer;
import io.loadbench.datastores.embedded.EmbeddedWorkspace;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.testcontainers.containers.GenericContainer;
import redis.clients.jedis.ConnectionPoolConfig;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.JedisClientConfig;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.exceptions.JedisException;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * The PostgreSQL and Redis of one command, whatever the {@link TargetKind}: the one place that starts embedded
 * servers or containers, hands out connection pools and clients, and describes the servers for the manifest.
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

    /** PostgreSQL settings recorded in the manifest: the ones that change what a benchmark measures. */
    public static final List<String> POSTGRES_SETTINGS = List.of(
            "autovacuum", "block_size", "checkpoint_completion_target", "checkpoint_timeout", "data_checksums",
            "default_statistics_target", "effective_cache_size", "effective_io_concurrency", "fsync",
            "full_page_writes", "huge_pages", "io_method", "jit", "maintenance_work_mem", "max_connections",
            "max_parallel_workers", "max_parallel_workers_per_gather", "max_wal_size", "max_worker_processes",
            "min_wal_size", "random_page_cost", "server_encoding", "shared_buffers", "shared_preload_libraries",
            "synchronous_commit", "TimeZone", "wal_buffers", "wal_compression", "wal_level", "work_mem");

    /** Redis configuration recorded in the manifest (never {@code requirepass}). */
    public static final List<String> REDIS_CONFIG = List.of(
            "appendfsync", "appendonly", "databases", "hz", "io-threads", "maxclients", "maxmemory",
            "maxmemory-policy", "save");

    private static final int REDIS_CONNECT_TIMEOUT_MS = 5_000;
    /** Generous: a pipeline of a whole batch can take seconds on a loaded machine. */
    private static final int REDIS_SOCKET_TIMEOUT_MS = 60_000;
    /** How long a borrower waits for a pooled connection (HikariCP and the Jedis pool alike). */
    private static final long POOL_WAIT_TIMEOUT_MS = 30_000;

    private final TargetSpec spec;
    private final boolean serversOutliveClose;
    private final List<AutoCloseable> handedOut = new ArrayList<>();
    private final Thread shutdownHook;

    // volatile: the shutdown hook reads them without the lock, so a thread stuck in a query cannot stop the JVM exiting
    private volatile EmbeddedWorkspace workspace;
    private volatile EmbeddedPostgresServer embeddedPostgres;
    private volatile EmbeddedRedisServer embeddedRedis;
    private volatile GenericContainer<?> postgresContainer;
    private volatile GenericContainer<?> redisContainer;
    private final AtomicBoolean serversStopped = new AtomicBoolean();
    private PostgresEndpoint postgres;
    private RedisEndpoint redis;
    private boolean closed;

    private Datastores(TargetSpec spec, boolean serversOutliveClose) {
        this.spec = spec;
        this.serversOutliveClose = serversOutliveClose;
        this.postgres = spec.postgres();
        this.redis = spec.redis();
        if (spec.kind() == TargetKind.EXTERNAL) {
            shutdownHook = null;
        } else {
            shutdownHook = new Thread(this::stopServers, "loadbench-datastores-shutdown");
            Runtime.getRuntime().addShutdownHook(shutdownHook);
        }
    }

    /**
     * Opens the target. Embedded: cleans the leftovers of killed runs and prepares a workspace (servers start on
     * first use). Containers: checks for a Docker engine now, so a missing one fails before any work.
     *
     * @throws DatastoreException with one line when containers were asked for and there is no Docker engine
     */
    public static Datastores open(TargetSpec spec) {
        return open(spec, false);
    }

    /**
     * Like {@link #open(TargetSpec)}, but {@link #close()} only releases what was handed out and the instance stays
     * usable: the servers keep running until JVM exit, so one embedded PostgreSQL and Redis can serve a whole test JVM.
     */
    public static Datastores openUntilJvmExit(TargetSpec spec) {
        return open(spec, true);
    }

    private static Datastores open(TargetSpec spec, boolean serversOutliveClose) {
        if (spec.kind() == TargetKind.CONTAINERS) {
            ContainerServers.requireDocker(System.getenv());
        }
        Datastores datastores = new Datastores(spec, serversOutliveClose);
        if (spec.kind() == TargetKind.EMBEDDED) {
            Path root = EmbeddedWorkspace.defaultRoot();
            for (String line : EmbeddedWorkspace.cleanStale(root)) {
                LOG.warn("{}", line);
            }
            datastores.workspace = EmbeddedWorkspace.create(root);
        }
        return datastores;
    }

    public TargetKind kind() {
        return spec.kind();
    }

    /** The PostgreSQL to use, starting the embedded server or container on first call. */
    public synchronized PostgresEndpoint postgres() {
        ensureOpen();
        if (postgres == null) {
            switch (spec.kind()) {
                case EXTERNAL:
                    throw new DatastoreException("no PostgreSQL was named: pass --pg-url or set " + TargetSpec.PG_URL_ENV
                            + " (or pass neither URL to use the embedded servers)");
                case EMBEDDED:
                    embeddedPostgres = EmbeddedPostgresServer.start(workspace);
                    LOG.info("embedded PostgreSQL on {} started in {} ms", embeddedPostgres.endpoint().hostAndPort(),
                            embeddedPostgres.startupTime().toMillis());
                    postgres = embeddedPostgres.endpoint();
                    break;
                case CONTAINERS:
                    postgresContainer = ContainerServers.startPostgres();
                    postgres = ContainerServers.postgresEndpoint(postgresContainer);
                    break;
                default:
                    throw new IllegalStateException(spec.kind().name());
            }
        }
        return postgres;
    }

    /** The Redis to use, starting the embedded server or container on first call. */
    public synchronized RedisEndpoint redis() {
        ensureOpen();
        if (redis == null) {
            switch (spec.kind()) {
                case EXTERNAL:
                    throw new DatastoreException("no Redis was named: pass --redis-url or set " + TargetSpec.REDIS_URL_ENV
                            + " (or pass neither URL to use the embedded servers)");
                case EMBEDDED:
                    embeddedRedis = EmbeddedRedisServer.start(workspace);
                    LOG.info("embedded Redis on {} started in {} ms", embeddedRedis.endpoint().hostAndPort(),
                            embeddedRedis.startupTime().toMillis());
                    redis = embeddedRedis.endpoint();
                    break;
                case CONTAINERS:
                    redisContainer = ContainerServers.startRedis();
                    redis = ContainerServers.redisEndpoint(redisContainer);
                    break;
                default:
                    throw new IllegalStateException(spec.kind().name());
            }
        }
        return redis;
    }

    /** The embedded PostgreSQL server, or null when PostgreSQL is not embedded or not started yet. */
    public synchronized EmbeddedPostgresServer embeddedPostgres() {
        return embeddedPostgres;
    }

    /** The embedded Redis server, or null when Redis is not embedded or not started yet. */
    public synchronized EmbeddedRedisServer embeddedRedis() {
        return embeddedRedis;
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
        PostgresEndpoint endpoint = postgres();
        HikariConfig config = new HikariConfig();
        config.setPoolName(poolName);
        config.setJdbcUrl(endpoint.jdbcUrl());
        config.setUsername(endpoint.user());
        config.setPassword(endpoint.password());
        config.setMaximumPoolSize(maxSize);
        config.setMinimumIdle(maxSize);
        config.setConnectionTimeout(POOL_WAIT_TIMEOUT_MS);
        driverProperties(endpoint, poolName).forEach((key, value) -> config.addDataSourceProperty((String) key, value));
        customizer.accept(config);
        try {
            return track(new HikariDataSource(config));
        } catch (HikariPool.PoolInitializationException e) {
            if (e.getCause() instanceof SQLException) {
                throw ConnectionErrors.postgres(endpoint, (SQLException) e.getCause());
            }
            throw new DatastoreException("PostgreSQL at " + endpoint.hostAndPort() + ": "
                    + Secrets.maskIn(ConnectionErrors.firstLine(e.getMessage()), endpoint.password()), e);
        }
    }

    /** One plain pgjdbc connection (TCP_NODELAY), e.g. for COPY; the caller closes it. */
    public Connection openPgConnection() {
        PostgresEndpoint endpoint = postgres();
        try {
            Connection connection = new org.postgresql.Driver().connect(endpoint.jdbcUrl(),
                    driverProperties(endpoint, "connection"));
            if (connection == null) {
                throw new DatastoreException("PostgreSQL at " + endpoint.hostAndPort() + ": the driver rejected "
                        + endpoint.jdbcUrl());
            }
            return connection;
        } catch (SQLException e) {
            throw ConnectionErrors.postgres(endpoint, e);
        }
    }

    private static Properties driverProperties(PostgresEndpoint endpoint, String purpose) {
        Properties properties = new Properties();
        properties.putAll(endpoint.driverOptions());
        if (endpoint.user() != null) {
            properties.setProperty("user", endpoint.user());
        }
        if (endpoint.password() != null) {
            properties.setProperty("password", endpoint.password());
        }
        // pgjdbc's default, set explicitly: small request/response round trips must not wait for Nagle
        properties.setProperty("tcpNoDelay", "true");
        properties.putIfAbsent("reWriteBatchedInserts", "false");
        properties.putIfAbsent("ApplicationName", "loadbench " + purpose);
        properties.putIfAbsent("connectTimeout", "10");
        return properties;
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
        RedisEndpoint endpoint = redis();
        ConnectionPoolConfig pool = new ConnectionPoolConfig();
        pool.setMaxTotal(maxConnections);
        pool.setMaxIdle(maxConnections);
        pool.setMinIdle(0);
        // a borrower waits at most as long as a HikariCP borrower would, then fails instead of hanging a run
        pool.setMaxWait(java.time.Duration.ofMillis(POOL_WAIT_TIMEOUT_MS));
        pool.setJmxEnabled(false);
        RedisClient client = RedisClient.builder()
                .hostAndPort(endpoint.host(), endpoint.port())
                .clientConfig(clientConfig(endpoint, clientName))
                .poolConfig(pool)
                .build();
        try {
            client.ping();
        } catch (JedisException e) {
            client.close();
            throw ConnectionErrors.redis(endpoint, e);
        }
        return track(client);
    }

    /** One Jedis connection for pipelines, checked with a PING; the caller closes it. */
    public Jedis openRedisConnection() {
        RedisEndpoint endpoint = redis();
        Jedis jedis = null;
        try {
            jedis = new Jedis(new HostAndPort(endpoint.host(), endpoint.port()), clientConfig(endpoint, "loadbench pipeline"));
            jedis.ping();
            return jedis;
        } catch (JedisException e) {
            if (jedis != null) {
                jedis.close();
            }
            throw ConnectionErrors.redis(endpoint, e);
        }
    }

    private static JedisClientConfig clientConfig(RedisEndpoint endpoint, String clientName) {
        return DefaultJedisClientConfig.builder()
                .user(endpoint.user())
                .password(endpoint.password())
                .database(endpoint.database())
                .ssl(endpoint.tls())
                // one protocol on every server (6.2, 7, 8): RESP3 negotiation would make clients differ by server version
                .resp2()
                .clientName(clientName.replace(' ', '-'))
                .connectionTimeoutMillis(REDIS_CONNECT_TIMEOUT_MS)
                .socketTimeoutMillis(REDIS_SOCKET_TIMEOUT_MS)
                .build();
    }

    /**
     * The manifest's {@code target} section: kind; for PostgreSQL the URL without user info, {@code version()},
     * {@code server_version_num} and {@link #POSTGRES_SETTINGS}; for Redis the URL, INFO server fields and
     * {@link #REDIS_CONFIG}; for servers loadbench configured, the {@link EmbeddedPolicy}. A store this command
     * never used (embedded or containers) or never named (external) is {@code null}; a value the server would not
     * tell is {@code null}.
     */
    public synchronized Map<String, Object> describe() {
        ensureOpen();
        Map<String, Object> target = new LinkedHashMap<>();
        target.put("kind", spec.kind().name());
        target.put("postgres", postgres == null ? null : describePostgres(postgres));
        target.put("redis", redis == null ? null : describeRedis(redis));
        return target;
    }

    private Map<String, Object> describePostgres(PostgresEndpoint endpoint) {
        Map<String, Object> description = new LinkedHashMap<>();
        description.put("url", endpoint.jdbcUrl());
        description.put("user", endpoint.user());
        Map<String, Object> settings = new TreeMap<>();
        POSTGRES_SETTINGS.forEach(name -> settings.put(name, null));
        try (Connection connection = openPgConnection(); Statement statement = connection.createStatement()) {
            try (ResultSet rs = statement.executeQuery("SELECT version(), current_setting('server_version_num')::int")) {
                rs.next();
                description.put("version", rs.getString(1));
                description.put("serverVersionNum", rs.getInt(2));
            }
            try (PreparedStatement query = connection.prepareStatement(
                    "SELECT name, current_setting(name) FROM pg_settings WHERE name = ANY(?)")) {
                query.setArray(1, connection.createArrayOf("text", POSTGRES_SETTINGS.toArray()));
                try (ResultSet rs = query.executeQuery()) {
                    while (rs.next()) {
                        settings.put(rs.getString(1), rs.getString(2));
                    }
                }
            }
        } catch (SQLException e) {
            throw ConnectionErrors.postgres(endpoint, e);
        }
        description.put("settings", settings);
        if (spec.kind() != TargetKind.EXTERNAL) {
            description.put("embeddedPolicy", EmbeddedPolicy.describePostgres());
        }
        return description;
    }

    private Map<String, Object> describeRedis(RedisEndpoint endpoint) {
        Map<String, Object> description = new LinkedHashMap<>();
        description.put("url", endpoint.url());
        Map<String, Object> config = new TreeMap<>();
        REDIS_CONFIG.forEach(name -> config.put(name, null));
        try (Jedis jedis = openRedisConnection()) {
            Map<String, String> info = parseInfo(jedis.info("server"));
            description.put("version", info.get("redis_version"));
            description.put("mode", info.get("redis_mode"));
            description.put("os", info.get("os"));
            description.put("archBits", info.get("arch_bits"));
            try {
                for (String name : REDIS_CONFIG) {
                    Map<String, String> values = jedis.configGet(name);
                    config.put(name, values.get(name));
                }
            } catch (JedisException e) {
                // managed services often forbid CONFIG GET: record nulls rather than guessing
                LOG.debug("CONFIG GET refused by {}: {}", endpoint.hostAndPort(), e.getMessage());
            }
        } catch (JedisException e) {
            throw ConnectionErrors.redis(endpoint, e);
        }
        description.put("config", config);
        if (spec.kind() != TargetKind.EXTERNAL) {
            description.put("embeddedPolicy", EmbeddedPolicy.describeRedis());
        }
        return description;
    }

    static Map<String, String> parseInfo(String info) {
        Map<String, String> fields = new TreeMap<>();
        for (String line : info.split("\r?\n")) {
            int colon = line.indexOf(':');
            if (colon > 0 && !line.startsWith("#")) {
                fields.put(line.substring(0, colon), line.substring(colon + 1).trim());
            }
        }
        return fields;
    }

    /** The target in one line, passwords masked, e.g. for printing the effective configuration at start. */
    @Override
    public synchronized String toString() {
        return spec.kind() + " postgres=" + (postgres == null ? "(not started)" : postgres)
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
        closeQuietly(embeddedPostgres);
        closeQuietly(embeddedRedis);
        if (postgresContainer != null) {
            postgresContainer.stop();
        }
        if (redisContainer != null) {
            redisContainer.stop();
        }
        EmbeddedWorkspace dir = workspace;
        if (dir != null) {
            try {
                dir.close();
            } catch (RuntimeException e) {
                LOG.warn("could not delete {}: {}", dir.dir(), e.getMessage());
            }
        }
    }

    private static void closeQuietly(AutoCloseable closeable) {
        if (closeable == null) {
            return;
        }
        try {
            closeable.close();
        } catch (Exception e) {
            LOG.warn("{}", e.getMessage());
        }
    }
}
