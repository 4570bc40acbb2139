package io.loadbench.datastores.containers;

import io.loadbench.datastores.Datastores;
import io.loadbench.datastores.TargetSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.testcontainers.junit.jupiter.Testcontainers;
import redis.clients.jedis.RedisClient;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The real container path; skipped when there is no Docker engine. The cheap check comes first so that a machine
 * without Docker does not get Testcontainers' loud ERROR log in every build.
 */
@EnabledIf("dockerMayExist")
@Testcontainers(disabledWithoutDocker = true)
class ContainersTargetDockerTest {

    static boolean dockerMayExist() {
        String home = System.getProperty("user.home");
        return DockerEnvironment.whyNoDocker(System.getenv(), home == null ? null : Path.of(home)).isEmpty();
    }

    @Test
    @SuppressWarnings("unchecked")
    void containersRunTheComposeImagesWithThePolicy() throws Exception {
        try (Datastores datastores = Datastores.open(TargetSpec.containers())) {
            try (Connection connection = datastores.openPgConnection();
                 Statement statement = connection.createStatement();
                 ResultSet rs = statement.executeQuery(
                         "SELECT current_setting('server_version_num')::int, current_setting('fsync')")) {
                rs.next();
                assertThat(rs.getInt(1)).isBetween(180000, 189999);
                assertThat(rs.getString(2)).isEqualTo("off");
            }
            try (RedisClient client = datastores.newRedisClient("containers-test", 2)) {
                assertThat(client.ping()).isEqualTo("PONG");
            }
            Map<String, Object> redis = (Map<String, Object>) datastores.describe().get("redis");
            assertThat((String) redis.get("version")).startsWith("6.2");
            assertThat(redis).containsEntry("protected", true);
            assertThat((Map<String, Object>) datastores.describe().get("postgres")).containsEntry("protected", true);
        }
    }

    @Test
    void theContainersRefuseClientsWithoutTheirRandomPasswords() throws Exception {
        try (Datastores datastores = Datastores.open(TargetSpec.containers())) {
            var pg = datastores.postgres();
            var redis = datastores.redis();
            assertThat(pg.password()).isNotEqualTo("loadbench").hasSizeGreaterThanOrEqualTo(32);
            java.util.Properties wrong = new java.util.Properties();
            wrong.setProperty("user", pg.user());
            wrong.setProperty("password", "loadbench");
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> new org.postgresql.Driver().connect(pg.jdbcUrl(), wrong).close())
                    .hasMessageContaining("password authentication failed");
            try (redis.clients.jedis.Jedis anonymous = new redis.clients.jedis.Jedis(redis.host(), redis.port())) {
                org.assertj.core.api.Assertions.assertThatThrownBy(anonymous::ping).hasMessageContaining("NOAUTH");
            }
        }
    }
}
