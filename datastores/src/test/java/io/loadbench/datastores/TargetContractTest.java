package io.loadbench.datastores;

import org.junit.jupiter.api.Test;
import redis.clients.jedis.Jedis;

import java.sql.Connection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The obligations of {@link Target}, checked for every implementation: subclasses only say how to open theirs.
 * Each test opens its own target and closes it.
 */
public abstract class TargetContractTest {

    /** A new, open target whose PostgreSQL and Redis both exist. */
    protected abstract Target openTarget();

    @Test
    void startsEachStoreOnFirstUseAndHandsOutTheSameReachableEndpointAfterwards() throws Exception {
        Target target = openTarget();
        try {
            if (target.startsServers()) {
                assertThat(target.runningPostgres()).as("PostgreSQL before first use").isNull();
                assertThat(target.runningRedis()).as("Redis before first use").isNull();
            }

            PostgresEndpoint postgres = target.postgres();
            assertThat(target.postgres()).isEqualTo(postgres);
            assertThat(target.runningPostgres()).isEqualTo(postgres);
            try (Connection connection = PostgresClients.open(postgres, "contract test")) {
                assertThat(connection.isValid(5)).isTrue();
            }

            RedisEndpoint redis = target.redis();
            assertThat(target.redis()).isEqualTo(redis);
            assertThat(target.runningRedis()).isEqualTo(redis);
            try (Jedis jedis = RedisClients.open(redis, "contract test")) {
                assertThat(jedis.ping()).isEqualTo("PONG");
            }
        } finally {
            target.close();
        }
    }

    @Test
    void closingTwiceStopsWhatItStartedOnce() {
        Target target = openTarget();
        PostgresEndpoint postgres = target.postgres();
        RedisEndpoint redis = target.redis();

        target.close();
        target.close();

        if (target.startsServers()) {
            assertThatThrownBy(() -> PostgresClients.open(postgres, "contract test").close())
                    .isInstanceOf(DatastoreException.class).hasMessageStartingWith("PostgreSQL at " + postgres.hostAndPort());
            assertThatThrownBy(() -> RedisClients.open(redis, "contract test").close())
                    .isInstanceOf(DatastoreException.class).hasMessageStartingWith("Redis at " + redis.hostAndPort());
        }
    }

    @Test
    void closingATargetNeverUsedIsHarmless() {
        Target target = openTarget();

        target.close();
        target.close();

        assertThat(target.kind()).isNotNull();
    }
}
