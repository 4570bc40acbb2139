package io.loadbench.results;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SecretsTest {

    @Test
    void masksUserInfoPasswordsAndPasswordParameters() {
        assertThat(Secrets.maskUrl("postgresql://bench:hunter2@db:5432/x")).isEqualTo("postgresql://bench:****@db:5432/x");
        assertThat(Secrets.maskUrl("jdbc:postgresql://db/x?user=a&password=hunter2&ssl=true"))
                .isEqualTo("jdbc:postgresql://db/x?user=a&password=****&ssl=true");
        assertThat(Secrets.maskUrl("-Dloadbench.pg.password=hunter2")).isEqualTo("-Dloadbench.pg.password=****");
        assertThat(Secrets.maskUrl("redis://db:6379")).isEqualTo("redis://db:6379");
    }

    @Test
    void recognisesSecretParameterNamesInAnyLocale() {
        assertThat(Secrets.isSecretName("PASSWORD")).isTrue();
        assertThat(Secrets.isSecretName("redisPassword")).isTrue();
        assertThat(Secrets.isSecretName("apiSecret")).isTrue();
        assertThat(Secrets.isSecretName("seed")).isFalse();
    }

    @Test
    void masksAPasswordEchoedVerbatim() {
        assertThat(Secrets.maskIn("FATAL: bad login hunter2", "hunter2")).isEqualTo("FATAL: bad login ****");
    }
}
