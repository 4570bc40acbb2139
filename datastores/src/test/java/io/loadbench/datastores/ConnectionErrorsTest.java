package io.loadbench.datastores;

import io.loadbench.results.Json;
import io.loadbench.datastores.testing.TestDatastores;
import org.junit.jupiter.api.Test;
import org.postgresql.util.PSQLException;
import org.postgresql.util.PSQLState;
import redis.clients.jedis.Jedis;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What a user reads when a server cannot be reached or refuses the login: one line, host:port, no password. */
class ConnectionErrorsTest {

    private static int closedPort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    @Test
    void unreachablePostgresNamesHostAndPortWithoutThePassword() throws Exception {
        int port = closedPort();
        TargetSpec spec = TargetSpec.resolve(null, "postgresql://bench:hunter2@127.0.0.1:" + port + "/x", null, Map.of());
        try (Datastores datastores = Datastores.open(spec)) {
            assertThatThrownBy(() -> datastores.newPgPool("unreachable", 1))
                    .isInstanceOf(DatastoreException.class)
                    .hasMessageStartingWith("PostgreSQL at 127.0.0.1:" + port + ": cannot connect (")
                    .hasMessageContaining("is the server running")
                    .hasMessageNotContaining("hunter2")
                    .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
            assertThatThrownBy(datastores::openPgConnection)
                    .hasMessageStartingWith("PostgreSQL at 127.0.0.1:" + port + ": cannot connect (");
        }
    }

