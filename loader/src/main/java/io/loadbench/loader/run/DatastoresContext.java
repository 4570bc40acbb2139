package io.loadbench.loader.run;

import io.loadbench.datastores.Datastores;
import io.loadbench.loader.spi.DatasetContext;
import redis.clients.jedis.Jedis;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/** A {@link DatasetContext} backed by core's {@link Datastores}. */
public final class DatastoresContext implements DatasetContext {

    private final Datastores datastores;
    private final Path runDirectory;
    private final int workers;
    private final int batchSize;

    public DatastoresContext(Datastores datastores, Path runDirectory, int workers, int batchSize) {
        this.datastores = datastores;
        this.runDirectory = runDirectory;
        this.workers = workers;
        this.batchSize = batchSize;
    }

    @Override
    public Connection openPostgres() throws SQLException {
        Connection c = datastores.openPgConnection();
        try (Statement s = c.createStatement()) {
            s.execute("SET TimeZone = 'UTC'");
        } catch (SQLException e) {
            c.close();
            throw e;
        }
        return c;
    }

    @Override
    public Jedis openRedis() {
        return datastores.openRedisConnection();
    }

    @Override
    public io.loadbench.datastores.RedisEndpoint redisEndpoint() {
        return datastores.redis();
    }

    @Override
    public Path runDirectory() {
        return runDirectory;
    }

    @Override
    public int workers() {
        return workers;
    }

    @Override
    public int batchSize() {
        return batchSize;
    }

    @Override
    public void progress(long unitsDone) {
        // DatasetLoader gives each output step a context whose progress goes to the load's progress display
    }
}
