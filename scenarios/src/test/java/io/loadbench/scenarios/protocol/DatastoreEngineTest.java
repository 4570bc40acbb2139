package io.loadbench.scenarios.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import io.loadbench.datastores.testing.TestDatastores;
import io.loadbench.scenarios.run.TargetConnector;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class DatastoreEngineTest {

    @Test
    void aRequestToAStoreNoRequestOpenedFailsWithoutRunning() throws Exception {
        DatastoreSettings settings = DatastoreSettings.defaults();
        try (DatastoreEngine engine = DatastoreEngine.start(new TargetConnector(TestDatastores.embedded()), settings)) {
            List<Outcome<Object>> outcomes = new CopyOnWriteArrayList<>();
            CountDownLatch done = new CountDownLatch(1);
            engine.submitRedis(System.nanoTime(), new RedisCommand("GET", List.<Object>of("k"), true), outcome -> {
                outcomes.add(outcome);
                done.countDown();
            });
            assertThat(done.await(5, TimeUnit.SECONDS)).isTrue();
            assertThat(engine.isOpen(Store.REDIS)).isFalse();
            assertThat(outcomes.get(0).failure()).isEqualTo("Redis is not open: no request of the simulation was built for it");
        }
    }

    @Test
    void aRequestQueuedLongerThanThePoolTimeoutFailsWithoutRunningAndCountsItsWait() throws Exception {
        DatastoreSettings settings = new DatastoreSettings(1, 1, 100, Duration.ofMillis(1500), Duration.ofSeconds(5));
        try (DatastoreEngine engine = DatastoreEngine.start(new TargetConnector(TestDatastores.embedded()), settings)) {
            engine.open(Store.POSTGRES);
            List<Outcome<SqlResult>> outcomes = new CopyOnWriteArrayList<>();
            CountDownLatch done = new CountDownLatch(3);
            long asked = System.nanoTime();
            for (int i = 0; i < 3; i++) {
                engine.submitSql(asked, new SqlStatement("SELECT pg_sleep(1)", List.of(), 10), outcome -> {
                    outcomes.add(outcome);
                    done.countDown();
                });
            }
            assertThat(done.await(10, TimeUnit.SECONDS)).isTrue();

            // one connection: the first runs at once, the second after 1 s (within the timeout), the third after 2 s
            assertThat(outcomes).filteredOn(Outcome::succeeded).hasSize(2);
            Outcome<SqlResult> expired = outcomes.stream().filter(o -> !o.succeeded()).findFirst().orElseThrow();
            assertThat(expired.failure()).startsWith("no PostgreSQL connection within the pool timeout (1500 ms, waited ");
            assertThat(expired.intendedLatencyNanos()).isGreaterThanOrEqualTo(TimeUnit.MILLISECONDS.toNanos(1500));
            Outcome<SqlResult> second = outcomes.stream().filter(Outcome::succeeded)
                    .max(java.util.Comparator.comparingLong(Outcome::intendedLatencyNanos)).orElseThrow();
            assertThat(second.intendedLatencyNanos() - (second.endNanos() - second.serviceStartNanos()))
                    .as("the second waited for the first: queueing counts from the intended start")
                    .isGreaterThanOrEqualTo(TimeUnit.MILLISECONDS.toNanos(800));
        }
    }
}