    @Test
    void aPostgresThatAcceptsAndNeverAnswersFailsWithinTheLoginTimeout() throws Exception {
        // the backlog accepts the TCP connection; nothing ever reads or answers it (a frozen server)
        try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            TargetSpec spec = TargetSpec.resolve(null, "postgresql://bench:hunter2@127.0.0.1:" + silent.getLocalPort() + "/x",
                    null, Map.of());
            long startedNs = System.nanoTime();
            try (Datastores datastores = Datastores.open(spec)) {
                assertThatThrownBy(datastores::openPgConnection)
                        .isInstanceOf(DatastoreException.class)
                        .hasMessageStartingWith("PostgreSQL at 127.0.0.1:" + silent.getLocalPort() + ":")
                        .hasMessageNotContaining("hunter2");
            }
            // loginTimeout is 10 s; the bound leaves room for a loaded machine, and a hang would never end
            assertThat(java.time.Duration.ofNanos(System.nanoTime() - startedNs)).isLessThan(java.time.Duration.ofSeconds(40));
        }
    }

    @Test
    void unreachableRedisNamesHostAndPortWithoutThePassword() throws Exception {
        int port = closedPort();
        TargetSpec spec = TargetSpec.resolve(null, null, "redis://:hunter2@127.0.0.1:" + port, Map.of());
        try (Datastores datastores = Datastores.open(spec)) {
            assertThatThrownBy(() -> datastores.newRedisClient("unreachable", 1))
                    .isInstanceOf(DatastoreException.class)
                    .hasMessageStartingWith("Redis at 127.0.0.1:" + port + ": cannot connect (")
                    .hasMessageNotContaining("hunter2");
            assertThatThrownBy(datastores::openRedisConnection)
                    .hasMessageStartingWith("Redis at 127.0.0.1:" + port + ": cannot connect (");
        }
    }

    @Test
    void unknownHostIsNamed() {
        TargetSpec spec = TargetSpec.resolve(null, "jdbc:postgresql://no-such-host.invalid:5432/x", null, Map.of());
        try (Datastores datastores = Datastores.open(spec)) {
            assertThatThrownBy(datastores::openPgConnection)
                    .hasMessage("PostgreSQL at no-such-host.invalid:5432: unknown host 'no-such-host.invalid'");
        }
    }

    @Test
    void wrongPostgresPasswordIsReportedAsSuchAndMasked() throws Exception {
        Datastores embedded = TestDatastores.embedded();
        PostgresEndpoint server = embedded.postgres();
        Path hba = embedded.embeddedPostgres().dataDir().resolve("pg_hba.conf");
        String originalHba = Files.readString(hba, StandardCharsets.UTF_8);
        try (Connection admin = embedded.openPgConnection(); Statement statement = admin.createStatement()) {
            statement.execute("DROP ROLE IF EXISTS lb_core_pw_test");
            statement.execute("CREATE ROLE lb_core_pw_test LOGIN PASSWORD 'right-password'");
            // the embedded server trusts every login; demand a password from this one role only
            Files.writeString(hba, "host all lb_core_pw_test 127.0.0.1/32 scram-sha-256\n" + originalHba, StandardCharsets.UTF_8);
            statement.execute("SELECT pg_reload_conf()");
            try {
                TargetSpec spec = TargetSpec.resolve(null, "postgresql://lb_core_pw_test:wrong-hunter2@127.0.0.1:"
                        + server.port() + "/postgres", null, Map.of());
                try (Datastores external = Datastores.open(spec)) {
                    assertThatThrownBy(external::openPgConnection)
                            .isInstanceOf(DatastoreException.class)
                            .hasMessage("PostgreSQL at 127.0.0.1:" + server.port()
                                    + ": password authentication failed for user \"lb_core_pw_test\" (wrong password?) [28P01]");
                }
                TargetSpec right = TargetSpec.resolve(null, "postgresql://lb_core_pw_test:right-password@127.0.0.1:"
                        + server.port() + "/postgres", null, Map.of());
                try (Datastores external = Datastores.open(right); Connection connection = external.openPgConnection()) {
                    assertThat(connection.isValid(5)).isTrue();
                    String description = Json.write(external.describe());
                    assertThat(description).contains("\"user\" : \"lb_core_pw_test\"").doesNotContain("right-password");
                }
            } finally {
                Files.writeString(hba, originalHba, StandardCharsets.UTF_8);
                statement.execute("SELECT pg_reload_conf()");
                statement.execute("DROP ROLE IF EXISTS lb_core_pw_test");
            }
        }
    }

    @Test
    void wrongRedisPasswordIsReportedAsSuchAndMasked() {
        Datastores embedded = TestDatastores.embedded();
        RedisEndpoint server = embedded.redis();
        try (Jedis admin = embedded.openRedisConnection()) {
            admin.aclSetUser("lb-core-pw-test", "on", ">right-password", "~lb:core:*", "+@all");
            try {
                TargetSpec spec = TargetSpec.resolve(null, null,
                        "redis://lb-core-pw-test:wrong-hunter2@127.0.0.1:" + server.port(), Map.of());
                try (Datastores external = Datastores.open(spec)) {
                    assertThatThrownBy(() -> external.newRedisClient("wrong-password", 1))
                            .isInstanceOf(DatastoreException.class)
                            .hasMessageStartingWith("Redis at 127.0.0.1:" + server.port()
                                    + ": authentication failed (wrong user or password?)")
                            .hasMessageNotContaining("hunter2");
                    assertThatThrownBy(external::openRedisConnection)
                            .hasMessageContaining("authentication failed (wrong user or password?)");
                }
            } finally {
                admin.aclDelUser("lb-core-pw-test");
            }
        }
    }

    @Test
    void sqlStatesMapToReadableMessages() {
        PostgresEndpoint endpoint = new PostgresEndpoint("db", 5432, "bench", "loader", "hunter2", Map.of());

        assertThat(ConnectionErrors.postgres(endpoint, new SQLException("FATAL: database \"bench\" does not exist", "3D000")))
                .hasMessage("PostgreSQL at db:5432: database \"bench\" does not exist [3D000]");
        assertThat(ConnectionErrors.postgres(endpoint, new SQLException("FATAL: sorry, too many clients already", "53300")))
                .hasMessage("PostgreSQL at db:5432: too many connections (max_connections reached): "
                        + "FATAL: sorry, too many clients already [53300]");
        assertThat(ConnectionErrors.postgres(endpoint, new SQLException("FATAL: no pg_hba.conf entry for host", "28000")))
                .hasMessage("PostgreSQL at db:5432: login rejected for user \"loader\": FATAL: no pg_hba.conf entry for host [28000]");
        assertThat(ConnectionErrors.postgres(endpoint, new PSQLException("The connection attempt failed.",
                PSQLState.CONNECTION_UNABLE_TO_CONNECT)))
                .hasMessage("PostgreSQL at db:5432: cannot connect: The connection attempt failed. [08001]");
        assertThat(ConnectionErrors.postgres(endpoint, new SQLException("bad login for hunter2\nsecond line", "XX000")))
                .hasMessage("PostgreSQL at db:5432: bad login for **** [XX000]");
    }
}
