package io.loadbench.datastores;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PostgresEndpointTest {

    @Test
    void theUrlWithCredentialsParsesBackToTheSameEndpointWhateverThePasswordHolds() {
        PostgresEndpoint endpoint = PostgresEndpoint.parse(
                "jdbc:postgresql://127.0.0.1:5433/bench?sslmode=disable&user=lb&password=p%40ss%2Fw%3Fr%23d%3A%25%26x", "--pg-url");

        PostgresEndpoint again = PostgresEndpoint.parse(endpoint.jdbcUrlWithCredentials(), "--pg-url");

        assertThat(endpoint.password()).isEqualTo("p@ss/w?r#d:%&x");
        assertThat(again).isEqualTo(endpoint);
    }

    @Test
    void parsesAPgjdbcUrlWithCredentialsInTheQuery() {
        PostgresEndpoint endpoint = PostgresEndpoint.parse(
                "jdbc:postgresql://db.example:6543/bench?user=loader&password=s3cr%26t&sslmode=require", "--pg-url");

        assertThat(endpoint.host()).isEqualTo("db.example");
        assertThat(endpoint.port()).isEqualTo(6543);
        assertThat(endpoint.database()).isEqualTo("bench");
        assertThat(endpoint.user()).isEqualTo("loader");
        assertThat(endpoint.password()).isEqualTo("s3cr&t");
        assertThat(endpoint.driverOptions()).containsExactlyEntriesOf(java.util.Map.of("sslmode", "require"));
        assertThat(endpoint.jdbcUrl()).isEqualTo("jdbc:postgresql://db.example:6543/bench?sslmode=require");
    }

    @Test
    void parsesALibpqUriWithUserInfo() {
        PostgresEndpoint endpoint = PostgresEndpoint.parse("postgresql://bench:p%40ss:word@10.0.0.5/analytics", "--pg-url");

        assertThat(endpoint.host()).isEqualTo("10.0.0.5");
        assertThat(endpoint.port()).isEqualTo(5432);
        assertThat(endpoint.user()).isEqualTo("bench");
        assertThat(endpoint.password()).isEqualTo("p@ss:word");
        assertThat(endpoint.database()).isEqualTo("analytics");
        assertThat(endpoint.jdbcUrl()).isEqualTo("jdbc:postgresql://10.0.0.5:5432/analytics");
    }

    @Test
    void acceptsThePostgresSchemeAndIpv6AndDefaultsTheDatabaseToTheUser() {
        PostgresEndpoint endpoint = PostgresEndpoint.parse("postgres://alice@[::1]:5433", "LOADBENCH_PG_URL");

        assertThat(endpoint.host()).isEqualTo("[::1]");
        assertThat(endpoint.port()).isEqualTo(5433);
        assertThat(endpoint.database()).isEqualTo("alice");
        assertThat(endpoint.password()).isNull();
    }

    @Test
    void neverShowsThePasswordInItsUrlOrText() {
        PostgresEndpoint endpoint = PostgresEndpoint.parse("postgresql://bench:hunter2@db:5432/x", "--pg-url");

        assertThat(endpoint.jdbcUrl()).doesNotContain("hunter2").doesNotContain("bench");
        assertThat(endpoint.toString()).doesNotContain("hunter2").contains("password=****").contains("user=bench");
    }

    @Test
    void rejectsMalformedUrlsNamingTheOptionWithThePasswordMasked() {
        assertThatThrownBy(() -> PostgresEndpoint.parse("mysql://root:hunter2@db/x", "--pg-url"))
                .isInstanceOf(InvalidTargetException.class)
                .hasMessageStartingWith("--pg-url: not a PostgreSQL URL")
                .hasMessageContaining("mysql://root:****@db/x")
                .hasMessageNotContaining("hunter2");
        assertThatThrownBy(() -> PostgresEndpoint.parse("jdbc:postgresql://db:54x2/x?password=hunter2", "LOADBENCH_PG_URL"))
                .isInstanceOf(InvalidTargetException.class)
                .hasMessageStartingWith("LOADBENCH_PG_URL: port '54x2' is not a number in 'jdbc:postgresql://db:54x2/x?password=****'")
                .hasMessageNotContaining("hunter2");
        assertThatThrownBy(() -> PostgresEndpoint.parse("jdbc:postgresql://db:70000/x", "--pg-url"))
                .hasMessageContaining("port 70000 is outside 1-65535");
        assertThatThrownBy(() -> PostgresEndpoint.parse("jdbc:postgresql:///x", "--pg-url"))
                .hasMessageContaining("no host");
        assertThatThrownBy(() -> PostgresEndpoint.parse("jdbc:postgresql://a:1,b:2/x", "--pg-url"))
                .hasMessageContaining("several hosts are not supported");
        assertThatThrownBy(() -> PostgresEndpoint.parse("  ", "--pg-url"))
                .hasMessageStartingWith("--pg-url: empty PostgreSQL URL");
    }

    @ParameterizedTest
    @ValueSource(strings = {"hun@ter2", "hun#ter2", "hun/ter2", "hun?ter2", "hun:ter2", "hun%ter2"})
    void aPasswordLeftUnencodedNeverReachesTheMessage(String password) {
        assertThatThrownBy(() -> PostgresEndpoint.parse("postgresql://bench:" + password + "@db:54x2/x", "--pg-url"))
                .isInstanceOf(InvalidTargetException.class)
                .hasMessageStartingWith("--pg-url: ")
                .hasMessageNotContaining("hun").hasMessageNotContaining("ter2");
    }
}
