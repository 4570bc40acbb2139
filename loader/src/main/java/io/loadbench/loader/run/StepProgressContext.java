package io.loadbench.loader.run;

import io.loadbench.datastores.RedisEndpoint;
import io.loadbench.loader.spi.DatasetContext;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.function.LongConsumer;

/**
 * The context one output step runs in: the load's own, whose {@link #progress} goes to that step's listener (the
 * progress display), so a step reports through the interface every step already uses.
 */
final class StepProgressContext implements DatasetContext {

    private final DatasetContext context;
    private final LongConsumer progress;

    StepProgressContext(DatasetContext context, LongConsumer progress) {
        this.context = context;
        this.progress = progress;
    }

    @Override
    public Connection openPostgres() throws SQLException {
        return context.openPostgres();
    }

    @Override
    public redis.clients.jedis.Jedis openRedis() {
        return context.openRedis();
    }

    @Override
    public RedisEndpoint redisEndpoint() {
        return context.redisEndpoint();
    }

    @Override
    public Path runDirectory() {
        return context.runDirectory();
    }

    @Override
    public int workers() {
        return context.workers();
    }

    @Override
    public int batchSize() {
        return context.batchSize();
    }

    @Override
    public void progress(long unitsDone) {
        progress.accept(unitsDone);
    }
}
