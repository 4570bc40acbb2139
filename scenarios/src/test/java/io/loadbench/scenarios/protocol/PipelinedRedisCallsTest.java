package io.loadbench.scenarios.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import io.loadbench.datastores.testing.TestDatastores;
import io.loadbench.scenarios.run.TargetConnector;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.Jedis;

/**
 * With a pipeline depth above 1, the engine's Redis commands share connections in batches: each reply still reaches the
 * command it answers, an error reply fails its command alone, and the engine's queue bound drops what does not fit.
 */
class PipelinedRedisCallsTest {

    private static final String PREFIX = "lb:test-pipelined:";

    @AfterEach
    void deleteKeys() {
        try (Jedis jedis = TestDatastores.embedded().openRedisConnection()) {
            for (String key : jedis.keys(PREFIX + "*")) {
                jedis.del(key);
            }
        }
    }

    private static DatastoreEngine engine(int connections, int depth, int queue) {
        DatastoreSettings settings = new DatastoreSettings(1, connections, queue, Duration.ofSeconds(5), Duration.ofSeconds(5), depth);
        DatastoreEngine engine = DatastoreEngine.start(new TargetConnector(TestDatastores.embedded()), settings);
        engine.open(Store.REDIS);
        return engine;
    }

    private static CompletableFuture<Outcome<Object>> submit(DatastoreEngine engine, String name, Object... args) {
        CompletableFuture<Outcome<Object>> done = new CompletableFuture<>();
        engine.submitRedis(System.nanoTime(), new RedisCommand(name, List.of(args), false), done::complete);
        return done;
    }

    @Test
    void everyReplyReachesTheCommandItAnswersAndAnErrorReplyFailsOnlyItsCommand() throws Exception {
        try (DatastoreEngine engine = engine(2, 8, 1000)) {
            List<CompletableFuture<Outcome<Object>>> sets = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                sets.add(submit(engine, "SET", PREFIX + i, "value-" + i));
            }
            for (CompletableFuture<Outcome<Object>> set : sets) {
                assertThat(set.get(10, TimeUnit.SECONDS).value()).isEqualTo("OK");
            }

            List<CompletableFuture<Outcome<Object>>> gets = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                // every tenth command is an error: INCR of a value that is no integer
                gets.add(i % 10 == 5 ? submit(engine, "INCR", PREFIX + i) : submit(engine, "GET", PREFIX + i));
            }
            for (int i = 0; i < 200; i++) {
                Outcome<Object> outcome = gets.get(i).get(10, TimeUnit.SECONDS);
                if (i % 10 == 5) {
                    assertThat(outcome.failure()).as("command %d", i).contains("not an integer");
                } else {
                    assertThat(outcome.failure()).as("command %d", i).isNull();
                    assertThat(outcome.value()).as("command %d", i).isEqualTo("value-" + i);
                }
                assertThat(outcome.serviceStartNanos()).isLessThanOrEqualTo(outcome.endNanos());
            }
            // commands sent in one batch share the moment it was sent
            long batches = gets.stream().map(CompletableFuture::join).mapToLong(Outcome::serviceStartNanos).distinct().count();
            assertThat(batches).as("batches for 200 commands queued at once").isLessThan(200);
            assertThat(engine.awaitIdle(5_000)).isTrue();
            assertThat(engine.inFlight()).isZero();
        }
    }

    @Test
    void aCommandThatFindsTheQueueFullIsDroppedAndCounted() throws Exception {
        try (DatastoreEngine engine = engine(1, 2, 1)) {
            // DEBUG SLEEP holds the only connection while more commands arrive than the queue (1) takes
            CompletableFuture<Outcome<Object>> slow = submit(engine, "DEBUG", "SLEEP", "0.5");
            Thread.sleep(100);
            List<CompletableFuture<Outcome<Object>>> more = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                more.add(submit(engine, "PING"));
            }

            assertThat(slow.get(10, TimeUnit.SECONDS).failure()).isNull();
            long dropped = 0;
            for (CompletableFuture<Outcome<Object>> ping : more) {
                String failure = ping.get(10, TimeUnit.SECONDS).failure();
                if (failure != null) {
                    assertThat(failure).startsWith("dropped: the Redis pipeline queue is full (1 waiting)");
                    dropped++;
                }
            }
            assertThat(dropped).isGreaterThanOrEqualTo(3);
            assertThat(engine.droppedCount()).isEqualTo(dropped);
        }
    }
}
