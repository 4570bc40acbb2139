package io.loadbench.datastores;

import io.loadbench.datastores.embedded.EmbeddedPolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.exceptions.JedisException;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The manifest's {@code target} section for an open {@link Target}: its kind; for PostgreSQL the URL without user
 * info, the user, {@code version()}, {@code server_version_num} and {@link #POSTGRES_SETTINGS}; for Redis the URL,
 * the INFO server fields and {@link #REDIS_CONFIG}; for both {@code protected}: whether loadbench logs in with a
 * password (for the servers it starts, always: they refuse any other login); never the password itself; for servers loadbench started itself, the
 * {@link EmbeddedPolicy}. A store the command never used (embedded or containers) or never named (external) is
 * {@code null}; a value the server would not tell is {@code null}. Every setting is present, so two manifests
 * always compare key by key.
 *
 * <p>{@code clientTimeouts} records how long loadbench's clients wait before giving up ({@link ClientTimeouts}).
 *
 * <p>The keys and their order are part of the run-folder format: golden manifests downstream depend on them.
 */
final class TargetDescriber {

    private static final Logger LOG = LoggerFactory.getLogger(TargetDescriber.class);

    /** PostgreSQL settings recorded in the manifest: the ones that change what a benchmark measures. */
    static final List<String> POSTGRES_SETTINGS = List.of(
            "autovacuum", "block_size", "checkpoint_completion_target", "checkpoint_timeout", "data_checksums",
            "default_statistics_target", "effective_cache_size", "effective_io_concurrency", "fsync",
            "full_page_writes", "huge_pages", "io_method", "jit", "maintenance_work_mem", "max_connections",
            "max_parallel_workers", "max_parallel_workers_per_gather", "max_wal_size", "max_worker_processes",
            "min_wal_size", "random_page_cost", "server_encoding", "shared_buffers", "shared_preload_libraries",
            "synchronous_commit", "TimeZone", "wal_buffers", "wal_compression", "wal_level", "work_mem");

    /** Redis configuration recorded in the manifest (never {@code requirepass}). */
    static final List<String> REDIS_CONFIG = List.of(
            "appendfsync", "appendonly", "databases", "hz", "io-threads", "maxclients", "maxmemory",
            "maxmemory-policy", "save");

    private TargetDescriber() {
    }

    /** Asks the running servers of {@code target}; starts nothing. */
    static Map<String, Object> describe(Target target) {
        PostgresEndpoint postgres = target.runningPostgres();
        RedisEndpoint redis = target.runningRedis();
        Map<String, Object> description = new LinkedHashMap<>();
        description.put("kind", target.kind().name());
        description.put("postgres", postgres == null ? null : describePostgres(postgres, target.startsServers()));
        description.put("redis", redis == null ? null : describeRedis(redis, target.startsServers()));
        description.put("clientTimeouts", ClientTimeouts.describe(System.getProperties()));
        return description;
    }

    private static Map<String, Object> describePostgres(PostgresEndpoint endpoint, boolean withPolicy) {
        Map<String, Object> description = new LinkedHashMap<>();
        description.put("url", endpoint.jdbcUrl());
        description.put("user", endpoint.user());
        description.put("protected", endpoint.password() != null);
        Map<String, Object> settings = new TreeMap<>();
        POSTGRES_SETTINGS.forEach(name -> settings.put(name, null));
        try (Connection connection = PostgresClients.open(endpoint, "connection");
             Statement statement = connection.createStatement()) {
            // a server that froze after the login fails the description within the bound instead of hanging it
            ClientTimeouts.forShortStatements(connection);
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
        if (withPolicy) {
            description.put("embeddedPolicy", EmbeddedPolicy.describePostgres());
        }
        return description;
    }

    private static Map<String, Object> describeRedis(RedisEndpoint endpoint, boolean withPolicy) {
        Map<String, Object> description = new LinkedHashMap<>();
        description.put("url", endpoint.url());
        description.put("protected", endpoint.password() != null);
        Map<String, Object> config = new TreeMap<>();
        REDIS_CONFIG.forEach(name -> config.put(name, null));
        try (Jedis jedis = RedisClients.openForShortCommands(endpoint, "loadbench pipeline")) {
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
        if (withPolicy) {
            description.put("embeddedPolicy", EmbeddedPolicy.describeRedis());
        }
        return description;
    }

    /** The {@code field:value} lines of an INFO reply; section headers ({@code # Server}) are skipped. */
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
}
