package io.loadbench.datastores;

import redis.clients.jedis.ConnectionPoolConfig;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.JedisClientConfig;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.exceptions.JedisException;

import java.time.Duration;

/** How loadbench configures Jedis for one {@link RedisEndpoint}; whoever gets a client closes it. */
final class RedisClients {

    private static final int CONNECT_TIMEOUT_MS = (int) ClientTimeouts.REDIS_CONNECT_TIMEOUT.toMillis();
    private static final int SOCKET_TIMEOUT_MS = (int) ClientTimeouts.REDIS_SOCKET_TIMEOUT.toMillis();

    private RedisClients() {
    }

    /** See {@link Datastores#newRedisClient(String, int)}; {@code maxConnections} is at least 1. */
    static RedisClient newClient(RedisEndpoint endpoint, String clientName, int maxConnections) {
        ConnectionPoolConfig pool = new ConnectionPoolConfig();
        pool.setMaxTotal(maxConnections);
        pool.setMaxIdle(maxConnections);
        pool.setMinIdle(0);
        // a borrower waits at most as long as a HikariCP borrower would, then fails instead of hanging a run
        pool.setMaxWait(Duration.ofMillis(PostgresClients.POOL_WAIT_TIMEOUT_MS));
        pool.setJmxEnabled(false);
        // a server that accepts and never answers fails here within the handshake bound, not the pool's socket bound
        open(endpoint, clientName).close();
        RedisClient client = RedisClient.builder()
                .hostAndPort(endpoint.host(), endpoint.port())
                .clientConfig(clientConfig(endpoint, clientName, SOCKET_TIMEOUT_MS))
                .poolConfig(pool)
                .build();
        try {
            client.ping();
        } catch (JedisException e) {
            client.close();
            throw ConnectionErrors.redis(endpoint, e);
        }
        return client;
    }

    /**
     * One Jedis connection, checked with a PING; {@code clientName} is shown by {@code CLIENT LIST}. The handshake
     * (AUTH, CLIENT SETNAME) and the PING wait at most the connect bound; later commands the socket bound.
     */
    static Jedis open(RedisEndpoint endpoint, String clientName) {
        Jedis jedis = openForShortCommands(endpoint, clientName);
        jedis.getConnection().setSoTimeout(SOCKET_TIMEOUT_MS);
        return jedis;
    }

    /** Like {@link #open} for a few quick commands (INFO, CONFIG GET): every reply waits at most the connect bound. */
    static Jedis openForShortCommands(RedisEndpoint endpoint, String clientName) {
        Jedis jedis = null;
        try {
            jedis = new Jedis(new HostAndPort(endpoint.host(), endpoint.port()), clientConfig(endpoint, clientName, CONNECT_TIMEOUT_MS));
            jedis.ping();
            return jedis;
        } catch (JedisException e) {
            if (jedis != null) {
                jedis.close();
            }
            throw ConnectionErrors.redis(endpoint, e);
        }
    }

    private static JedisClientConfig clientConfig(RedisEndpoint endpoint, String clientName, int socketTimeoutMs) {
        return DefaultJedisClientConfig.builder()
                .user(endpoint.user())
                .password(endpoint.password())
                .database(endpoint.database())
                .ssl(endpoint.tls())
                // one protocol on every server (6.2, 7, 8): RESP3 negotiation would make clients differ by server version
                .resp2()
                .clientName(clientName.replace(' ', '-'))
                .connectionTimeoutMillis(CONNECT_TIMEOUT_MS)
                .socketTimeoutMillis(socketTimeoutMs)
                .build();
    }
}
