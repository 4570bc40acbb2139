package io.loadbench.datastores;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.pool.HikariPool;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Properties;
import java.util.function.Consumer;

/** How loadbench configures pgjdbc and HikariCP for one {@link PostgresEndpoint}; whoever gets a client closes it. */
final class PostgresClients {

    /** How long a borrower waits for a pooled connection (HikariCP and the Jedis pool alike). */
    static final long POOL_WAIT_TIMEOUT_MS = 30_000;

    private PostgresClients() {
    }

    /** See {@link Datastores#newPgPool(String, int, Consumer)}; {@code maxSize} is at least 1. */
    static HikariDataSource newPool(PostgresEndpoint endpoint, String poolName, int maxSize,
                                    Consumer<HikariConfig> customizer) {
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
            return new HikariDataSource(config);
        } catch (HikariPool.PoolInitializationException e) {
            throw ConnectionErrors.postgres(endpoint, e);
        }
    }

    /** One plain pgjdbc connection; {@code purpose} goes into PostgreSQL's {@code application_name}. */
    static Connection open(PostgresEndpoint endpoint, String purpose) {
        try {
            Connection connection = new org.postgresql.Driver().connect(endpoint.jdbcUrl(),
                    driverProperties(endpoint, purpose));
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
        properties.putIfAbsent("connectTimeout", Long.toString(ClientTimeouts.POSTGRES_CONNECT_TIMEOUT.toSeconds()));
        // a server that accepts the connection and never answers (frozen, or not PostgreSQL) must not hang the
        // login forever: pgjdbc gives up after loginTimeout seconds; keepalive finds a peer that vanished
        properties.putIfAbsent("loginTimeout", Long.toString(ClientTimeouts.POSTGRES_LOGIN_TIMEOUT.toSeconds()));
        properties.putIfAbsent("tcpKeepAlive", "true");
        return properties;
    }
}
