package io.loadbench.loader.sink.redis;

import io.loadbench.datastores.Datastores;
import io.loadbench.datastores.testing.TestDatastores;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.Jedis;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Against the embedded Redis; {@link ExternalRedisPipelineTest} repeats the essentials on LOADBENCH_REDIS_URL. */
class SingleWriterRedisPipelineTest {

    /** Replies the handshake adds to the count: AUTH when the server has a password, SELECT off database 0. */
    static long handshakeReplies(RedisAddress address) {
        return (address.password() == null ? 0 : 1) + (address.database() == 0 ? 0 : 1);
    }

    static void everyCommandIsSentAndAnsweredWhateverTheWindow(Datastores datastores) {
        RedisAddress address = RedisAddress.of(datastores.redis());
        String prefix = "lbtest:" + UUID.randomUUID() + ":";
        try (Jedis jedis = datastores.openRedisConnection()) {
            try {
                for (int depth : new int[]{1, 7, 1_000}) {
                    SingleWriterRedisPipeline pipeline = SingleWriterRedisPipeline.open(address, depth, 5_000);
                    for (int i = 0; i < 5_000; i++) {
                        pipeline.tag(i);
                        pipeline.begin(3).arg("SET").arg(prefix + depth + ":" + i).arg(i * 3L).end();
                    }
                    pipeline.begin(3).arg("INCRBY").arg(prefix + depth + ":0").arg(5).end();
                    pipeline.close();
                    assertThat(pipeline.repliesRead()).isEqualTo(pipeline.commandsEncoded())
                            .isEqualTo(5_001 + handshakeReplies(address));
                    assertThat(jedis.get(prefix + depth + ":4999")).isEqualTo("14997");
                    assertThat(jedis.get(prefix + depth + ":0")).isEqualTo("5");
                }
            } finally {
                jedis.keys(prefix + "*").forEach(jedis::del);
            }
        }
    }

    static void anErrorReplyFailsTheLoadNamingTheServerAndTheItem(Datastores datastores) {
        RedisAddress address = RedisAddress.of(datastores.redis());
        String key = "lbtest:" + UUID.randomUUID();
        try (Jedis jedis = datastores.openRedisConnection()) {
            try {
                SingleWriterRedisPipeline pipeline = SingleWriterRedisPipeline.open(address, 100, 5_000);
                pipeline.tag(6);
                pipeline.begin(3).arg("SET").arg(key).arg("not a number").end();
                pipeline.tag(7);
                pipeline.begin(2).arg("INCR").arg(key).end();
                assertThatThrownBy(pipeline::close).isInstanceOf(RedisLoadException.class)
                        .hasMessageContaining(address.hostAndPort())
                        .hasMessageContaining("command #" + (2 + handshakeReplies(address)) + " (item 7)")
                        .hasMessageContaining("not an integer");
            } finally {
                jedis.del(key);
            }
        }
    }

    @Test
    void everyCommandIsSentAndAnsweredWhateverTheWindow() {
        everyCommandIsSentAndAnsweredWhateverTheWindow(TestDatastores.embedded());
    }

    @Test
    void anErrorReplyFailsTheLoadNamingTheServerAndTheItem() {
        anErrorReplyFailsTheLoadNamingTheServerAndTheItem(TestDatastores.embedded());
    }

    @Test
    void aNonZeroDatabaseIsSelectedAndTheHandshakeReplyIsNotCountedTwice() {
        Datastores datastores = TestDatastores.embedded();
        RedisAddress database3 = RedisAddress.of(datastores.redis()).withDatabase(3);
        String key = "lbtest:" + UUID.randomUUID();
        SingleWriterRedisPipeline pipeline = SingleWriterRedisPipeline.open(database3, 2, 5_000);
        for (int i = 0; i < 10; i++) {
            pipeline.begin(2).arg("INCR").arg(key).end();
        }
        pipeline.close();
        assertThat(pipeline.repliesRead()).isEqualTo(pipeline.commandsEncoded()).isEqualTo(10 + handshakeReplies(database3));
        try (Jedis jedis = datastores.openRedisConnection()) {
            assertThat(jedis.get(key)).as("database 0").isNull();
            jedis.select(3);
            assertThat(jedis.get(key)).isEqualTo("10");
            jedis.del(key);
            jedis.select(0);
        }
    }

    @Test
    void commandsAfterAnErrorReplyAreRefused() {
        Datastores datastores = TestDatastores.embedded();
        RedisAddress address = RedisAddress.of(datastores.redis());
        SingleWriterRedisPipeline pipeline = SingleWriterRedisPipeline.open(address, 1, 5_000);
        pipeline.begin(2).arg("NOSUCHCOMMAND").arg("x").end();
        // with a window of one, the next command waits for the first reply, which is the error
        assertThatThrownBy(() -> pipeline.begin(1).arg("PING").end()).isInstanceOf(RedisLoadException.class)
                .hasMessageContaining("unknown command");
        assertThatThrownBy(pipeline::close).isInstanceOf(RedisLoadException.class);
    }

    @Test
    void anUnreachableServerIsOneLineNamingIt() {
        RedisAddress nowhere = new RedisAddress("127.0.0.1", 1, null, "secret", 0, false);
        assertThatThrownBy(() -> SingleWriterRedisPipeline.open(nowhere, 10, 2_000)).isInstanceOf(RedisLoadException.class)
                .hasMessageStartingWith("cannot connect to Redis at 127.0.0.1:1").hasMessageNotContaining("secret");
        assertThat(nowhere.toString()).doesNotContain("secret");
    }

    @Test
    void aServerWithoutModulesReportsNone() {
        assertThat(SingleWriterRedisPipeline.modules(RedisAddress.of(TestDatastores.embedded().redis()), 5_000)).isEmpty();
    }
}
