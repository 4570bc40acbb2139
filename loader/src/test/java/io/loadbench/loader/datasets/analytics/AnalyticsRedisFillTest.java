package io.loadbench.loader.datasets.analytics;

import io.loadbench.datastores.Datastores;
import io.loadbench.datastores.testing.TestDatastores;
import io.loadbench.loader.sink.redis.RedisAddress;
import io.loadbench.loader.sink.redis.RedisLoadException;
import io.loadbench.loader.spi.DatasetContext;
import io.loadbench.results.shard.Shard;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.Jedis;

import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AnalyticsRedisFillTest {

    private static AnalyticsLayout layout(RedisDataType type, String prefix) {
        return new AnalyticsLayout(11, 4_000, new AnalyticsSettings(6, 20, 4, 300, type, 95, prefix,
                AnalyticsSettings.DEFAULT_WINDOW_START, null));
    }

    @Test
    void everyDataTypeVariantFillsItsKeysAndDropRemovesExactlyThem() {
        Datastores datastores = TestDatastores.embedded();
        RedisAddress address = RedisAddress.of(datastores.redis());
        Map<RedisDataType, String> redisTypes = Map.of(RedisDataType.STRING, "string", RedisDataType.HASH, "hash",
                RedisDataType.LIST, "list", RedisDataType.SET, "set", RedisDataType.SORTED_SET, "zset");
        try (Jedis jedis = datastores.openRedisConnection()) {
            jedis.set("lbtest:bystander", "stays");
            for (Map.Entry<RedisDataType, String> variant : redisTypes.entrySet()) {
                String prefix = "lbtest:" + UUID.randomUUID();
                AnalyticsLayout layout = layout(variant.getKey(), prefix);
                AnalyticsRedisFill fill = new AnalyticsRedisFill(layout, c -> address);
                AtomicLong progress = new AtomicLong();
                long bytes = fill.fill(address, 64, progress::set);
                AnalyticsKeys keys = new AnalyticsKeys(prefix);

                assertThat(bytes).isPositive();
                assertThat(progress.get()).isEqualTo(fill.units());
                assertThat(jedis.type(keys.dashboard(1))).as(variant.getKey().optionValue()).isEqualTo(variant.getValue());
                assertThat(jedis.ttl(keys.dashboard(1))).isBetween(1L, 300L);
                assertThat(jedis.get(keys.counter(2, EventType.CLICK, 3)))
                        .isEqualTo(Long.toString(layout.cellsOf(1)[EventType.CLICK.ordinal()][3]));
                assertThat(jedis.incr(keys.counter(2, EventType.CLICK, 3))).as("a live event can INCR a counter")
                        .isEqualTo(layout.cellsOf(1)[EventType.CLICK.ordinal()][3] + 1);
                assertThat(jedis.hget(keys.meta(), "redis_type")).isEqualTo(variant.getKey().optionValue());
                assertThat(Double.parseDouble(jedis.hget(keys.meta(), "expected_hit_pct"))).isBetween(90.0, 100.0);

                assertThat(jedis.get(keys.marker())).as("the prefix's loadbench marker").startsWith("loadbench analytics fill");
                long deleted = AnalyticsRedisFill.deleteKeys(jedis, keys.pattern());
                assertThat(deleted).as("the fill's keys and its marker").isEqualTo(fill.units() + 1);
            }
            assertThat(jedis.get("lbtest:bystander")).isEqualTo("stays");
            jedis.del("lbtest:bystander");
        }
    }

    @Test
    void theShardsPartsAndTheFinishWriteExactlyTheKeysAndValuesOfAWholeFill() throws Exception {
        Datastores datastores = TestDatastores.embedded();
        RedisAddress address = RedisAddress.of(datastores.redis());
        String wholePrefix = "lbtest:" + UUID.randomUUID();
        String shardedPrefix = "lbtest:" + UUID.randomUUID();
        AnalyticsRedisFill whole = new AnalyticsRedisFill(layout(RedisDataType.HASH, wholePrefix), c -> address);
        AnalyticsRedisFill sharded = new AnalyticsRedisFill(layout(RedisDataType.HASH, shardedPrefix), c -> address);
        DatasetContext context = redisOnly(datastores);
        try (Jedis jedis = datastores.openRedisConnection()) {
            whole.fill(address, 64, done -> { });
            long partUnits = 0;
            for (int index = 0; index < 3; index++) {
                Shard shard = new Shard(index, 3);
                sharded.runShard(context, shard);
                partUnits += sharded.units(shard);
            }
            assertThat(partUnits).as("the parts are disjoint and cover every key but the meta hash").isEqualTo(whole.units() - 1);
            assertThat(jedis.exists(new AnalyticsKeys(shardedPrefix).meta())).as("no meta hash before the finish").isFalse();
            sharded.finishShards(context);

            Set<String> wholeKeys = jedis.keys(wholePrefix + ":*");
            Set<String> shardedKeys = jedis.keys(shardedPrefix + ":*");
            assertThat(shardedKeys).hasSameSizeAs(wholeKeys).hasSize((int) whole.units() + 1);
            for (String key : wholeKeys) {
                String twin = shardedPrefix + key.substring(wholePrefix.length());
                assertThat(jedis.dump(twin)).as(twin).isEqualTo(jedis.dump(key));
            }
        } finally {
            try (Jedis jedis = datastores.openRedisConnection()) {
                AnalyticsRedisFill.deleteKeys(jedis, wholePrefix + ":*");
                AnalyticsRedisFill.deleteKeys(jedis, shardedPrefix + ":*");
            }
        }
    }

    /** A context that has only Redis, with a pipeline depth of 64. */
    private static DatasetContext redisOnly(Datastores datastores) {
        return new DatasetContext() {
            @Override public java.sql.Connection openPostgres() { throw new UnsupportedOperationException("no PostgreSQL here"); }
            @Override public Jedis openRedis() { return datastores.openRedisConnection(); }
            @Override public java.nio.file.Path runDirectory() { return java.nio.file.Path.of("."); }
            @Override public int workers() { return 1; }
            @Override public int batchSize() { return 64; }
            @Override public void progress(long unitsDone) { }
        };
    }

    @Test
    void theJsonVariantFailsUpFrontWithAClearMessageWhenTheServerLacksRedisJson() {
        Datastores datastores = TestDatastores.embedded();
        RedisAddress address = RedisAddress.of(datastores.redis());
        String prefix = "lbtest:" + UUID.randomUUID();
        AnalyticsRedisFill fill = new AnalyticsRedisFill(layout(RedisDataType.JSON, prefix), c -> address);
        assertThatThrownBy(() -> fill.fill(address, 64, done -> { })).isInstanceOf(RedisLoadException.class)
                .hasMessageContaining("--redis-type json needs the RedisJSON module")
                .hasMessageContaining(address.hostAndPort());
        try (Jedis jedis = datastores.openRedisConnection()) {
            assertThat(jedis.keys(prefix + ":*")).as("nothing written").isEmpty();
        }
    }
}
