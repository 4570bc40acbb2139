package io.loadbench.loader.datasets.analytics;

import io.loadbench.datastores.Datastores;
import io.loadbench.datastores.testing.TestDatastores;
import io.loadbench.loader.encode.CopyEncoder;
import io.loadbench.loader.run.DatasetLoader;
import io.loadbench.loader.run.DatasetVerifier;
import io.loadbench.loader.run.LoadPlan;
import io.loadbench.loader.run.VerificationResult;
import io.loadbench.loader.sink.postgres.LoadListener;
import io.loadbench.loader.sink.redis.RedisAddress;
import io.loadbench.loader.spi.Check;
import io.loadbench.loader.spi.DatasetContext;
import io.loadbench.loader.spi.DatasetParameters;
import io.loadbench.loader.spi.MutableData;
import io.loadbench.loader.testing.TestSchema;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import redis.clients.jedis.Jedis;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The analytics dataset's split: its tables are immutable (their checks pass however often a workload ran), its
 * Redis counters and cache entries are mutable (their check states the loaded content, and a restore puts it back).
 */
class AnalyticsMutableDataTest {

    private static final long EVENTS = 4_000;

    @TempDir
    Path runDir;

    private static AnalyticsSettings settings(String prefix) {
        return new AnalyticsSettings(6, 20, 4, 300, RedisDataType.STRING, 95, prefix, AnalyticsSettings.DEFAULT_WINDOW_START, null);
    }

    private static AnalyticsDataset dataset(String prefix) {
        RedisAddress address = RedisAddress.of(TestDatastores.embedded().redis());
        return new AnalyticsDataset(new DatasetParameters(11, EVENTS), settings(prefix), context -> address);
    }

    /** Loads the dataset into the schema (and its Redis fill under its prefix); returns the context to check it with. */
    private DatasetContext loaded(TestSchema schema, AnalyticsDataset dataset) throws Exception {
        DatasetContext context = schema.context(runDir);
        new DatasetLoader(schema.connections(), context, LoadListener.NONE, new PrintStream(OutputStream.nullOutputStream()))
                .load(new LoadPlan(dataset, 1_000, 2, CopyEncoder.Format.BINARY), false);
        return context;
    }

    @Test
    void theRedisContentIsDeclaredMutableAndNoImmutableCheckReadsIt() {
        AnalyticsDataset dataset = dataset("lbtest:" + UUID.randomUUID());
        assertThat(dataset.checks()).extracting(Check::name).doesNotContain("analytics redis");
        assertThat(dataset.mutableData()).extracting(MutableData::name).containsExactly("redis:analytics counters and cache entries");
        assertThat(dataset.mutableData()).extracting(data -> data.check().name()).containsExactly("analytics redis");
    }

    @Test
    @Timeout(120)
    void aWorkloadsIncrsAndCacheWritesFailOnlyTheMutableCheckAndARestorePutsTheLoadedStateBack() throws Exception {
        Datastores target = TestDatastores.embedded();
        String prefix = "lbtest:" + UUID.randomUUID();
        AnalyticsDataset dataset = dataset(prefix);
        AnalyticsKeys keys = new AnalyticsKeys(prefix);
        AnalyticsLayout layout = new AnalyticsLayout(11, EVENTS, settings(prefix));
        CacheWarming warming = new CacheWarming(11, 95);
        try (TestSchema schema = new TestSchema(target); Jedis jedis = target.openRedisConnection()) {
            DatasetContext context = loaded(schema, dataset);
            assertThat(DatasetVerifier.verify(dataset, context).passed()).as("right after the load").isTrue();
            String loadedCounter = jedis.get(keys.counter(2, EventType.CLICK, 1));
            String cold = coldFiltered(keys, warming);

            // what CacheQueriesSimulation does: INCR live counters, SETEX cache entries on misses
            jedis.incr(keys.counter(2, EventType.CLICK, 1));
            jedis.setex(keys.dashboard(1), 300, "{\"cached\":true}");
            jedis.setex(cold, 300, "{\"cached\":true}");
            jedis.set(prefix + ":foreign", "not the fill's");

            assertThat(DatasetVerifier.verify(dataset, context, DatasetVerifier.Scope.IMMUTABLE).passed())
                    .as("the tables are untouched by the workload").isTrue();
            VerificationResult changed = DatasetVerifier.verify(dataset, context, DatasetVerifier.Scope.MUTABLE);
            assertThat(changed.passed()).isFalse();
            assertThat(changed.failedChecks()).isEqualTo("analytics redis");

            DatasetLoader.Restored restored = DatasetLoader.restore(dataset, schema.connections(), context);

            assertThat(DatasetVerifier.verify(dataset, context, DatasetVerifier.Scope.MUTABLE).passed()).isTrue();
            assertThat(DatasetVerifier.verify(dataset, context).passed()).isTrue();
            assertThat(jedis.get(keys.counter(2, EventType.CLICK, 1))).isEqualTo(loadedCounter);
            assertThat(jedis.exists(cold)).as("a cold entry a workload wrote").isFalse();
            assertThat(jedis.get(keys.dashboard(1))).as("a warmed entry, written again").startsWith("{\"org_id\":1,");
            assertThat(jedis.get(prefix + ":foreign")).as("keys outside the fill's scheme stay").isEqualTo("not the fill's");
            MutableData.Restored part = restored.parts().get("redis:analytics counters and cache entries");
            assertThat(part.written()).isEqualTo(AnalyticsRedisWriter.keysOf(layout));
            assertThat(part.deleted()).as("the warmed entries and the workload's cold ones").isGreaterThanOrEqualTo(2);
            assertThat(restored.describe()).startsWith("redis:analytics counters and cache entries: ")
                    .contains(" keys deleted, ").endsWith(" keys written");

            DatasetLoader.drop(dataset, schema.connections(), context);
            jedis.del(prefix + ":foreign");
        }
    }

    @Test
    @Timeout(120)
    void dropAlsoDeletesTheCacheEntriesAWorkloadWroteUnderTheLayout() throws Exception {
        Datastores target = TestDatastores.embedded();
        String prefix = "lbtest:" + UUID.randomUUID();
        AnalyticsDataset dataset = dataset(prefix);
        AnalyticsKeys keys = new AnalyticsKeys(prefix);
        String cold = coldFiltered(keys, new CacheWarming(11, 95));
        try (TestSchema schema = new TestSchema(target); Jedis jedis = target.openRedisConnection()) {
            DatasetContext context = loaded(schema, dataset);
            jedis.setex(cold, 300, "{\"cached\":true}");

            DatasetLoader.drop(dataset, schema.connections(), context);

            assertThat(jedis.exists(cold)).isFalse();
            assertThat(jedis.keys(keys.pattern())).isEmpty();
        }
    }

    /** A filtered-query entry the fill does not warm (about a quarter are cold at 95%), so an entry of it is a workload's. */
    private static String coldFiltered(AnalyticsKeys keys, CacheWarming warming) {
        for (int org = 0; org < 6; org++) {
            for (EventType type : EventType.all()) {
                for (int b = 0; b < 4; b++) {
                    if (!warming.warmsFiltered(org, type, b, 4)) {
                        return keys.filtered(org + 1, type, b);
                    }
                }
            }
        }
        throw new IllegalStateException("every filtered entry of the layout is warmed; choose another seed");
    }
}
