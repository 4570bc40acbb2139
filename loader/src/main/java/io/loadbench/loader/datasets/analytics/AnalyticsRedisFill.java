package io.loadbench.loader.datasets.analytics;

import io.loadbench.loader.sink.redis.RedisAddress;
import io.loadbench.loader.sink.redis.RedisLoadException;
import io.loadbench.loader.sink.redis.SingleWriterRedisPipeline;
import io.loadbench.loader.spi.DatasetContext;
import io.loadbench.loader.spi.OutputStep;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.params.ScanParams;
import redis.clients.jedis.resps.ScanResult;

import java.util.List;
import java.util.function.Function;

/**
 * The analytics Redis fill: counters, the dashboard-overview entries and the warmed filtered-query
 * entries, streamed through one {@link SingleWriterRedisPipeline} whose depth is {@code --batch-size}.
 * Idempotent, so an interrupted fill is simply run again. For {@code --redis-type json} the server is
 * asked first whether it has the RedisJSON module; without it the step fails before writing anything.
 */
public final class AnalyticsRedisFill implements OutputStep {

    private static final int CONNECT_TIMEOUT_MS = 10_000;

    private final AnalyticsLayout layout;
    private final Function<DatasetContext, RedisAddress> redisAddress;
    private final long keys;

    public AnalyticsRedisFill(AnalyticsLayout layout, Function<DatasetContext, RedisAddress> redisAddress) {
        this.layout = layout;
        this.redisAddress = redisAddress;
        this.keys = AnalyticsRedisWriter.keysOf(layout);
    }

    @Override
    public String name() {
        return "redis:analytics";
    }

    @Override
    public long units() {
        return keys;
    }

    @Override
    public long run(DatasetContext context) {
        RedisAddress address = redisAddress.apply(context);
        return fill(address, context.batchSize(), context::progress);
    }

    /**
     * Fills the server at {@code address}; returns the RESP bytes sent.
     *
     * @param pipelineDepth the in-flight window ({@code --batch-size})
     * @param progress      receives the number of keys written so far
     * @throws RedisLoadException on an error reply, a lost connection, or a missing RedisJSON module
     */
    public long fill(RedisAddress address, int pipelineDepth, java.util.function.LongConsumer progress) {
        if (layout.settings().redisType() == RedisDataType.JSON) {
            requireRedisJson(address);
        }
        AnalyticsRedisWriter writer = new AnalyticsRedisWriter(layout);
        SingleWriterRedisPipeline pipeline = SingleWriterRedisPipeline.open(address, pipelineDepth, CONNECT_TIMEOUT_MS);
        try {
            for (int org = 0; org < layout.settings().orgs(); org++) {
                pipeline.tag(org + 1);
                writer.writeOrg(org, pipeline);
                progress.accept(writer.keysWritten());
            }
            pipeline.tag(-1);
            writer.writeMeta(pipeline);
        } catch (RuntimeException e) {
            try {
                pipeline.close();
            } catch (RedisLoadException closeFailure) {
                // the first failure is reported; a close failure after it adds nothing
                e.addSuppressed(closeFailure);
            }
            throw e;
        }
        pipeline.close();
        progress.accept(writer.keysWritten());
        return pipeline.bytesEncoded();
    }

    /** Fails with one clear line when the server lacks the RedisJSON module. */
    static void requireRedisJson(RedisAddress address) {
        List<String> modules = SingleWriterRedisPipeline.modules(address, CONNECT_TIMEOUT_MS);
        if (!modules.contains("rejson") && !modules.contains("json")) {
            throw new RedisLoadException("--redis-type json needs the RedisJSON module (Redis Stack), but Redis at "
                    + address.hostAndPort() + " has " + (modules.isEmpty() ? "no modules" : "only the modules " + modules)
                    + "; choose another --redis-type or a server with RedisJSON");
        }
    }

    @Override
    public void drop(DatasetContext context) {
        try (Jedis jedis = context.openRedis()) {
            deleteKeys(jedis, new AnalyticsKeys(layout.settings().keyPrefix()).pattern());
        }
    }

    /** Deletes every key matching {@code pattern} with SCAN + UNLINK (never FLUSHDB); returns how many. */
    public static long deleteKeys(Jedis jedis, String pattern) {
        long deleted = 0;
        String cursor = ScanParams.SCAN_POINTER_START;
        ScanParams params = new ScanParams().match(pattern).count(1_000);
        do {
            ScanResult<String> page = jedis.scan(cursor, params);
            List<String> found = page.getResult();
            if (!found.isEmpty()) {
                deleted += jedis.unlink(found.toArray(String[]::new));
            }
            cursor = page.getCursor();
        } while (!ScanParams.SCAN_POINTER_START.equals(cursor));
        return deleted;
    }
}
