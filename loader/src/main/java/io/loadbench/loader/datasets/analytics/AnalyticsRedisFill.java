package io.loadbench.loader.datasets.analytics;

import io.loadbench.loader.sink.redis.RedisAddress;
import io.loadbench.loader.sink.redis.RedisCommandWriter;
import io.loadbench.loader.sink.redis.RespReplyReader;
import io.loadbench.loader.spi.DropRefusedException;
import io.loadbench.loader.spi.InvalidOptionException;
import io.loadbench.loader.sink.redis.RedisLoadException;
import io.loadbench.loader.sink.redis.SingleWriterRedisPipeline;
import io.loadbench.loader.spi.DatasetContext;
import io.loadbench.loader.spi.OutputStep;
import io.loadbench.results.shard.Shard;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.params.ScanParams;
import redis.clients.jedis.resps.ScanResult;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The analytics Redis fill: counters, the dashboard-overview entries and the warmed filtered-query
 * entries, streamed through one {@link SingleWriterRedisPipeline} whose depth is {@code --batch-size}.
 * Idempotent, so an interrupted fill is simply run again, and a run after a workload (which INCRs counters and
 * writes cache entries) restores the loaded state: see {@link #run}. For {@code --redis-type json} the server is
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
    public String unit() {
        return "keys";
    }

    /** Organisations are numbered units: shard {@code i/N} writes the organisations {@code org} (0-based) with {@code org mod N = i}. */
    @Override
    public boolean shardable() {
        return true;
    }

    @Override
    public long units(Shard shard) {
        return AnalyticsRedisWriter.keysOf(layout, Optional.of(shard));
    }

    /**
     * Writes the organisations of {@code shard}, after deleting the cache entries a workload wrote for them when the
     * prefix holds this layout's fill. Deletes the meta key first, so a prefix that shards are (re)filling never
     * looks complete; {@link #finishShards} writes it once every shard is done.
     */
    @Override
    public long runShard(DatasetContext context, Shard shard) {
        RedisAddress address = redisAddress.apply(context);
        AnalyticsKeys keyNames = new AnalyticsKeys(layout.settings().keyPrefix());
        try (Jedis jedis = context.openRedis()) {
            if (markerValue().equals(jedis.get(keyNames.marker()))) {
                deleteCacheEntries(jedis, Optional.of(shard));
            }
        }
        return fill(address, context.batchSize(), context::progress, Optional.of(shard));
    }

    /** The meta key, counted over every organisation: what a whole fill writes last. */
    @Override
    public long finishShards(DatasetContext context) {
        RedisAddress address = redisAddress.apply(context);
        claimPrefix(address);
        AnalyticsRedisWriter writer = new AnalyticsRedisWriter(layout);
        for (int org = 0; org < layout.settings().orgs(); org++) {
            writer.countOrg(org);
        }
        SingleWriterRedisPipeline pipeline = SingleWriterRedisPipeline.open(address, 2, CONNECT_TIMEOUT_MS);
        try {
            writer.writeMeta(pipeline);
        } catch (RuntimeException e) {
            closeAfter(pipeline, e);
            throw e;
        }
        pipeline.close();
        return pipeline.bytesEncoded();
    }

    /**
     * Fills the target's Redis. When the prefix already holds this layout's fill (its marker names this layout), the
     * cache entries a workload wrote since are deleted first ({@link #deleteCacheEntries}), so Redis ends exactly as
     * after a first fill: the counters at their loaded values, only the warmed entries present, with a fresh TTL.
     */
    @Override
    public long run(DatasetContext context) {
        return restore(context).bytes();
    }

    /** What {@link #restore} did: keys written, cache entries deleted before writing, RESP bytes sent. */
    record Restore(long keysWritten, long entriesDeleted, long bytes) {
    }

    /** {@link #run}, reporting what it wrote and deleted. */
    Restore restore(DatasetContext context) {
        RedisAddress address = redisAddress.apply(context);
        long deleted = 0;
        try (Jedis jedis = context.openRedis()) {
            if (markerValue().equals(jedis.get(new AnalyticsKeys(layout.settings().keyPrefix()).marker()))) {
                deleted = deleteCacheEntries(jedis);
            }
        }
        long bytes = fill(address, context.batchSize(), context::progress);
        return new Restore(keys, deleted, bytes);
    }

    /**
     * Deletes every cache entry of the layout, warmed or not: the dashboard entry of each organisation and the
     * filtered-query entry of each (organisation, type, bucket), enumerated from the layout (never a {@code SCAN}
     * pattern), the keys a workload writes on a miss. Returns how many existed.
     */
    long deleteCacheEntries(Jedis jedis) {
        return deleteCacheEntries(jedis, Optional.empty());
    }

    /** {@link #deleteCacheEntries(Jedis)} for the organisations of {@code shard} only (all when empty). */
    long deleteCacheEntries(Jedis jedis, Optional<Shard> shard) {
        AnalyticsSettings s = layout.settings();
        AnalyticsKeys keyNames = new AnalyticsKeys(s.keyPrefix());
        List<String> batch = new java.util.ArrayList<>(1_000);
        long deleted = 0;
        for (int org = 0; org < s.orgs(); org++) {
            if (shard.isPresent() && !shard.get().owns(org)) {
                continue;
            }
            int orgId = org + 1;
            batch.add(keyNames.dashboard(orgId));
            for (EventType type : EventType.all()) {
                for (int b = 0; b < s.timeBuckets(); b++) {
                    batch.add(keyNames.filtered(orgId, type, b));
                }
            }
            if (batch.size() >= 1_000) {
                deleted += jedis.unlink(batch.toArray(String[]::new));
                batch.clear();
            }
        }
        if (!batch.isEmpty()) {
            deleted += jedis.unlink(batch.toArray(String[]::new));
        }
        return deleted;
    }

    /**
     * Fills the server at {@code address}; returns the RESP bytes sent.
     *
     * @param pipelineDepth the in-flight window ({@code --batch-size})
     * @param progress      receives the number of keys written so far
     * @throws RedisLoadException on an error reply, a lost connection, or a missing RedisJSON module
     */
    public long fill(RedisAddress address, int pipelineDepth, java.util.function.LongConsumer progress) {
        return fill(address, pipelineDepth, progress, Optional.empty());
    }

    /**
     * {@link #fill(RedisAddress, int, java.util.function.LongConsumer)} of the organisations of {@code shard}: without
     * the meta key, which it deletes first instead (a part is not a complete fill); the whole fill when empty.
     */
    long fill(RedisAddress address, int pipelineDepth, java.util.function.LongConsumer progress, Optional<Shard> shard) {
        if (layout.settings().redisType() == RedisDataType.JSON) {
            requireRedisJson(address);
        }
        claimPrefix(address);
        AnalyticsRedisWriter writer = new AnalyticsRedisWriter(layout);
        SingleWriterRedisPipeline pipeline = SingleWriterRedisPipeline.open(address, pipelineDepth, CONNECT_TIMEOUT_MS);
        try {
            if (shard.isPresent()) {
                pipeline.begin(2).arg("DEL").arg(new AnalyticsKeys(layout.settings().keyPrefix()).meta()).end();
            }
            for (int org = 0; org < layout.settings().orgs(); org++) {
                if (shard.isPresent() && !shard.get().owns(org)) {
                    continue;
                }
                pipeline.tag(org + 1);
                writer.writeOrg(org, pipeline);
                progress.accept(writer.keysWritten());
            }
            pipeline.tag(-1);
            if (shard.isEmpty()) {
                writer.writeMeta(pipeline);
            }
        } catch (RuntimeException e) {
            closeAfter(pipeline, e);
            throw e;
        }
        pipeline.close();
        progress.accept(writer.keysWritten());
        return pipeline.bytesEncoded();
    }

    private static void closeAfter(SingleWriterRedisPipeline pipeline, RuntimeException e) {
        try {
            pipeline.close();
        } catch (RedisLoadException closeFailure) {
            // the first failure is reported; close rethrows the pipeline's recorded failure, usually e itself
            if (closeFailure != e) {
                e.addSuppressed(closeFailure);
            }
        }
    }

    /**
     * Writes the exact command stream {@link #fill} sends into {@code file} (RESP, what
     * {@code redis-cli --pipe} reads), written under a temporary name and renamed when complete; returns its
     * size in bytes.
     */
    public long writeCommands(java.nio.file.Path file, java.util.function.LongConsumer progress) {
        java.nio.file.Path target = file.toAbsolutePath();
        java.nio.file.Path partial = target.resolveSibling(target.getFileName() + ".partial");
        AnalyticsRedisWriter writer = new AnalyticsRedisWriter(layout);
        try {
            java.nio.file.Files.createDirectories(target.getParent());
            try (java.io.OutputStream out = java.nio.file.Files.newOutputStream(partial);
                 io.loadbench.loader.sink.redis.RespStreamWriter resp = new io.loadbench.loader.sink.redis.RespStreamWriter(out)) {
                for (int org = 0; org < layout.settings().orgs(); org++) {
                    writer.writeOrg(org, resp);
                    progress.accept(writer.keysWritten());
                }
                writer.writeMeta(resp);
            }
            java.nio.file.Files.move(partial, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                    java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            return java.nio.file.Files.size(target);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("cannot write " + target + ": " + e.getMessage(), e);
        }
    }

    /** The fill's commands as a RESP file ({@code --resp-out}), for replay with {@code redis-cli --pipe}. */
    OutputStep commandFile(java.nio.file.Path file) {
        AnalyticsRedisFill fill = this;
        return new OutputStep() {
            @Override public String name() { return "file:" + file.getFileName(); }
            @Override public long units() { return keys; }
            @Override public String unit() { return "keys"; }
            @Override public long run(DatasetContext context) { return fill.writeCommands(file, context::progress); }
            @Override public void checkReady(DatasetContext context) {
                OutputStep.requireWritableDirectory("--resp-out", file.toAbsolutePath().getParent());
            }
            @Override public void drop(DatasetContext context) throws java.io.IOException { java.nio.file.Files.deleteIfExists(file); }
        };
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

    /**
     * What the marker of this fill says: the settings that decide which keys it writes (not their values or
     * types), so a drop with the same ones enumerates exactly the keys written.
     */
    String markerValue() {
        AnalyticsSettings s = layout.settings();
        return "loadbench analytics fill v1: seed=" + layout.seed() + " orgs=" + s.orgs() + " time-buckets=" + s.timeBuckets()
                + " cache-hit-target=" + s.cacheHitTargetPercent();
    }

    /**
     * Writes the prefix's marker when there is none; refuses a prefix whose marker names another layout (the keys
     * of another fill, which this one would partly overwrite and a later drop could not tell apart).
     */
    private void claimPrefix(RedisAddress address) {
        String marker = new AnalyticsKeys(layout.settings().keyPrefix()).marker();
        // SET NX, then read: the shards of a sharded fill claim the prefix at the same time, and only one may set it
        SingleWriterRedisPipeline.call(address, CONNECT_TIMEOUT_MS, "SET", marker, markerValue(), "NX");
        Object existing = SingleWriterRedisPipeline.call(address, CONNECT_TIMEOUT_MS, "GET", marker);
        String text = existing instanceof byte[] bytes ? new String(bytes, java.nio.charset.StandardCharsets.UTF_8) : null;
        if (text == null || !text.equals(markerValue())) {
            throw new RedisLoadException("--key-prefix " + layout.settings().keyPrefix() + " holds the keys of another fill ("
                    + marker + " says '" + text + "'); drop that load first, or choose another --key-prefix");
        }
    }

    /** Answers a PING (and has RedisJSON for {@code --redis-type json}) before any table is loaded. */
    @Override
    public void checkReady(DatasetContext context) {
        RedisAddress address;
        try {
            address = redisAddress.apply(context);
            Object pong = SingleWriterRedisPipeline.call(address, CONNECT_TIMEOUT_MS, "PING");
            if (pong instanceof RespReplyReader.ErrorReply error) {
                throw new RedisLoadException("Redis at " + address.hostAndPort() + " refuses PING: " + error.message());
            }
            if (layout.settings().redisType() == RedisDataType.JSON) {
                requireRedisJson(address);
            }
        } catch (RuntimeException e) {
            throw new InvalidOptionException("--redis-url", "the analytics dataset fills Redis, and "
                    + String.valueOf(e.getMessage()).strip().lines().findFirst().orElse("Redis is not available")
                    + "; nothing was loaded");
        }
    }

    /**
     * Deletes exactly the keys this fill writes (enumerated by replaying the writer), the layout's cache entries
     * a workload wrote ({@link #deleteCacheEntries}) and the marker, with UNLINK; refuses, deleting nothing, when the prefix has no loadbench marker or one naming another layout.
     * Keys under the prefix that the fill does not write stay.
     */
    @Override
    public void drop(DatasetContext context) {
        AnalyticsKeys keys = new AnalyticsKeys(layout.settings().keyPrefix());
        try (Jedis jedis = context.openRedis()) {
            String marker = jedis.get(keys.marker());
            if (marker == null) {
                throw new DropRefusedException("refusing to delete keys under key prefix " + layout.settings().keyPrefix()
                        + ": it has no loadbench marker (" + keys.marker() + "), so no loadbench fill wrote them; nothing was dropped");
            }
            if (!marker.equals(markerValue())) {
                throw new DropRefusedException("refusing to delete keys under key prefix " + layout.settings().keyPrefix()
                        + ": its marker says '" + marker + "', another layout than this drop's; pass the load's --seed, --orgs,"
                        + " --time-buckets and --cache-hit-target; nothing was dropped");
            }
            KeyCollector collector = new KeyCollector();
            AnalyticsRedisWriter writer = new AnalyticsRedisWriter(layout);
            for (int org = 0; org < layout.settings().orgs(); org++) {
                writer.writeOrg(org, collector);
                collector.unlink(jedis);
            }
            writer.writeMeta(collector);
            collector.unlink(jedis);
            deleteCacheEntries(jedis);
            jedis.del(keys.marker());
        }
    }

    /** Records the key (first argument) of every command written to it. */
    private static final class KeyCollector implements RedisCommandWriter {
        private final java.util.Set<String> keys = new java.util.LinkedHashSet<>();
        private int argument;

        @Override
        public RedisCommandWriter begin(int argumentCount) {
            argument = 0;
            return this;
        }

        @Override
        public RedisCommandWriter arg(CharSequence text) {
            if (argument++ == 1) {
                keys.add(text.toString());
            }
            return this;
        }

        @Override
        public RedisCommandWriter arg(long value) {
            argument++;
            return this;
        }

        @Override
        public RedisCommandWriter arg(byte[] bytes) {
            if (argument++ == 1) {
                keys.add(new String(bytes, java.nio.charset.StandardCharsets.UTF_8));
            }
            return this;
        }

        @Override
        public void end() {
        }

        void unlink(Jedis jedis) {
            if (!keys.isEmpty()) {
                jedis.unlink(keys.toArray(String[]::new));
                keys.clear();
            }
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
