package io.loadbench.datastores;

import com.zaxxer.hikari.HikariDataSource;
import io.loadbench.datastores.testing.TestDatastores;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.Pipeline;
import redis.clients.jedis.RedisClient;

import java.io.StringReader;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The shared embedded PostgreSQL and Redis answer, with the embedded policy applied and described. */
class EmbeddedDatastoresTest {

    private final Datastores datastores = TestDatastores.embedded();

    @Test
    void embeddedPostgresListensOnLoopbackWithThePolicyApplied() throws Exception {
        PostgresEndpoint endpoint = datastores.postgres();
        assertThat(endpoint.host()).isEqualTo("127.0.0.1");
        assertThat(endpoint.port()).isNotEqualTo(PostgresEndpoint.DEFAULT_PORT);
        try (HikariDataSource pool = datastores.newPgPool("embedded-test", 2);
             Connection connection = pool.getConnection();
             Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery(
                     "SELECT current_setting('server_version_num')::int, current_setting('fsync'),"
                             + " current_setting('wal_level'), current_setting('max_connections'),"
                             + " current_setting('shared_buffers')")) {
            rs.next();
            assertThat(rs.getInt(1)).isGreaterThanOrEqualTo(180000);
            assertThat(rs.getString(2)).isEqualTo("off");
            assertThat(rs.getString(3)).isEqualTo("minimal");
            assertThat(rs.getString(4)).isEqualTo("300");
            assertThat(rs.getString(5)).isEqualTo("512MB");
        }
    }

    @Test
    void plainConnectionCopiesRowsIn() throws Exception {
        try (Connection connection = datastores.openPgConnection(); Statement statement = connection.createStatement()) {
            statement.execute("CREATE TEMP TABLE lb_core_copy (id int, name text)");
            long copied = connection.unwrap(PGConnection.class).getCopyAPI()
                    .copyIn("COPY lb_core_copy FROM STDIN", new StringReader("1\tone\n2\ttwo\n"));
            assertThat(copied).isEqualTo(2);
            try (ResultSet rs = statement.executeQuery("SELECT string_agg(name, ',' ORDER BY id) FROM lb_core_copy")) {
                rs.next();
                assertThat(rs.getString(1)).isEqualTo("one,two");
            }
        }
    }

