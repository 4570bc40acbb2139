package io.loadbench.loader.testing;

import io.loadbench.datastores.Datastores;
import io.loadbench.loader.sink.postgres.PostgresConnections;
import io.loadbench.loader.spi.DatasetContext;
import redis.clients.jedis.Jedis;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A private PostgreSQL schema for one test on a (possibly shared) server: every connection it hands out has
 * {@code search_path} set to it, so datasets, progress tables and checks live there and cannot clash with
 * anyone else's tables; {@link #close()} drops it.
 */
public final class TestSchema implements AutoCloseable {

    private final Datastores datastores;
    private final String schema;

    public TestSchema(Datastores datastores) throws SQLException {
        this.datastores = datastores;
        // a unique name, not a data value: ThreadLocalRandom is fine here
        this.schema = "lb_test_" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt());
        try (Connection c = datastores.openPgConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE SCHEMA " + schema);
        }
    }

    public String name() {
        return schema;
    }

    public Datastores datastores() {
        return datastores;
    }

    public Connection open() throws SQLException {
        Connection c = datastores.openPgConnection();
        try (Statement s = c.createStatement()) {
            s.execute("SET search_path TO " + schema);
            s.execute("SET TimeZone = 'UTC'");
            // lets a test find (and terminate) exactly its own connections on a shared server
            s.execute("SET application_name = '" + schema + "'");
        }
        return c;
    }

    public PostgresConnections connections() {
        return this::open;
    }

    public DatasetContext context(Path runDirectory) {
        return new DatasetContext() {
            @Override public Connection openPostgres() throws SQLException { return open(); }
            @Override public Jedis openRedis() { return datastores.openRedisConnection(); }
            @Override public Path runDirectory() { return runDirectory; }
            @Override public int workers() { return 2; }
            @Override public int batchSize() { return 1000; }
            @Override public void progress(long unitsDone) { }
        };
    }

    @Override
    public void close() throws SQLException {
        try (Connection c = datastores.openPgConnection(); Statement s = c.createStatement()) {
            s.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
        }
    }
}
