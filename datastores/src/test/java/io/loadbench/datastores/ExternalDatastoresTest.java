package io.loadbench.datastores;

import com.zaxxer.hikari.HikariDataSource;
import io.loadbench.datastores.testing.TestDatastores;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.RedisClient;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The servers named by LOADBENCH_PG_URL / LOADBENCH_REDIS_URL; skipped when those are unset. */
class ExternalDatastoresTest {

    @Test
    void externalPostgresAnswersThroughPoolAndPlainConnection() throws Exception {
        try (Datastores datastores = TestDatastores.externalPostgres()) {
            assertThat(datastores.kind()).isEqualTo(TargetKind.EXTERNAL);
            try (HikariDataSource pool = datastores.newPgPool("external-test", 2);
                 Connection connection = pool.getConnection();
                 Statement statement = connection.createStatement()) {
                statement.execute("DROP TABLE IF EXISTS lb_core_external_test");
                statement.execute("CREATE TABLE lb_core_external_test (id int PRIMARY KEY)");
                try {
                    statement.execute("INSERT INTO lb_core_external_test SELECT generate_series(1, 10)");
                    try (ResultSet rs = statement.executeQuery("SELECT count(*) FROM lb_core_external_test")) {
                        rs.next();
                        assertThat(rs.getLong(1)).isEqualTo(10);
                    }
                } finally {
                    statement.execute("DROP TABLE lb_core_external_test");
                }
            }
            try (Connection connection = datastores.openPgConnection()) {
                assertThat(connection.isValid(5)).isTrue();
            }
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void externalServersAreDescribedWithoutEmbeddedPolicy() {
        try (Datastores datastores = TestDatastores.external()) {
            Map<String, Object> target = datastores.describe();

            assertThat(target).containsEntry("kind", "EXTERNAL");
            Map<String, Object> postgres = (Map<String, Object>) target.get("postgres");
            assertThat((String) postgres.get("version")).startsWith("PostgreSQL ");
            assertThat((Integer) postgres.get("serverVersionNum")).isGreaterThanOrEqualTo(120000);
            assertThat((Map<String, Object>) postgres.get("settings")).containsKeys("fsync", "shared_buffers", "max_connections");
            assertThat(postgres).doesNotContainKey("embeddedPolicy");
            Map<String, Object> redis = (Map<String, Object>) target.get("redis");
            assertThat((String) redis.get("version")).isNotBlank();
            assertThat((Map<String, Object>) redis.get("config")).containsKeys("maxmemory", "maxmemory-policy", "appendonly");
            assertThat(redis).doesNotContainKey("embeddedPolicy");
        }
    }

    @Test
    void externalRedisAnswersPooledAndSingleConnections() {
        try (Datastores datastores = TestDatastores.externalRedis()) {
            try (RedisClient client = datastores.newRedisClient("external-test", 2)) {
                client.set("lb:core:external:test", "1");
                assertThat(client.incr("lb:core:external:test")).isEqualTo(2);
                client.del("lb:core:external:test");
            }
            try (Jedis jedis = datastores.openRedisConnection()) {
                assertThat(jedis.ping()).isEqualTo("PONG");
            }
        }
    }
}