    @Test
    void embeddedRedisAnswersPooledAndPipelinedCommands() {
        RedisEndpoint endpoint = datastores.redis();
        assertThat(endpoint.host()).isEqualTo("127.0.0.1");
        try (RedisClient client = datastores.newRedisClient("embedded-test", 4)) {
            client.set("lb:core:test:key", "value");
            assertThat(client.get("lb:core:test:key")).isEqualTo("value");
            client.del("lb:core:test:key");
        }
        try (Jedis jedis = datastores.openRedisConnection()) {
            Pipeline pipeline = jedis.pipelined();
            for (int i = 0; i < 100; i++) {
                pipeline.incr("lb:core:test:counter");
            }
            pipeline.sync();
            assertThat(jedis.get("lb:core:test:counter")).isEqualTo("100");
            jedis.del("lb:core:test:counter");
            assertThat(jedis.configGet("save")).containsEntry("save", "");
            assertThat(jedis.configGet("appendonly")).containsEntry("appendonly", "no");
        }
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void embeddedPostgresRefusesALoginWithoutThePasswordOverTcpAndTheUnixSocket() throws Exception {
        PostgresEndpoint endpoint = datastores.postgres();
        assertThat(endpoint.password()).as("a random password per server").hasSizeGreaterThanOrEqualTo(32);
        Properties noPassword = new Properties();
        noPassword.setProperty("user", endpoint.user());
        noPassword.setProperty("loginTimeout", "10");
        assertThatThrownBy(() -> new org.postgresql.Driver().connect(endpoint.jdbcUrl(), noPassword).close())
                .isInstanceOf(java.sql.SQLException.class).hasMessageContaining("password");
        Properties wrongPassword = new Properties();
        wrongPassword.putAll(noPassword);
        wrongPassword.setProperty("password", "not-" + endpoint.password());
        assertThatThrownBy(() -> new org.postgresql.Driver().connect(endpoint.jdbcUrl(), wrongPassword).close())
                .isInstanceOf(java.sql.SQLException.class).hasMessageContaining("password authentication failed");
        try (Connection connection = datastores.openPgConnection(); Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT auth_method, count(*) FROM pg_hba_file_rules"
                     + " WHERE type IN ('host', 'local') GROUP BY auth_method")) {
            rs.next();
            assertThat(rs.getString(1)).as("every host and local rule").isEqualTo("scram-sha-256");
            assertThat(rs.next()).as("no other method, e.g. trust").isFalse();
        }
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void embeddedRedisRefusesCommandsWithoutThePassword() {
        RedisEndpoint endpoint = datastores.redis();
        assertThat(endpoint.password()).hasSizeGreaterThanOrEqualTo(32);
        // a plain socket, so no client library's handshake decides what is sent
        try (java.net.Socket anonymous = new java.net.Socket(endpoint.host(), endpoint.port())) {
            anonymous.setSoTimeout(10_000);
            anonymous.getOutputStream().write("SET lb:core:test:anonymous x\r\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            String reply = new java.io.BufferedReader(new java.io.InputStreamReader(anonymous.getInputStream(),
                    java.nio.charset.StandardCharsets.US_ASCII)).readLine();
            assertThat(reply).startsWith("-NOAUTH");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        try (Jedis jedis = datastores.openRedisConnection()) {
            assertThat(jedis.configGet("bind")).containsEntry("bind", "127.0.0.1");
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void theDescriptionSaysTheServersAreProtectedAndHoldsNoPassword() {
        datastores.postgres();
        datastores.redis();
        String description = io.loadbench.results.Json.write(datastores.describe());
        assertThat(description).doesNotContain(datastores.postgres().password())
                .doesNotContain(datastores.redis().password());
        Map<String, Object> target = datastores.describe();
        assertThat((Map<String, Object>) target.get("postgres")).containsEntry("protected", true);
        assertThat((Map<String, Object>) target.get("redis")).containsEntry("protected", true);
    }

    @Test
    @SuppressWarnings("unchecked")
    void describeRecordsVersionsSettingsAndThePolicy() {
        datastores.postgres();
        datastores.redis();
        Map<String, Object> target = datastores.describe();
        assertThat(target).containsEntry("kind", "EMBEDDED");
        Map<String, Object> postgres = (Map<String, Object>) target.get("postgres");
        assertThat((String) postgres.get("version")).startsWith("PostgreSQL 18");
        assertThat((String) postgres.get("url")).startsWith("jdbc:postgresql://127.0.0.1:");
        Map<String, Object> settings = (Map<String, Object>) postgres.get("settings");
        assertThat(settings).containsEntry("fsync", "off").containsEntry("synchronous_commit", "off")
                .containsEntry("full_page_writes", "off").containsEntry("jit", "off")
                .containsKeys(TargetDescriber.POSTGRES_SETTINGS.toArray(String[]::new));
        Map<String, Object> policy = (Map<String, Object>) postgres.get("embeddedPolicy");
        assertThat((Map<String, Object>) policy.get("settings")).containsKey("fsync");
        Map<String, Object> redis = (Map<String, Object>) target.get("redis");
        assertThat((String) redis.get("version")).startsWith("6.2");
        assertThat(redis.get("mode")).isEqualTo("standalone");
        assertThat((Map<String, Object>) redis.get("config")).containsEntry("appendonly", "no").containsEntry("save", "");
    }

    @Test
    void closingTheSharedInstanceReleasesWhatWasHandedOutButKeepsTheServers() throws Exception {
        HikariDataSource pool = datastores.newPgPool("released-on-close", 1);
        RedisClient client = datastores.newRedisClient("released-on-close", 1);
        long postmasterPid = datastores.embeddedPostgres().pid();

        datastores.close();

        assertThat(pool.isClosed()).isTrue();
        assertThat(ProcessHandle.of(postmasterPid).map(ProcessHandle::isAlive)).contains(true);
        try (Connection connection = datastores.openPgConnection()) {
            assertThat(connection.isValid(5)).isTrue();
        }
        try (RedisClient again = datastores.newRedisClient("after-close", 1)) {
            assertThat(again.ping()).isEqualTo("PONG");
        }
        client.close();
    }
}
