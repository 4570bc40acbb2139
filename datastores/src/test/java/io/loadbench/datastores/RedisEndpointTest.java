package io.loadbench.datastores;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RedisEndpointTest {

    @Test
    void theUrlWithCredentialsParsesBackToTheSameEndpointWhateverThePasswordHolds() {
        RedisEndpoint endpoint = new RedisEndpoint("127.0.0.1", 6380, "lb", "p@ss/w?r#d:%", 2, false);

        assertThat(RedisEndpoint.parse(endpoint.urlWithCredentials(), "--redis-url")).isEqualTo(endpoint);
        assertThat(RedisEndpoint.of("127.0.0.1", 6379).urlWithCredentials()).isEqualTo("redis://127.0.0.1:6379");
    }

    @Test
    void parsesHostPortAndDefaults() {
        RedisEndpoint endpoint = RedisEndpoint.parse("redis://127.0.0.1:6380", "--redis-url");

        assertThat(endpoint).isEqualTo(new RedisEndpoint("127.0.0.1", 6380, null, null, 0, false));
        assertThat(RedisEndpoint.parse("redis://cache", "--redis-url").port()).isEqualTo(6379);
    }

    @Test
    void parsesAclUserPasswordDatabaseAndTls() {
        RedisEndpoint endpoint = RedisEndpoint.parse("rediss://app:hunter2@cache.example:6390/3", "--redis-url");

        assertThat(endpoint.user()).isEqualTo("app");
        assertThat(endpoint.password()).isEqualTo("hunter2");
        assertThat(endpoint.database()).isEqualTo(3);
        assertThat(endpoint.tls()).isTrue();
        assertThat(endpoint.url()).isEqualTo("rediss://cache.example:6390/3");
        assertThat(endpoint.toString()).isEqualTo("rediss://app:****@cache.example:6390/3");
    }

    @Test
    void aPasswordWithoutUserAuthenticatesTheDefaultUser() {
        RedisEndpoint endpoint = RedisEndpoint.parse("redis://:hunter2@cache:6379", "--redis-url");

        assertThat(endpoint.user()).isNull();
        assertThat(endpoint.password()).isEqualTo("hunter2");
        assertThat(endpoint.toString()).isEqualTo("redis://:****@cache:6379").doesNotContain("hunter2");
    }

    @Test
    void rejectsMalformedUrlsNamingTheOption() {
        assertThatThrownBy(() -> RedisEndpoint.parse("http://:hunter2@cache:6379", "--redis-url"))
                .isInstanceOf(InvalidTargetException.class)
                .hasMessageStartingWith("--redis-url: not a Redis URL")
                .hasMessageNotContaining("hunter2");
        assertThatThrownBy(() -> RedisEndpoint.parse("redis://cache:6379/two", "LOADBENCH_REDIS_URL"))
                .hasMessageStartingWith("LOADBENCH_REDIS_URL: database 'two' is not a non-negative number");
        assertThatThrownBy(() -> RedisEndpoint.parse("redis://cache:port", "--redis-url"))
                .hasMessageContaining("port 'port' is not a number");
    }

    @ParameterizedTest
    @ValueSource(strings = {"hun@ter2", "hun#ter2", "hun/ter2", "hun?ter2", "hun:ter2", "hun%ter2"})
    void aPasswordLeftUnencodedNeverReachesTheMessage(String password) {
        assertThatThrownBy(() -> RedisEndpoint.parse("redis://app:" + password + "@cache:63x9/2", "--redis-url"))
                .isInstanceOf(InvalidTargetException.class)
                .hasMessageStartingWith("--redis-url: ")
                .hasMessageNotContaining("hun").hasMessageNotContaining("ter2");
    }
}
